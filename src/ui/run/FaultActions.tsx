import { useRunMaybe, useRunnerMaybe } from '../../store/react/runContext'
import { useFaultChoices } from './useFaultChoices'

/**
 * "Break it" buttons in the inspector: each puts a fault on the diagram's timeline at the
 * run's current instant (undoable, kept in share links) and the run applies it at once.
 */
export function FaultActions({ target }: { target: { node: string } | { link: string } }) {
  const runner = useRunnerMaybe()
  // tenths of a second are enough for the words; the choices follow the timeline exactly
  const time = useRunMaybe((s) => Math.floor(s.time / 100) * 100, 0)
  const choices = useFaultChoices(target)
  if (!runner || choices.length === 0) return null
  return (
    <fieldset className="fault-actions">
      <legend>Faults</legend>
      <p className="muted">Happens at the run’s current instant (now {(time / 1000).toFixed(1)} s) and goes on the timeline. Also on right-click.</p>
      <div className="fault-actions__buttons">
        {choices.map((c) => (
          <button key={c.label} type="button" className={c.harmful ? 'danger' : undefined} title={c.hint} onClick={() => runner.injectFault(c.fault)}>
            {c.label}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
