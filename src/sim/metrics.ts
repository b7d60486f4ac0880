import type { Histogram } from '../lib/histogram'
import { LIFECYCLE } from './compiled'
import { type Census, census, liveAt } from './census'
import type { Engine } from './engine'
import { AT_CALLING, OUTCOMES, PLACES, REASONS, R_NONE } from './records'
import type { BrokerMetrics, ClientMetrics, Conservation, LatencySummary, ServerMetrics, SimMetrics, SimSnapshot } from './types'
import type { Msg, NodeRT, Subscription } from './world'

/** Reports built from the engine's state on demand; nothing here runs per event. */

const round = (x: number, digits = 3) => {
  const f = 10 ** digits
  const v = Math.round(x * f) / f
  return Number.isFinite(v) && !Object.is(v, -0) ? v : 0
}

function latency(h: Histogram): LatencySummary {
  return { count: h.count, mean: round(h.mean()), p50: round(h.quantile(0.5)), p95: round(h.quantile(0.95)), p99: round(h.quantile(0.99)), max: round(h.max) }
}

function conservationOf(e: Engine, c: Census, node: number): Conservation {
  const l = e.ledger
  const byPlace: Conservation['byPlace'] = {}
  const byOutcome: Conservation['byOutcome'] = {}
  let inFlight = 0
  let ended = 0
  PLACES.forEach((p, i) => {
    const v = liveAt(c, node, i)
    inFlight += v
    if (v !== 0) byPlace[p] = v
  })
  OUTCOMES.forEach((o, i) => {
    const v = l.endedAs(node, i)
    ended += v
    if (v !== 0) byOutcome[o] = v
  })
  return { created: l.created[node] as number, ended, inFlight, byPlace, byOutcome }
}

/** A time-weighted sum brought up to now without touching the engine's state. */
const area = (sum: number, level: number, last: number, now: number) => sum + level * Math.max(0, now - last)

function clientMetrics(e: Engine, c: Census, n: NodeRT): ClientMetrics {
  const failedBy: ClientMetrics['failedBy'] = {}
  let failed = 0
  REASONS.forEach((r, i) => {
    const v = n.failedBy[i] as number
    if (i !== R_NONE && v > 0) {
      failedBy[r] = v
      failed += v
    }
  })
  return {
    id: n.id,
    label: n.def.label,
    issued: n.issued,
    succeeded: n.succeeded,
    failed,
    failedBy,
    inFlight: liveAt(c, n.index, AT_CALLING),
    latency: latency(n.latency),
    records: conservationOf(e, c, n.index),
  }
}

function serverMetrics(e: Engine, c: Census, n: NodeRT): ServerMetrics {
  const now = e.now
  const cap = area(n.areaCap, n.upWorkers, n.last, now)
  const busy = area(n.areaBusy, n.nBusy, n.last, now)
  const left = n.completed + n.failed
  return {
    id: n.id,
    label: n.def.label,
    kind: n.def.kind as 'service',
    arrivals: n.arrivals,
    completed: n.completed,
    failed: n.failed,
    rejected: n.rejected,
    polls: n.polls,
    responseTime: latency(n.resp),
    utilization: round(cap > 0 ? busy / cap : 0, 4),
    meanInSystem: round(now > 0 ? area(n.areaSys, n.nSys, n.last, now) / now : 0, 4),
    throughput: round(now > 0 ? (left * 1000) / now : 0, 4),
    queueLength: { mean: round(now > 0 ? area(n.areaQueued, n.nQueued, n.last, now) / now : 0, 4), max: n.maxQueued, now: n.nQueued },
    replicas: { up: n.replicas.filter((r) => r.state === LIFECYCLE.initial).length, total: n.replicas.length },
    records: conservationOf(e, c, n.index),
  }
}

function subMetrics(e: Engine, s: Subscription) {
  const now = e.now
  return {
    link: s.link ? s.link.id : null,
    consumers: s.consumers.map((c) => c.id),
    consumerLabels: s.consumers.map((c) => c.target.def.label),
    published: s.published,
    delivered: s.delivered,
    acked: s.acked,
    redelivered: s.redelivered,
    deadLettered: s.deadLettered,
    depth: { mean: round(now > 0 ? area(s.areaHeld, s.held, s.last, now) / now : 0, 4), max: s.maxHeld, now: s.held },
    ready: s.ready.size,
    oldestReadyMs: oldestReady(s, now),
    publishToAck: latency(s.toAck),
  }
}

