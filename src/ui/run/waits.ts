import type { Diagram, DiagramLink, DiagramNode } from '../../model/types'
import type { Hop } from '../../sim/types'
import { answerOf, JOB_ANSWERS } from './answers'
import { deliveryOutcome } from './deliveries'

/**
 * Where a traced request stood still, as far as its hops tell it, for the sequence
 * diagram. Pure. Nothing here is estimated: a wait is shown only when the hops (and the
 * settings they ran under) fix its length exactly, and left out otherwise.
 *
 * In a queue or topic: a message (or one subscription's copy of an event) is ready from
 * the instant its publish reached the broker, or from the instant it went back for a
 * redelivery (its nack arrived, or the ack timeout passed: the delivery's departure +
 * ackTimeoutMs), until its next delivery departs. Two messages of one operation in one
 * broker cannot be told apart by their hops, so that broker shows no waits.
 *
 * For a worker: a request or delivery that reached a service with a constant service time
 * (not changed by a fault while it was there) took a worker at: its next sign of life (the
 * first hop the service sends after it arrived, or its own answer) − the service time.
 * Only when no other job of the operation was in that service meanwhile (whose hop it
 * could be), and not for an answer given without working (503, a crash, a contract refusal).
 */
export interface Wait {
  /** the broker or service it waited in */
  node: string
  kind: 'broker' | 'worker'
  since: number
  /** when it ended, or `now` while it still waits */
  until: number
  open: boolean
  /** the hop that brought it there: the publish, the delivery it came back from, the request */
  cause: Hop
}

const EPS = 1e-6

export function waitsOf(journey: readonly Hop[], d: Diagram, now: number): Wait[] {
  const seen = journey.filter((h) => h.depart <= now)
  const links = new Map(d.links.map((l) => [l.id, l]))
  const nodes = new Map(d.nodes.map((n) => [n.id, n]))
  const waits = [...brokerWaits(seen, d, links, now), ...workerWaits(seen, d, links, nodes, now)]
  return waits.sort((a, b) => a.until - b.until || a.since - b.since)
}

function brokerWaits(seen: readonly Hop[], d: Diagram, links: Map<string, DiagramLink>, now: number): Wait[] {
  const waits: Wait[] = []
  for (const broker of d.nodes) {
    if (broker.kind !== 'queue' && broker.kind !== 'topic') continue
    const publishes = seen.filter((h) => h.direction === 'forward' && (h.carries === 'message' || h.carries === 'event') && links.get(h.link)?.target === broker.id)
    const stored = publishes.filter((p) => answerOf(seen, p, ['brokerAck']) !== undefined)
    // a publish still on its way may yet be stored: which message a delivery carries is then unknown too
    if (stored.length !== 1 || publishes.some((p) => p !== stored[0] && answerOf(seen, p, ['brokerAck', 'error']) === undefined)) continue
    const publish = stored[0] as Hop
    const out = d.links.filter((l) => l.source === broker.id).map((l) => l.id)
    const deliveries = seen.filter((h) => h.direction === 'forward' && h.carries === 'delivery' && out.includes(h.link))
    // a queue's message goes to one consumer at a time; a topic's copies go one per subscription
    const groups = broker.kind === 'queue' ? [deliveries] : out.map((id) => deliveries.filter((h) => h.link === id)).filter((g) => g.length > 0)
    for (const group of groups) waits.push(...copyWaits(seen, group, publish, broker.id, broker.settings.ackTimeoutMs, broker.settings.maxDeliveries, now))
  }
  return waits
}

/** One message's (or one subscription's copy's) waits, from its deliveries in order. */
function copyWaits(seen: readonly Hop[], deliveries: readonly Hop[], stored: Hop, broker: string, ackTimeoutMs: number, maxDeliveries: number, now: number): Wait[] {
  const waits: Wait[] = []
  // deliveries must be the message's own 1, 2, 3…: a gap means the trace lost some
  if (deliveries.some((h, i) => h.attempt !== undefined && h.attempt !== i + 1)) return waits
  let ready: number | null = stored.arrive <= now ? stored.arrive : null
  let cause = stored
  for (let i = 0; i < deliveries.length; i++) {
    const h = deliveries[i] as Hop
    if (ready === null) return waits
    if (h.depart > ready + EPS) waits.push({ node: broker, kind: 'broker', since: ready, until: h.depart, open: false, cause })
    cause = h
    const { deadline, answer } = deliveryOutcome(seen, h, ackTimeoutMs)
    const settledAt = answer ? answer.arrive : deadline
    const back = answer ? answer.carries === 'nack' && answer.reason !== 'contract' : true
    ready = settledAt <= now && back && i + 1 < maxDeliveries ? settledAt : null
  }
  if (ready !== null && now > ready + EPS) waits.push({ node: broker, kind: 'broker', since: ready, until: now, open: true, cause })
  return waits
}

function workerWaits(seen: readonly Hop[], d: Diagram, links: Map<string, DiagramLink>, nodes: Map<string, DiagramNode>, now: number): Wait[] {
  const waits: Wait[] = []
  const arrivals = (s: string) => seen.filter((h) => h.direction === 'forward' && links.get(h.link)?.target === s && (h.carries === 'request' || h.carries === 'delivery'))
  for (const h of seen) {
    const link = links.get(h.link)
    if (!link || h.direction !== 'forward' || h.arrive > now) continue
    if (!((h.carries === 'request' && link.kind === 'sync') || h.carries === 'delivery')) continue
    const node = nodes.get(link.target)
    if (!node || (node.kind !== 'service' && node.kind !== 'database') || node.settings.timeDist !== 'constant') continue
    const s = node.id
    const sent = seen.filter((x) => x.direction === 'forward' && x.depart >= h.arrive && links.get(x.link)?.source === s).sort((a, b) => a.depart - b.depart)[0]
    const answer = answerOf(seen, h, JOB_ANSWERS)
    const end = answer && (!sent || answer.depart <= sent.depart) ? answer : sent
    if (!end || end.depart > now) continue
    // an answer without work: 503, a crash, a refused contract, a failure passed on
    if (end === answer && (end.carries === 'error' || end.carries === 'nack') && !(end.reason === 'error' && end.origin === s)) continue
    if (end === sent) {
      // whose call it is would be a guess if another job of the operation was there too
      const others = arrivals(s).filter((o) => o !== h && o.arrive <= end.depart && (links.get(o.link)?.kind === 'async' || (answerOf(seen, o, JOB_ANSWERS)?.depart ?? Infinity) >= h.arrive))
      if (others.length > 0) continue
    }
    const timeMs = serviceTimeAt(d, node, h.arrive, end.depart)
    if (timeMs === null) continue
    const started = end.depart - timeMs
    if (started > h.arrive + EPS) waits.push({ node: s, kind: 'worker', since: h.arrive, until: started, open: false, cause: h })
  }
  return waits
}

/** The service time in force from `from` to `to`; null when a fault changed it between them. */
function serviceTimeAt(d: Diagram, node: DiagramNode & { kind: 'service' | 'database' }, from: number, to: number): number | null {
  let timeMs = node.settings.timeMs
  for (const f of d.faults ?? []) {
    if (f.action !== 'serviceTime' || f.node !== node.id) continue
    if (f.at >= from && f.at <= to) return null
    if (f.at < from) timeMs = f.timeMs
  }
  return timeMs
}
