import { nodeLabel } from '../../model/rules'
import type { Diagram } from '../../model/types'
import type { Hop } from '../../sim/types'
import { spanWords } from '../../store/run/logWords'
import { callsDirectly, errorWords, nackWords } from '../../store/run/reasonWords'
import { syncAttemptsOf } from './currentState'
import { deliveryOutcome } from './deliveries'
import { formatSimTime } from './formatTime'
import { answersAfterCrash, crashOrphans } from './orphans'
import { type Wait, waitsOf } from './waits'

/**
 * A request's journey laid out as a sequence diagram: one lifeline per node it touched, in
 * the order it first reached them (the caller left of the callee), and one arrow per hop,
 * one row each in the order they departed. A sync caller's timeout is a row of its own, at
 * the instant it gave up (request depart + timeoutMs, when no answer of that attempt came
 * before), so that "request, timeout, retry, 200 OK" reads in order; so is a broker's ack
 * timeout (delivery depart + ackTimeoutMs). An answer arriving after its caller gave up,
 * after the broker's ack timeout, or after its caller's replica crashed (orphans.ts) is
 * marked ignored (the engine drops it). Time spent waiting in a queue or topic, or for a
 * worker, is a row where the wait ended, when the hops fix its length (waits.ts). Pure;
 * coordinates in SVG user units.
 */
export interface Lifeline {
  id: string
  label: string
  x: number
}

