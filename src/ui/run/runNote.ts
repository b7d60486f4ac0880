import { linkContractAt, linkStateKey, readLinkStateKey } from '../../model/faults'
import { linkRole, nodeLabel, otherSide } from '../../model/rules'
import type { Diagram, DiagramLink } from '../../model/types'

/** The note in words, '' when the timeline has changed nothing that concerns this link. Pure. */
export function runNote(d: Diagram, link: DiagramLink, time: number): string {
  const faults = d.faults ?? []
  const key = linkStateKey(faults, time, link.id)
  const state = key === '' ? null : readLinkStateKey(key)
  const said = state
    ? [state.addedMs > 0 ? `takes ${state.addedMs} ms longer each way` : '', state.contract !== null && state.contract !== link.settings.contract ? `speaks “${state.contract}”` : '', state.detached ? 'is detached' : '', state.unsubscribed ? 'is not subscribed' : ''].filter(Boolean)
    : []
  const parts = said.length > 0 ? [`In the run, by a fault on its timeline, this link now ${said.join(' and ')}.`] : []
  if (link.kind === 'message') {
    // the other side of its queue (consumers for a producer, producers for a consumer), where
    // a contract fault made the two disagree; a mismatch in the settings has its own warning
    const producer = linkRole(d, link) === 'publish'
    const others = otherSide(d, link)
    const changed = new Set(faults.filter((f) => f.at <= time && f.action === 'contract').map((f) => ('link' in f ? f.link : '')))
    const own = linkContractAt(d, link, time)
    const apart = others.filter((l) => (changed.has(l.id) || changed.has(link.id)) && linkContractAt(d, l, time) !== own)
    if (apart.length > 0) {
      const names = apart.map((l) => `${nodeLabel(d, producer ? l.target : l.source)} (“${linkContractAt(d, l, time)}”)`).join(', ')
      parts.push(
        producer
          ? `Some of its consumers expect something else: ${names}. What it sends now is dead-lettered when it reaches them.`
          : `Its producers now send something else: ${names}. This consumer refuses those messages and they are dead-lettered.`,
      )
    }
  }
  return parts.join(' ')
}
