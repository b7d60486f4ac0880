import { readLinkStateKey } from '../model/faults'
import { linkBadge } from '../model/summary'
import type { WireFlowEdge } from './flowTypes'

/**
 * The text of a link's badge as the run stands, from its `linkStateKey` ('' when no fault
 * touches it by now): the contract a fault switched to, the latency a fault added
 * ("HTTP · +200 ms"), and whether the consumer is away. Shared by the link (WireEdge.tsx),
 * which draws it, and the packet layer, whose labels keep off it. Pure.
 */
export function badgeText(data: NonNullable<WireFlowEdge['data']>, liveKey: string): string {
  if (liveKey === '') return data.badge
  const state = readLinkStateKey(liveKey)
  const link = state.contract === null ? data.link : { ...data.link, settings: { ...data.link.settings, contract: state.contract } }
  const away = [state.addedMs > 0 ? `+${state.addedMs} ms` : '', state.detached ? 'detached' : '', state.unsubscribed ? 'not subscribed' : ''].filter(Boolean).join(', ')
  return `${linkBadge(link, data.role)}${away ? ` · ${away}` : ''}`
}