/** How long the longest-waiting ready message has waited since it was published; 0 when
 * none waits. A scan, not the head: a redelivered message queues again behind newer ones. */
function oldestReady(s: Subscription, now: number): number {
  // without a redelivery the queue is in publish order: its head is the oldest (a backlog of
  // a million messages must stay cheap to sample)
  if (s.redelivered === 0) return s.ready.size > 0 ? now - (s.ready.peek() as Msg).createdAt : 0
  let oldest = now
  for (let i = 0; i < s.ready.size; i++) oldest = Math.min(oldest, (s.ready.at(i) as Msg).createdAt)
  return now - oldest
}

function brokerMetrics(e: Engine, c: Census, n: NodeRT): BrokerMetrics {
  return {
    id: n.id,
    label: n.def.label,
    kind: n.def.kind as 'queue',
    published: n.published,
    refused: n.refused,
    subscriptions: n.subs.map((s) => subMetrics(e, s)),
    records: conservationOf(e, c, n.index),
  }
}

export function buildMetrics(e: Engine): SimMetrics {
  const { nodes, links } = e.world
  // one walk for every node's places
  const c = census(e)
  const clients = nodes.filter((n) => n.isClient).map((n) => clientMetrics(e, c, n))
  const totals: SimMetrics['totals'] = { created: 0, ended: 0, inFlight: 0, byPlace: {}, byOutcome: {}, operations: { issued: 0, succeeded: 0, failed: 0, inFlight: 0 } }
  for (const n of nodes) {
    const r = conservationOf(e, c, n.index)
    totals.created += r.created
    totals.ended += r.ended
    totals.inFlight += r.inFlight
    for (const [k, v] of Object.entries(r.byPlace)) totals.byPlace[k as 'queued'] = (totals.byPlace[k as 'queued'] ?? 0) + v
    for (const [k, v] of Object.entries(r.byOutcome)) totals.byOutcome[k as 'acked'] = (totals.byOutcome[k as 'acked'] ?? 0) + v
  }
  for (const cm of clients) {
    totals.operations.issued += cm.issued
    totals.operations.succeeded += cm.succeeded
    totals.operations.failed += cm.failed
    totals.operations.inFlight += cm.inFlight
  }
  return {
    time: e.now,
    seed: e.seed,
    events: e.events,
    clients,
    servers: nodes.filter((n) => n.isServer).map((n) => serverMetrics(e, c, n)),
    brokers: nodes.filter((n) => n.isBroker).map((n) => brokerMetrics(e, c, n)),
    links: links.map((l) => ({
      id: l.id,
      kind: l.def.kind,
      role: l.role,
      calls: l.role === 'call' ? l.calls : l.sent,
      attempts: l.attempts,
      retries: l.retried,
      timeouts: l.timeouts,
      failures: l.failures,
      polls: l.polls,
      expired: l.expired,
      outstanding: l.outstanding,
    })),
    totals,
  }
}

export function buildSnapshot(e: Engine): SimSnapshot {
  let created = 0
  let ended = 0
  let inFlight = 0
  // the snapshot is read every frame: in flight is what was created and has not ended,
  // without the census walk (the audit checks the two agree)
  const nodes = e.world.nodes.map((n) => {
    const made = e.ledger.created[n.index] as number
    const gone = e.ledger.endedTotal(n.index)
    created += made
    ended += gone
    inFlight += made - gone
    return {
      id: n.id,
      inSystem: n.nSys,
      replicas: n.replicas.map((r) => ({ index: r.index + 1, state: LIFECYCLE.states[r.state] as 'up', busy: r.busy, queued: r.queue.size })),
      subscriptions: n.subs.map((s) => ({ link: s.link ? s.link.id : null, ready: s.ready.size, held: s.held, deadLettered: s.deadLettered })),
    }
  })
  return { time: e.now, events: e.events, nodes, totals: { created, ended, inFlight } }
}
