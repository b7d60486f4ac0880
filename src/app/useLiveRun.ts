import { useCallback, useEffect, useRef, useState } from 'react'
import type { LinkView } from '../share/link'
import type { EditorStore } from '../store/editorStore'
import type { Runner } from '../store/run/types'

/**
 * The live run of the editor's diagram. The engine is loaded after the first paint (it is
 * not needed to draw or edit), so the initial bundle stays small; until it is there the
 * run controls wait. While playing or seeking, one animation-frame loop advances it
 * (driveRuns); when paused no frame is requested at all.
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

  useEffect(() => (runner ? driveRuns([runner]) : undefined), [runner])
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

/**
 * One animation-frame loop for runs that share a clock: while any plays or seeks, each
 * frame gives every one of them the same wall time; when none does, no frame is asked
 * for. Returns the function that stops it.
 */
export function driveRuns(runners: readonly Runner[]): () => void {
  let frame = 0
  let last = 0
  const loop = (now: number) => {
    const dt = last === 0 ? 0 : now - last
    last = now
    for (const r of runners) r.store.getState().tick(dt)
    frame = requestAnimationFrame(loop)
  }
  const sync = () => {
    const active = runners.some((r) => r.store.getState().playing || r.store.getState().seeking !== null)
    if (active && frame === 0) {
      last = 0
      frame = requestAnimationFrame(loop)
    } else if (!active && frame !== 0) {
      cancelAnimationFrame(frame)
      frame = 0
    }
  }
  sync()
  const unsubscribe = runners.map((r) => r.store.subscribe(sync))
  return () => {
    unsubscribe.forEach((u) => u())
    if (frame !== 0) cancelAnimationFrame(frame)
    frame = 0
  }
}
