import { useId } from 'react'
import { useRunMaybe, useRunnerMaybe } from '../../store/react/runContext'
import type { FaultChoice } from './faultChoices'
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
  const id = useId()
  if (!runner || choices.length === 0) return null
  const button = (c: FaultChoice, describedBy?: string) => (
    <button key={c.label} type="button" className={c.harmful ? 'danger' : undefined} aria-describedby={describedBy} onClick={() => runner.injectFault(c.fault)}>
      {c.label}
    </button>
  )
  // what a choice does, where its label leaves it open, is written out beside it (the
  // context menu has it as a tooltip, which touch screens never show)
  const explained = choices.filter((c) => c.hint)
  return (
    <fieldset className="fault-actions">
      <legend>Faults</legend>
      <p className="muted">Happens at the run’s current instant (now {(time / 1000).toFixed(1)} s) and goes on the timeline. Also on right-click.</p>
      <div className="fault-actions__buttons">{choices.filter((c) => !c.hint).map((c) => button(c))}</div>
      {explained.map((c, i) => (
        <div key={c.label} className="fault-actions__explained">
          {button(c, `${id}-${i}`)}
          <span id={`${id}-${i}`} className="muted">
            {c.hint}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
