import { linkStateKey, readLinkStateKey } from '../../model/faults'
import type { DiagramLink } from '../../model/types'
import { useRunMaybe } from '../../store/react/runContext'

/**
 * Under a link's settings: what the run's fault timeline has made of the link by the run's
 * current instant, where that differs from the settings (a contract a new release changed,
 * a consumer detached, a subscriber gone). The settings stay what the diagram says.
 */
export function LinkRunNote({ link }: { link: DiagramLink }) {
  const key = useRunMaybe((s) => (s.faults.length === 0 ? '' : linkStateKey(s.faults, s.time, link.id)), '')
  if (key === '') return null
  const state = readLinkStateKey(key)
  const said = [
    state.contract !== null && state.contract !== link.settings.contract ? `speaks “${state.contract}”` : '',
    state.detached ? 'is detached' : '',
    state.unsubscribed ? 'is not subscribed' : '',
  ].filter(Boolean)
  if (said.length === 0) return null
  return (
    <p className="run-note" role="note">
      In the run, by a fault on its timeline, this link now {said.join(' and ')}.
    </p>
  )
}