export interface Arrow {
  /** the hop drawn; for a timeout row, the request that timed out */
  hop: Hop
  /** 'timeout': the caller (or the broker, for a delivery) gave up on `hop` at `at` (drawn as
   * a mark on its lifeline, from = caller, to = callee); 'wait': `wait` ended at `at` (or
   * still goes on, at `now`), drawn as a band on the lifeline of the node it waited in */
  mark?: 'timeout' | 'wait'
  /** a timeout row's timeout, ms */
  timeoutMs?: number
  /** a wait row's wait, and the y where its band starts */
  wait?: Wait & { fromY: number }
  /** the row's time: the hop's departure, or the instant of the timeout */
  at: number
  /** an answer that arrived after its caller stopped waiting: ignored, drawn faint */
  ignored: boolean
  /** why nobody waited for it any more ("the caller gave up on this attempt", "Orders crashed at 1.200 s") */
  ignoredWhy?: string
  from: string
  to: string
  x1: number
  x2: number
  y: number
  /** departed but not arrived at `now` (a wait still going on): drawn dashed */
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
  /** a wait's words start this far right of its lifeline… */
  waitLabelGap: 9,
  /** …and take about this much room a character (10.5 px labels): the drawing widens to hold them */
  charWidth: 5.6,
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

/** Rows of one instant: timeouts first (the engine fires them after everything else of the
 * instant but they end what came before), then a wait that ends there, then hops, then a
 * wait still going on at `now`. */
const ORDER = { timeout: 0, wait: 1, hop: 2, open: 3 } as const

interface Row {
  h: Hop
  at: number
  kind: 'hop' | 'timeout' | 'wait'
  i: number
  timeoutMs?: number
  wait?: Wait
}

export function layoutSequence(journey: readonly Hop[], d: Diagram, now: number, maxRows: number = SEQUENCE.maxRows): SequenceLayout {
  const seen = journey.filter((h) => h.depart <= now)
  const label = (id: string) => nodeLabel(d, id)
  // rows: every hop by departure, a timeout row where a sync caller or a broker gave up, a row where a wait ended
  const rows: Row[] = seen.map((h, i) => ({ h, at: h.depart, kind: 'hop', i }))
  const ignored = new Map<Hop, string>()
  for (const link of d.links) {
    if (link.kind !== 'sync' || !seen.some((h) => h.link === link.id)) continue
    for (const a of syncAttemptsOf(seen, link)) {
      if (a.timedOutAt !== null && a.timedOutAt <= now) rows.push({ h: a.request, at: a.timedOutAt, kind: 'timeout', i: -1, timeoutMs: link.settings.timeoutMs })
      for (const late of a.late) if (a.answer !== null || (a.timedOutAt !== null && a.timedOutAt <= now)) ignored.set(late, 'the caller gave up on this attempt')
    }
  }
  for (const t of ackTimeoutsOf(seen, d, now)) {
    rows.push({ h: t.delivery, at: t.at, kind: 'timeout', i: -1, timeoutMs: t.timeoutMs })
    if (t.late) ignored.set(t.late, 'the broker stopped waiting for it (ack timeout)')
  }
  for (const [answer, o] of answersAfterCrash(seen, crashOrphans(seen, d, now))) if (!ignored.has(answer)) ignored.set(answer, `${label(o.caller)} crashed at ${formatSimTime(o.crashedAt)}`)
  for (const w of waitsOf(seen, d, now)) rows.push({ h: w.cause, at: w.until, kind: 'wait', i: -1, wait: w })
  const rank = (r: Row) => (r.kind === 'wait' && r.wait?.open ? ORDER.open : ORDER[r.kind])
  rows.sort((a, b) => a.at - b.at || rank(a) - rank(b) || a.i - b.i)
  const kept = rows.slice(0, maxRows)
  const order: string[] = []
  const ends: ([string, string] | null)[] = kept.map((r) => (r.wait ? [r.wait.node, r.wait.node] : hopEnds(r.h, d)))
  for (const e of ends) {
    if (!e) continue
    for (const id of e) if (!order.includes(id)) order.push(id)
  }
  const lifelines = order.map((id, i) => ({ id, label: label(id), x: SEQUENCE.timeColumn + SEQUENCE.gap / 2 + i * SEQUENCE.gap }))
  const xOf = new Map(lifelines.map((l) => [l.id, l.x]))
  const arrows: Arrow[] = []
  kept.forEach((r, i) => {
    const e = ends[i]
    if (!e) return
    const h = r.h
    const y = SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.75)
    const base = { hop: h, at: r.at, from: e[0], to: e[1], x1: xOf.get(e[0]) as number, x2: xOf.get(e[1]) as number, y }
    if (r.kind === 'timeout') {
      const ack = h.carries === 'delivery'
      arrows.push({ ...base, mark: 'timeout', timeoutMs: r.timeoutMs, ignored: false, inFlight: false, label: `${ack ? 'ack timeout' : 'timeout'} (${spanWords(r.timeoutMs ?? 0)})` })
      return
    }
    if (r.kind === 'wait' && r.wait) {
      const w = r.wait
      const where = label(w.node)
      const span = spanWords(w.until - w.since)
      const words = w.kind === 'worker' ? `waited ${span} for a worker` : w.open ? `waiting in ${where}, ${span} so far` : `waited ${span} in ${where}`
      // the band starts at the last row at or before the wait began
      const start = arrows.findLast((a) => a.at <= w.since)?.y ?? SEQUENCE.headHeight
      arrows.push({ ...base, mark: 'wait', wait: { ...w, fromY: start }, ignored: false, inFlight: w.open, label: words })
      return
    }
    // an answer's failure is said by the node answering it, which is the arrow's sender
    const words = h.carries === 'error' ? errorWords(h, e[0], label, callsDirectly(d.links, e[0], h.origin)) : h.carries === 'nack' ? nackWords(h, e[0], label) : (CARRIES_WORDS[h.carries] ?? h.carries)
    const why = ignored.get(h)
    arrows.push({
      ...base,
      ignored: why !== undefined,
      ...(why !== undefined ? { ignoredWhy: why } : {}),
      inFlight: h.arrive > now,
      label: why !== undefined ? `${words} (ignored)` : words,
    })
  })
  const waitWords = arrows.map((a) => (a.mark === 'wait' ? a.x1 + SEQUENCE.waitLabelGap + a.label.length * SEQUENCE.charWidth : 0))
  return {
    width: Math.ceil(Math.max(SEQUENCE.timeColumn + Math.max(1, lifelines.length) * SEQUENCE.gap, ...waitWords)),
    height: SEQUENCE.headHeight + SEQUENCE.row * (arrows.length + 0.5) + SEQUENCE.bottom,
    lifelines,
    arrows,
    omitted: rows.length - kept.length,
    headY: SEQUENCE.headHeight,
  }
}

/** Deliveries not acknowledged within their broker's ack timeout (by `now`): when the broker
 * gave up on each, and the answer that came later, which it dropped. */
export function ackTimeoutsOf(seen: readonly Hop[], d: Diagram, now: number): { delivery: Hop; at: number; timeoutMs: number; late: Hop | null }[] {
  const out: { delivery: Hop; at: number; timeoutMs: number; late: Hop | null }[] = []
  for (const h of seen) {
    if (h.carries !== 'delivery' || h.direction !== 'forward') continue
    const link = d.links.find((l) => l.id === h.link)
    const broker = link && d.nodes.find((n) => n.id === link.source)
    if (!broker || (broker.kind !== 'queue' && broker.kind !== 'topic')) continue
    const timeoutMs = broker.settings.ackTimeoutMs
    const { deadline, answer, late } = deliveryOutcome(seen, h, timeoutMs)
    if (deadline > now || answer !== null) continue
    out.push({ delivery: h, at: deadline, timeoutMs, late })
  }
  return out
}
