import type { Diagram, DiagramLink } from '../../model/types'
import { useRunMaybe } from '../../store/react/runContext'
import { runNote } from './runNote'

/**
 * Under a link's settings: what the run's fault timeline has made of the link by the run's
 * current instant, where that differs from the settings (a contract a new release changed,
 * a consumer detached, a subscriber gone), and whether its queue's two sides still agree
 * on the contract. The settings stay what the diagram says.
 */
export function LinkRunNote({ link, diagram }: { link: DiagramLink; diagram: Diagram }) {
  const text = useRunMaybe((s) => (s.faults.length === 0 ? '' : runNote({ ...diagram, faults: s.faults }, link, s.time)), '')
  if (text === '') return null
  return (
    <p className="run-note" role="note">
      {text}
    </p>
  )
}
