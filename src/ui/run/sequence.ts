import type { Diagram } from '../../model/types'
import type { Hop } from '../../sim/types'
import { errorWords, FAILURE_WORDS } from '../../store/run/reasonWords'

/**
 * A request's journey laid out as a sequence diagram: one lifeline per node it touched, in
 * the order it first reached them (the caller left of the callee), and one arrow per hop,
 * one row each in the order they departed. Pure; coordinates in SVG user units.
 */
export interface Lifeline {
  id: string
  label: string
  x: number
}

export interface Arrow {
  hop: Hop
  from: string
  to: string
  x1: number
  x2: number
  y: number
  /** departed but not arrived at `now`: drawn dashed */
  inFlight: boolean
  /** what it carries, in words ("request", "202 Accepted"…) */
  label: string
}

export interface SequenceLayout {
  width: number
  height: number
  lifelines: Lifeline[]
  arrows: Arrow[]
  /** hops left out to keep the drawing readable (the oldest are kept) */
  omitted: number
  /** y of the lifelines' heads (labels) and of the first row */
  headY: number
}

export const SEQUENCE = {
  /** left margin holding the time labels */
  timeColumn: 64,
  /** between two lifelines */
  gap: 118,
  headHeight: 34,
  row: 24,
  bottom: 14,
  maxRows: 80,
} as const

export const CARRIES_WORDS: Record<string, string> = {
  request: 'request',
  reply: '200 OK',
  error: 'error',
  accepted: '202 Accepted',
  poll: 'poll',
  status: 'status',
  message: 'message',
  event: 'event',
  brokerAck: 'stored',
  delivery: 'delivery',
  ack: 'ack',
  nack: 'nack',
}

/** The hop's sender and receiver, from its link and direction; null when the link is gone. */
export function hopEnds(h: Hop, d: Diagram): [string, string] | null {
  const link = d.links.find((l) => l.id === h.link)
  if (!link) return null
  return h.direction === 'forward' ? [link.source, link.target] : [link.target, link.source]
}

export function layoutSequence(journey: readonly Hop[], d: Diagram, now: number, maxRows: number = SEQUENCE.maxRows): SequenceLayout {
  const hops = journey
    .filter((h) => h.depart <= now)
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.depart - b.h.depart || a.i - b.i)
    .map((x) => x.h)
  const kept = hops.slice(0, maxRows)
  const order: string[] = []
  const ends: ([string, string] | null)[] = kept.map((h) => hopEnds(h, d))
  for (const e of ends) {
    if (!e) continue
    for (const id of e) if (!order.includes(id)) order.push(id)
  }
  const label = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id
  const lifelines = order.map((id, i) => ({ id, label: label(id), x: SEQUENCE.timeColumn + SEQUENCE.gap / 2 + i * SEQUENCE.gap }))
  const xOf = new Map(lifelines.map((l) => [l.id, l.x]))
  const arrows: Arrow[] = []
  kept.forEach((h, i) => {
    const e = ends[i]
    if (!e) return
    arrows.push({
      hop: h,
      from: e[0],
      to: e[1],
      x1: xOf.get(e[0]) as number,
      x2: xOf.get(e[1]) as number,
      y: SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.75),
      inFlight: h.arrive > now,
      label: h.carries === 'error' ? errorWords(h.reason) : `${CARRIES_WORDS[h.carries] ?? h.carries}${h.reason ? `: ${FAILURE_WORDS[h.reason]}` : ''}`,
    })
  })
  return {
    width: SEQUENCE.timeColumn + Math.max(1, lifelines.length) * SEQUENCE.gap,
    height: SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.5) + SEQUENCE.bottom,
    lifelines,
    arrows,
    omitted: hops.length - kept.length,
    headY: SEQUENCE.headHeight,
  }
}
