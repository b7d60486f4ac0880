import type { Diagram } from '../../model/types'
import type { Hop } from '../../sim/types'
import { callsDirectly, errorWords, nackWords } from '../../store/run/reasonWords'
import { syncAttemptsOf } from './currentState'

/**
 * A request's journey laid out as a sequence diagram: one lifeline per node it touched, in
 * the order it first reached them (the caller left of the callee), and one arrow per hop,
 * one row each in the order they departed. A sync caller's timeout is a row of its own, at
 * the instant it gave up (request depart + timeoutMs, when no answer of that attempt came
 * before), so that "request, timeout, retry, 200 OK" reads in order; an answer arriving
 * after its caller gave up is marked ignored (the engine drops it). Pure; coordinates in
 * SVG user units.
 */
export interface Lifeline {
  id: string
  label: string
  x: number
}

export interface Arrow {
  /** the hop drawn; for a timeout row, the request that timed out */
  hop: Hop
  /** 'timeout': the caller gave up on `hop` at `at` (drawn as a mark on the caller's lifeline, from = caller, to = callee) */
  mark?: 'timeout'
  /** the row's time: the hop's departure, or the instant of the timeout */
  at: number
  /** an answer that arrived after its caller stopped waiting: ignored, drawn faint */
  ignored: boolean
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
  const seen = journey.filter((h) => h.depart <= now)
  // rows: every hop by departure, and a timeout row where a sync caller gave up (before a hop of the same instant)
  const rows: { h: Hop; at: number; timeout: boolean; i: number }[] = seen.map((h, i) => ({ h, at: h.depart, timeout: false, i }))
  const ignored = new Set<Hop>()
  for (const link of d.links) {
    if (link.kind !== 'sync' || !seen.some((h) => h.link === link.id)) continue
    for (const a of syncAttemptsOf(seen, link)) {
      if (a.timedOutAt !== null && a.timedOutAt <= now) rows.push({ h: a.request, at: a.timedOutAt, timeout: true, i: -1 })
      for (const late of a.late) if (a.answer !== null || (a.timedOutAt !== null && a.timedOutAt <= now)) ignored.add(late)
    }
  }
  rows.sort((a, b) => a.at - b.at || Number(b.timeout) - Number(a.timeout) || a.i - b.i)
  const kept = rows.slice(0, maxRows)
  const order: string[] = []
  const ends: ([string, string] | null)[] = kept.map((r) => hopEnds(r.h, d))
  for (const e of ends) {
    if (!e) continue
    for (const id of e) if (!order.includes(id)) order.push(id)
  }
  const label = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id
  const lifelines = order.map((id, i) => ({ id, label: label(id), x: SEQUENCE.timeColumn + SEQUENCE.gap / 2 + i * SEQUENCE.gap }))
  const xOf = new Map(lifelines.map((l) => [l.id, l.x]))
  const timeoutOf = (h: Hop) => d.links.find((l) => l.id === h.link)?.settings.timeoutMs ?? 0
  const arrows: Arrow[] = []
  kept.forEach((r, i) => {
    const e = ends[i]
    if (!e) return
    const h = r.h
    // an answer's failure is said by the node answering it, which is the arrow's sender
    const words = h.carries === 'error' ? errorWords(h, e[0], label, callsDirectly(d.links, e[0], h.origin)) : h.carries === 'nack' ? nackWords(h, e[0], label) : (CARRIES_WORDS[h.carries] ?? h.carries)
    const late = !r.timeout && ignored.has(h)
    arrows.push({
      hop: h,
      ...(r.timeout ? { mark: 'timeout' as const } : {}),
      at: r.at,
      ignored: late,
      from: e[0],
      to: e[1],
      x1: xOf.get(e[0]) as number,
      x2: xOf.get(e[1]) as number,
      y: SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.75),
      inFlight: !r.timeout && h.arrive > now,
      label: r.timeout ? `timeout (${timeoutOf(h)} ms)` : late ? `${words} (ignored)` : words,
    })
  })
  return {
    width: SEQUENCE.timeColumn + Math.max(1, lifelines.length) * SEQUENCE.gap,
    height: SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.5) + SEQUENCE.bottom,
    lifelines,
    arrows,
    omitted: rows.length - kept.length,
    headY: SEQUENCE.headHeight,
  }
}
