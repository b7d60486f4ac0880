import { useMemo } from 'react'
import { liveFaultTime } from '../../model/faults'
import { useDiagramStructure } from '../../store/react/editorContext'
import { useRunMaybe } from '../../store/react/runContext'
import { type FaultAmount, faultsBy, offeredNow, offeredReplicaStates, type FaultChoice } from './faultChoices'

/**
 * The faults a node or link offers now, for the context menu and the inspector's buttons,
 * and (for the inspector) those that take a typed amount. It re-renders only when what it
 * offers can change (a fault reached on the timeline, a replica's state), not on every
 * frame of a playing run. Replicas are the run's while it plays, else the timeline's.
 */
export function useFaultChoices(target: { node: string } | { link: string }): { choices: FaultChoice[]; amounts: FaultAmount[] } {
  const diagram = useDiagramStructure()
  const faults = useRunMaybe((s) => s.faults, [])
  // what the timeline has done by the instant a new fault would land (one just added included)
  const applied = useRunMaybe((s) => faultsBy(s.faults, liveFaultTime(s.time)), 0)
  const states = useRunMaybe((s) => offeredReplicaStates(s, diagram, 'node' in target ? target.node : null), '')
  return useMemo(() => offeredNow(diagram, target, faults, applied, states), [diagram, target, faults, applied, states])
}
