import { useEffect, useState } from 'react'
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
