import { useCallback, useEffect, useRef, useState } from 'react'
import type { LinkView } from '../share/link'
import type { EditorStore } from '../store/editorStore'
import type { Runner } from '../store/run/types'

/**
 * The live run of the editor's diagram. The engine is loaded after the first paint (it is
 * not needed to draw or edit), so the initial bundle stays small; until it is there the
 * run controls wait. While playing or seeking, one animation-frame loop advances it; when
 * paused no frame is requested at all.
 */
export function useLiveRun(store: EditorStore): Runner | null {
  const [runner, setRunner] = useState<Runner | null>(null)
  useEffect(() => {
    let made: Runner | null = null
    let cancelled = false
    void import('../store/run/runner').then(({ createRunner }) => {
      if (cancelled) return
      made = createRunner({ editor: store, clock: () => performance.now() })
      setRunner(made)
    })
    return () => {
      cancelled = true
      made?.dispose()
    }
  }, [store])

  useEffect(() => {
    if (!runner) return
    let frame = 0
    let last = 0
    const loop = (now: number) => {
      runner.store.getState().tick(last === 0 ? 0 : now - last)
      last = now
      frame = requestAnimationFrame(loop)
    }
    const sync = (active: boolean) => {
      if (active && frame === 0) {
        last = 0
        frame = requestAnimationFrame(loop)
      } else if (!active && frame !== 0) {
        cancelAnimationFrame(frame)
        frame = 0
      }
    }
    const active = (s: ReturnType<Runner['store']['getState']>) => s.playing || s.seeking !== null
    sync(active(runner.store.getState()))
    const unsubscribe = runner.store.subscribe((s) => sync(active(s)))
    return () => {
      unsubscribe()
      sync(false)
    }
  }, [runner])
  return runner
}

/**
 * Apply how a share link says to watch its run (speed, start instant). A link opened at
 * page load arrives before the engine has loaded: it waits for the run.
 */
export function useLinkView(runner: Runner | null): (view: LinkView) => void {
  const pending = useRef<LinkView | null>(null)
  useEffect(() => {
    if (!runner || !pending.current) return
    applyView(runner, pending.current)
    pending.current = null
  }, [runner])
  return useCallback(
    (view: LinkView) => {
      if (runner) applyView(runner, view)
      else pending.current = view
    },
    [runner],
  )
}

function applyView(runner: Runner, view: LinkView) {
  const run = runner.store.getState()
  if (view.speed !== undefined) run.setSpeed(view.speed)
  if (view.at !== undefined) run.seek(view.at)
}
