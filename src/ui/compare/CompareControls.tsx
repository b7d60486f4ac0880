import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { EditorStore } from '../../store/editorStore'
import type { Runner } from '../../store/run/types'
import { formatSimTime } from '../run/formatTime'
import { RUN_JUMPS, RUN_SPEEDS } from '../run/runChoices'
import { TimelineTrack } from '../run/Timeline'
import { FaultsEverywhere } from './FaultsEverywhere'
import { useComparedFaults } from './useComparedFaults'

// three runs at once: jumps up to a minute (longer ones take three times the engine's work)
const JUMPS = RUN_JUMPS.slice(0, 3)

/**
 * One set of run controls for several runs side by side: every button acts on all of
 * them, so they share one simulated clock (each is deterministic; given the same frames
 * they stand at the same instant).
 */
export function CompareControls({ runners, stores, names }: { runners: readonly Runner[]; stores: readonly EditorStore[]; names: readonly string[] }) {
  const lead = runners[0]!.store
  const playing = useStore(lead, (s) => s.playing)
  const time = useStore(lead, (s) => s.time)
  const horizon = useStore(lead, (s) => s.horizon)
  const speed = useStore(lead, (s) => s.speed)
  const seeking = useStore(lead, (s) => s.seeking)
  const [jump, setJump] = useState(10_000)
  const marks = useComparedFaults(runners, stores, names)
  const all = (f: (r: Runner) => void) => runners.forEach(f)
  const toggle = () => all((r) => (playing ? r.store.getState().pause() : r.store.getState().play()))
  /**
   * A fast-forward or seek, done with every run paused, and playing again only once all of
   * them got there: each spreads its seek over frames at its own pace, and one that
   * resumed early would run ahead of the others for good.
   */
  const together = (move: (r: Runner) => void) => {
    const resume = runners.some((r) => r.store.getState().playing) || resumeAfter.current !== null
    resumeAfter.current?.()
    resumeAfter.current = null
    all((r) => r.store.getState().pause())
    all(move)
    if (!resume) return
    const settled = () => runners.every((r) => r.store.getState().seeking === null)
    if (settled()) return all((r) => r.store.getState().play())
    const unsubscribe = runners.map((r) =>
      r.store.subscribe(() => {
        if (!settled()) return
        stop()
        // this runs inside one run's tick of the frame loop: playing them now would let the
        // runs after it in the loop advance this frame and the others not. After the frame:
        queueMicrotask(() => all((x) => x.store.getState().play()))
      }),
    )
    const stop = () => {
      unsubscribe.forEach((u) => u())
      resumeAfter.current = null
    }
    resumeAfter.current = stop
  }
  const resumeAfter = useRef<(() => void) | null>(null)
  useEffect(() => () => resumeAfter.current?.(), [])

  // Space runs and pauses all of them; one listener, reading the latest toggle
  const latestToggle = useRef(toggle)
  useEffect(() => {
    latestToggle.current = toggle
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (e.key !== ' ' || target.closest?.('button, a, input, select, textarea, summary')) return
      e.preventDefault()
      latestToggle.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <section className="runbar compare__controls" aria-label="Run">
      <div className="runbar__row">
        <div role="toolbar" aria-label="Run controls" className="runbar__group">
          <button type="button" className="runbar__play primary" onClick={toggle} aria-keyshortcuts="Space">
            {playing ? 'Pause' : 'Run'}
          </button>
          <button type="button" onClick={() => all((r) => r.store.getState().reset())}>
            Reset
          </button>
        </div>
        <span className="runbar__clock" role="timer" aria-label="Simulated time">
          {formatSimTime(time)}
        </span>
        {seeking && (
          <span className="runbar__seeking" role="status">
            Fast-forwarding…
          </span>
        )}
        <label className="runbar__field">
          Speed
          <select value={speed} onChange={(e) => all((r) => r.store.getState().setSpeed(Number(e.target.value)))}>
            {RUN_SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
        <div className="runbar__group">
          <select aria-label="Fast-forward by" value={jump} onChange={(e) => setJump(Number(e.target.value))}>
            {JUMPS.map(([label, ms]) => (
              <option key={ms} value={ms}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => together((r) => r.store.getState().fastForward(jump))}>
            Fast-forward
          </button>
        </div>
        <FaultsEverywhere runners={runners} stores={stores} />
      </div>
      <TimelineTrack time={time} horizon={horizon} marks={marks} seek={(t) => together((r) => r.store.getState().seek(t))} />
    </section>
  )
}
