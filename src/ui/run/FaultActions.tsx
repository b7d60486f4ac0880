import { useMemo } from 'react'
import { useDiagramStructure } from '../../store/react/editorContext'
import { useRunMaybe, useRunnerMaybe } from '../../store/react/runContext'
import { linkStatesAt, liveFaultTime } from '../../model/faults'
import { faultChoices, faultsBy, replicaStates } from './faultChoices'

/**
 * "Break it" buttons in the inspector: each puts a fault on the diagram's timeline at the
 * run's current instant (undoable, kept in share links) and the run applies it at once.
 */
export function FaultActions({ target }: { target: { node: string } | { link: string } }) {
  const runner = useRunnerMaybe()
  const diagram = useDiagramStructure()
  const time = useRunMaybe((s) => Math.floor(s.time / 100) * 100, 0)
  const faults = useRunMaybe((s) => s.faults, [])
  // what the timeline has done by the instant a new fault would land (a fault just added included)
  const applied = useRunMaybe((s) => faultsBy(s.faults, liveFaultTime(s.time)), 0)
  const links = useMemo(() => linkStatesAt(faults.slice(0, applied), Infinity), [faults, applied])
  const states = useRunMaybe((s) => replicaStates(s.snapshot, 'node' in target ? target.node : null), '')
  const choices = faultChoices(diagram, target, links, states ? (states.split(',') as ('up' | 'crashed' | 'restarting')[]) : undefined)
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
