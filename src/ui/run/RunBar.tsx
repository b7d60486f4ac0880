import { useState } from 'react'
import { useRun } from '../../store/react/runContext'
import { COMMANDS } from '../commands'
import { useCommandContext } from '../commandContext'
import { formatSimTime } from './formatTime'
import { RUN_JUMPS, RUN_SPEEDS } from './runChoices'
import { Timeline } from './Timeline'


/**
 * The run's controls: Run/Pause (Space), Step, Reset, speed, fast-forward, the simulated
 * clock, the seed, and the timeline. Mounted once the engine has loaded. `editFaults`:
 * the timeline's faults can be removed (the editor; an embed is read-only).
 */
export function RunBar({ editFaults = false }: { editFaults?: boolean }) {
  const ctx = useCommandContext()
  const playing = useRun((s) => s.playing)
  const seeking = useRun((s) => s.seeking)
  const time = useRun((s) => s.time)
  const speed = useRun((s) => s.speed)
  const finished = useRun((s) => s.finished)
  const events = useRun((s) => s.snapshot.events)
  const setSpeed = useRun((s) => s.setSpeed)
  const fastForward = useRun((s) => s.fastForward)
  const [jump, setJump] = useState(10_000)
  const progress = seeking ? Math.round((100 * (time - seeking.from)) / Math.max(1, seeking.target - seeking.from)) : 0

  return (
    <section className="runbar" aria-label="Run">
      <div className="runbar__row">
        <div role="toolbar" aria-label="Run controls" className="runbar__group">
          <button type="button" className="runbar__play primary" onClick={() => void COMMANDS.runPause.run(ctx)} aria-keyshortcuts="Space" title={playing ? 'Pause the run (Space)' : 'Run the simulation (Space)'}>
            {playing ? 'Pause' : 'Run'}
          </button>
          <button type="button" onClick={() => void COMMANDS.step.run(ctx)} disabled={seeking !== null} title="Process the next event of the simulation, then pause">
            Step
          </button>
          <button type="button" onClick={() => void COMMANDS.resetRun.run(ctx)} title="Back to 0 s, paused (same seed and faults)">
            Reset
          </button>
        </div>
        <span className="runbar__clock" role="timer" aria-label="Simulated time" title="Simulated time since the run started">
          {formatSimTime(time)}
        </span>
        <span className="runbar__events" title="Events the simulation has processed (Step processes one)">
          <span aria-label="Events processed">{events.toLocaleString('en-US')}</span> events
        </span>
        {seeking && (
          <span className="runbar__seeking" role="status">
            {seeking.target < seeking.from ? 'Replaying' : 'Fast-forwarding'}… {progress} %
          </span>
        )}
        {finished && !seeking && (
          <span className="runbar__seeking" role="status">
            Nothing left to happen.
          </span>
        )}
        <label className="runbar__field">
          Speed
          <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Simulated time per real second">
            {RUN_SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
        {/* reads as a phrase, 'Fast-forward by 10 s', so the amount is not taken for the run's length */}
        <div className="runbar__group runbar__group--tight">
          <button type="button" onClick={() => fastForward(jump)} title="Simulate ahead by the chosen time, at full speed">
            Fast-forward
          </button>
          <label className="runbar__field runbar__field--tight">
            by
            <select aria-label="Fast-forward by" value={jump} onChange={(e) => setJump(Number(e.target.value))} title="How far to fast-forward">
              {RUN_JUMPS.map(([label, ms]) => (
                <option key={ms} value={ms}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <SeedField />
      </div>
      <Timeline editFaults={editFaults} />
    </section>
  )
}

function SeedField() {
  const seed = useRun((s) => s.seed)
  const setSeed = useRun((s) => s.setSeed)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const v = draft.trim() === '' ? NaN : Number(draft)
    if (!Number.isSafeInteger(v) || v < 0 || v > 2_147_483_647) {
      setError('The seed is a whole number from 0 to 2,147,483,647.')
      return
    }
    setError(null)
    setDraft(null)
    if (v !== seed) setSeed(v)
  }
  return (
    <label className="runbar__field" title="The same diagram, seed and faults always give the same run">
      Seed
      <input
        className="runbar__seed"
        type="text"
        inputMode="numeric"
        value={draft ?? String(seed)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'seed-error' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
      />
      {error && (
        <span id="seed-error" className="runbar__error" role="alert">
          {error}
        </span>
      )}
    </label>
  )
}
