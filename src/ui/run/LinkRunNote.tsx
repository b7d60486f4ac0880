import { useMemo } from 'react'
import type { Diagram, DiagramLink } from '../../model/types'
import { useRunMaybe } from '../../store/react/runContext'
import { faultsBy } from './faultChoices'
import { runNote } from './runNote'

/**
 * Under a link's settings: what the run's fault timeline has made of the link by the run's
 * current instant, where that differs from the settings (a contract a new release changed,
 * a consumer detached, a subscriber gone), and whether its queue's two sides still agree
 * on the contract. The settings stay what the diagram says. Re-renders only when the run
 * reaches another fault, not on every frame.
 */
export function LinkRunNote({ link, diagram }: { link: DiagramLink; diagram: Diagram }) {
  const faults = useRunMaybe((s) => s.faults, [])
  const applied = useRunMaybe((s) => faultsBy(s.faults, s.time), 0)
  const text = useMemo(() => (applied === 0 ? '' : runNote({ ...diagram, faults: faults.slice(0, applied) }, link, Infinity)), [diagram, faults, applied, link])
  if (text === '') return null
  return (
    <p className="run-note" role="note">
      {text}
    </p>
  )
}
