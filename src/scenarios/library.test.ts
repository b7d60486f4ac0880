import { describe, expect, it } from 'vitest'
import { parseFaults, type Fault } from '../model/faults'
import { suggestedFaultAt } from '../model/scenario'
import type { Diagram } from '../model/types'
import { parseDocument } from '../share/document'
import { decodeLink, encodeLink } from '../share/link'
import { createSimulation } from '../sim/index'
import type { SimMetrics, Simulation } from '../sim/types'
import { COMPARISONS, SCENARIOS, findScenario } from './library/index'
import type { Scenario } from './types'

/**
 * The library as data (every document valid and shareable, every lesson coherent) and
 * each scenario's point, proven headless: the engine runs the document with its fault
 * timeline and the test asserts what the summary claims.
 */

function diagramOf(s: Scenario): Diagram {
  const r = parseDocument(s.document)
  if (!r.ok) throw new Error(`${s.id}: ${JSON.stringify(r.error)}`)
  return r.value
}

function byId(id: string): Scenario {
  const s = findScenario(id)
  if (!s) throw new Error(`no scenario ${id}`)
  return s
}

/** A run of the scenario as pressing Run plays it: its seed and its fault timeline, plus `extra`. */
function start(id: string, extra: readonly Fault[] = [], diagram = diagramOf(byId(id))): Simulation {
  const faults = [...(diagram.faults ?? []), ...extra].sort((a, b) => a.at - b.at)
  return createSimulation({ diagram, seed: diagram.seed ?? 1, faults, traceCapacity: 0 })
}

function metricsAt(sim: Simulation, t: number): SimMetrics {
  sim.runUntil(t)
  return sim.metrics()
}

const client = (m: SimMetrics, id: string) => m.clients.find((c) => c.id === id) ?? fail(`no client ${id}`)
const server = (m: SimMetrics, id: string) => m.servers.find((c) => c.id === id) ?? fail(`no server ${id}`)
const broker = (m: SimMetrics, id: string) => m.brokers.find((c) => c.id === id) ?? fail(`no broker ${id}`)
const link = (m: SimMetrics, id: string) => m.links.find((c) => c.id === id) ?? fail(`no link ${id}`)
/** The queue's one subscription, or a topic's subscription for a subscriber link. */
const sub = (m: SimMetrics, brokerId: string, linkId: string | null = null) => broker(m, brokerId).subscriptions.find((x) => x.link === linkId) ?? fail(`no subscription ${linkId} on ${brokerId}`)
function fail(message: string): never {
  throw new Error(message)
}

function expectConserved(sim: Simulation) {
  expect(sim.audit().problems).toEqual([])
  const t = sim.metrics().totals
  expect(t.created).toBe(t.ended + t.inFlight)
}

describe('the scenario library, as data', () => {
  it('has at least 14 scenarios with unique, stable, kebab-case ids in every group', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(14)
    const ids = SCENARIOS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    for (const group of ['patterns', 'failures', 'decoupling'] as const) expect(SCENARIOS.some((s) => s.group === group)).toBe(true)
    expect(SCENARIOS.filter((s) => s.group === 'patterns').length).toBe(4)
  })

  it('pins the ids that share links point at', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'sync-call-chain',
      'async-long-job',
      'competing-consumers',
      'event-fan-out',
      'cascade-failure',
      'retry-storm',
      'backlog-drains',
      'poison-message',
      'contract-mismatch',
      'full-queue-backpressure',
      'self-healing',
      'new-subscriber',
      'order-flow-sync',
      'order-flow-messages',
      'order-flow-events',
    ])
  })

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: its document validates, is laid out readably and its texts are short', (_id, s) => {
    const r = parseDocument(s.document)
    expect(r.ok ? [] : r.error).toEqual([])
    // it opens with its name as the diagram's title (useTeaching), which must be a valid one
    const titled = parseDocument({ ...s.document, title: s.title })
    expect(titled.ok ? titled.value.title : titled.error).toBe(s.title)
    expect(s.document.wireplay).toBe(1)
    const ids = [...s.document.nodes.map((n) => n.id), ...s.document.links.map((l) => l.id)]
    expect(new Set(ids).size).toBe(ids.length)
    // no two boxes on top of each other: at least a column or a row apart
    const nodes = s.document.nodes
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!
        const b = nodes[j]!
        expect(Math.abs(a.x - b.x) >= 250 || Math.abs(a.y - b.y) >= 120, `${a.id} and ${b.id} overlap`).toBe(true)
      }
    }
    for (const text of [s.title, s.summary, s.watch]) expect(text.trim().length).toBeGreaterThan(0)
    const sentences = s.summary.split(/[.!?](?:\s|$)/).filter((x) => x.trim() !== '')
    expect(sentences.length).toBeGreaterThanOrEqual(1)
    expect(sentences.length).toBeLessThanOrEqual(3)
  })

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every fault, suggested fault and highlight names what exists', (_id, s) => {
    const d = diagramOf(s)
    const nodeIds = new Set(d.nodes.map((n) => n.id))
    const linkIds = new Set(d.links.map((l) => l.id))
    const problems: string[] = []
    const check = (f: Fault, where: string) => {
      const r = parseFaults([f], d)
      if (!r.ok) problems.push(...r.error.map((p) => `${where}: ${p.message}`))
    }
    if (s.tryFault) {
      if (s.tryFault.text.trim() === '') problems.push('tryFault has no text')
      check({ at: 0, ...s.tryFault.fault } as Fault, 'tryFault')
    }
    ;(s.lesson ?? []).forEach((step, i) => {
      for (const n of step.highlight?.nodes ?? []) if (!nodeIds.has(n)) problems.push(`lesson[${i}]: no node ${n}`)
      for (const l of step.highlight?.links ?? []) if (!linkIds.has(l)) problems.push(`lesson[${i}]: no link ${l}`)
      if (step.action?.kind === 'fault') check(step.action.fault, `lesson[${i}]`)
    })
    expect(problems).toEqual([])
  })

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: round-trips through a share link within 2,000 characters', (_id, s) => {
    const d = diagramOf(s)
    const fragment = encodeLink(d, d.faults)
    expect(fragment.length).toBeLessThanOrEqual(2000)
    const back = decodeLink(`#${fragment}`)
    expect(back).toEqual({ ok: true, value: { diagram: d, faults: [...(d.faults ?? [])] } })
  })

  it('names existing scenarios in its comparisons, built alike: same client, load, seed and fault timeline', () => {
    expect(COMPARISONS.length).toBeGreaterThan(0)
    for (const c of COMPARISONS) {
      expect(c.scenarios.length).toBeGreaterThanOrEqual(2)
      const docs = c.scenarios.map((id) => diagramOf(byId(id)))
      const alike = (d: Diagram) => ({ seed: d.seed, faults: d.faults, clients: d.nodes.filter((n) => n.kind === 'client') })
      expect(docs.map(alike)).toEqual(docs.map(() => alike(docs[0]!)))
    }
  })
})

const withLessons = SCENARIOS.filter((s) => s.lesson !== undefined)

describe('lessons', () => {
  it('come with at least one scenario per pattern', () => {
    const patterns = SCENARIOS.filter((s) => s.group === 'patterns')
    for (const s of patterns) expect(s.lesson, s.id).toBeDefined()
  })

  it.each(withLessons.map((s) => [s.id, s] as const))('%s: 4–7 steps, a question answered before it is shown, time always moving forward', (_id, s) => {
    const steps = s.lesson ?? []
    expect(steps.length).toBeGreaterThanOrEqual(4)
    expect(steps.length).toBeLessThanOrEqual(7)
    expect(steps.some((x) => x.question)).toBe(true)
    const problems: string[] = []
    let now = 0
    let runTos = 0
    steps.forEach((step, i) => {
      if (step.narration.trim() === '') problems.push(`step ${i}: no narration`)
      const q = step.question
      if (q && (q.choices.length < 2 || !Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.choices.length || q.explain.trim() === '')) {
        problems.push(`step ${i}: the question needs two choices or more, an answer among them and an explanation`)
      }
      const a = step.action
      if (a?.kind === 'runTo') {
        if (!(a.at > now)) problems.push(`step ${i}: runTo ${a.at} does not come after ${now}`)
        now = a.at
        runTos++
      }
      // a fault happens where the lesson stands or later, never in the part already shown
      if (a?.kind === 'fault' && a.fault.at < now) problems.push(`step ${i}: the fault at ${a.fault.at} is before ${now}`)
    })
    expect(problems).toEqual([])
    expect(runTos).toBeGreaterThan(0)
  })

  it.each(withLessons.map((s) => [s.id, s] as const))('%s: plays through the engine step by step, nothing lost', (_id, s) => {
    const sim = start(s.id)
    for (const step of s.lesson ?? []) {
      if (step.action?.kind === 'runTo') sim.runUntil(step.action.at)
      if (step.action?.kind === 'fault') sim.inject(step.action.fault)
    }
    expect(sim.now).toBeGreaterThan(0)
    expectConserved(sim)
  })

  it('backlog-drains: the orders wait while the worker is down, and the backlog is gone within ten seconds of its return', () => {
    const sim = start('backlog-drains')
    const m20 = metricsAt(sim, 20000)
    expect(client(m20, 'shop').failed).toBe(0)
    expect(sub(m20, 'order-queue').depth.now).toBeGreaterThan(80)
    expect(sub(m20, 'order-queue').redelivered).toBeGreaterThanOrEqual(1)
    expect(sub(metricsAt(sim, 30000), 'order-queue').depth.now).toBeGreaterThan(180)
    expect(sub(metricsAt(sim, 39000), 'order-queue').depth.now).toBeLessThan(5)
  })

  it('sync-call-chain: the slow database makes the gateway queue, as the question says', () => {
    const s = byId('sync-call-chain')
    const faults = (s.lesson ?? []).flatMap((x) => (x.action?.kind === 'fault' ? [x.action.fault] : []))
    const sim = start(s.id, faults)
    const before = metricsAt(sim, 10000)
    expect(server(before, 'gateway').queueLength.max).toBe(0)
    const during = metricsAt(sim, 20000)
    expect(server(during, 'gateway').queueLength.max).toBeGreaterThan(10)
    expect(server(during, 'gateway').responseTime.mean).toBeGreaterThan(2 * server(before, 'gateway').responseTime.mean)
    // and the gateway works off its queue once the network recovers
    const after = metricsAt(sim, 30000)
    expect(server(after, 'gateway').queueLength.now).toBe(0)
  })

  it('competing-consumers: with B down the others take its work and nothing is lost; with C down too the queue grows', () => {
    const s = byId('competing-consumers')
    const faults = (s.lesson ?? []).flatMap((x) => (x.action?.kind === 'fault' ? [x.action.fault] : []))
    const sim = start(s.id, faults)
    const m10 = metricsAt(sim, 10000)
    const m20 = metricsAt(sim, 20000)
    // B held messages when it crashed: they were delivered again, not lost
    expect(sub(m20, 'resize-queue').redelivered).toBeGreaterThan(0)
    expect(client(m20, 'uploads').failed).toBe(0)
    expect(server(m20, 'resizer-b').completed).toBe(server(m10, 'resizer-b').completed)
    expect(sub(m20, 'resize-queue').depth.now).toBeLessThan(20)
    const m30 = metricsAt(sim, 30000)
    expect(sub(m30, 'resize-queue').depth.now).toBeGreaterThan(sub(m20, 'resize-queue').depth.now + 20)
    expect(client(m30, 'uploads').failed).toBe(0)
  })

  it('event-fan-out: Analytics down changes nothing for Orders or Checkout; its copies wait', () => {
    const s = byId('event-fan-out')
    const faults = (s.lesson ?? []).flatMap((x) => (x.action?.kind === 'fault' ? [x.action.fault] : []))
    const sim = start(s.id, faults)
    const m18 = metricsAt(sim, 17900)
    expect(client(m18, 'checkout').failed).toBe(0)
    expect(sub(m18, 'order-events', 'events-analytics').depth.now).toBeGreaterThan(50)
    expect(sub(m18, 'order-events', 'events-email').depth.now).toBeLessThan(10)
    const m30 = metricsAt(sim, 30000)
    expect(client(m30, 'checkout').failed).toBe(0)
    expect(sub(m30, 'order-events', 'events-analytics').deadLettered).toBe(0)
    expect(server(m30, 'analytics').replicas.up).toBe(1)
    expect(sub(m30, 'order-events', 'events-analytics').depth.now).toBeLessThan(sub(m18, 'order-events', 'events-analytics').depth.now)
  })
})

describe('each scenario proves its point', () => {
  it.each(SCENARIOS.filter((s) => s.tryFault).map((s) => [s.id, s] as const))('%s: the suggested fault runs on top of the timeline, nothing lost', (_id, s) => {
    const sim = start(s.id, [{ at: 5000, ...s.tryFault!.fault } as Fault])
    sim.runUntil(30000)
    expect(sim.metrics().totals.operations.issued).toBeGreaterThan(0)
    expectConserved(sim)
  })

  it('self-healing (try it): one crashed replica of two hardly shows', () => {
    const sim = start('self-healing', [{ at: 5000, action: 'crash', node: 'orders', replica: 1 }])
    const m = metricsAt(sim, 9000)
    expect(client(m, 'shop').failed).toBeLessThanOrEqual(4)
    expect(server(m, 'orders').replicas.up).toBe(1)
  })

  it('poison-message (try it): at 50 % errors and 3 deliveries, about one message in eight is dead-lettered', () => {
    const d = diagramOf(byId('poison-message'))
    const sim = createSimulation({ diagram: d, seed: d.seed ?? 1, faults: [{ at: 0, action: 'errorRate', node: 'ledger', errorRate: 50 }] })
    const q = sub(metricsAt(sim, 120000), 'ledger-queue')
    const share = q.deadLettered / q.published
    expect(share).toBeGreaterThan(0.07)
    expect(share).toBeLessThan(0.2)
  })

  it('sync-call-chain: each caller is busy for the whole chain below it', () => {
    const sim = start('sync-call-chain')
    const m = metricsAt(sim, 30000)
    const gw = server(m, 'gateway')
    const orders = server(m, 'orders')
    const db = server(m, 'orders-db')
    expect(client(m, 'shoppers').failed).toBe(0)
    // response times nest: each includes the one below
    expect(gw.responseTime.mean).toBeGreaterThan(orders.responseTime.mean)
    expect(orders.responseTime.mean).toBeGreaterThan(db.responseTime.mean)
    expect(client(m, 'shoppers').latency.mean).toBeGreaterThan(5 + 30 + 15)
    // the gateway's own work is 5 ms a request (20/s over 8 workers = 1.25 %); it is busy far longer
    expect(gw.utilization).toBeGreaterThan(5 * ((20 * 0.005) / 8))
    expectConserved(sim)
  })

  it('async-long-job: the 202 frees the caller while the job runs for seconds, and polls wait for it', () => {
    const sim = start('async-long-job')
    const m = metricsAt(sim, 40000)
    const api = server(m, 'reports-api')
    const builder = server(m, 'builder')
    expect(client(m, 'analysts').failed).toBe(0)
    expect(client(m, 'analysts').succeeded).toBeGreaterThan(50)
    expect(api.utilization).toBeLessThan(0.05)
    expect(builder.utilization).toBeGreaterThan(0.5)
    // an operation lasts about as long as the job (2.5–3.5 s, uniform), plus up to a poll interval
    expect(client(m, 'analysts').latency.mean).toBeGreaterThan(2900)
    const l = link(m, 'api-builder')
    expect(l.polls / l.calls).toBeGreaterThan(4)
    expect(l.expired).toBe(0)
    expectConserved(sim)
  })

  it('competing-consumers: each message goes to one consumer, the three share the work about equally', () => {
    const sim = start('competing-consumers')
    const m = metricsAt(sim, 30000)
    const q = sub(m, 'resize-queue')
    const done = ['resizer-a', 'resizer-b', 'resizer-c'].map((id) => server(m, id).completed)
    const total = done.reduce((a, b) => a + b, 0)
    // exactly one delivery per message: no redeliveries, and the consumers' work adds up to the deliveries
    expect(q.redelivered).toBe(0)
    expect(total).toBeLessThanOrEqual(q.delivered)
    expect(q.acked).toBe(total)
    for (const d of done) expect(d / total).toBeGreaterThan(0.28)
    expect(q.depth.max).toBeLessThan(30)
    expect(client(m, 'uploads').failed).toBe(0)
    expectConserved(sim)
  })

  it('event-fan-out: every subscriber gets a copy of every event, and the publisher never waits for them', () => {
    const sim = start('event-fan-out')
    const m = metricsAt(sim, 30000)
    const topic = broker(m, 'order-events')
    expect(topic.subscriptions.length).toBe(3)
    for (const s of topic.subscriptions) expect(s.published).toBe(topic.published)
    expect(link(m, 'orders-events').calls).toBe(topic.published)
    // Orders answers in tens of ms though Analytics takes 300 ms an event
    expect(server(m, 'orders').responseTime.p95).toBeLessThan(100)
    expect(server(m, 'analytics').responseTime.mean).toBeGreaterThan(200)
    expect(client(m, 'checkout').failed).toBe(0)
    expectConserved(sim)
  })

  it('cascade-failure: only Payments crashes, yet every caller above it fails until it is back', () => {
    const sim = start('cascade-failure')
    const m10 = metricsAt(sim, 10000)
    expect(client(m10, 'shoppers').failed).toBe(0)
    const m20 = metricsAt(sim, 20000)
    const issuedDuring = client(m20, 'shoppers').issued - client(m10, 'shoppers').issued
    const failedDuring = client(m20, 'shoppers').failed
    expect(failedDuring).toBeGreaterThan(0.9 * issuedDuring)
    // the healthy services in between fail too: the error travels up the chain
    expect(server(m20, 'checkout').failed).toBeGreaterThan(0.9 * issuedDuring)
    expect(server(m20, 'storefront').failed).toBeGreaterThan(0.9 * issuedDuring)
    expect(server(m20, 'checkout').replicas.up).toBe(1)
    const m40 = metricsAt(sim, 40000)
    expect(client(m40, 'shoppers').failed).toBe(failedDuring)
    expect(client(m40, 'shoppers').succeeded - client(m20, 'shoppers').succeeded).toBeGreaterThan(150)
    expectConserved(sim)
  })

  it('retry-storm: retries multiply the attempts, Inventory does wasted work, and it does not recover with the network', () => {
    const sim = start('retry-storm')
    const m10 = metricsAt(sim, 10000)
    const l10 = link(m10, 'api-inventory')
    expect(l10.attempts / l10.calls).toBeLessThan(1.3)
    expect(client(m10, 'shoppers').failed / client(m10, 'shoppers').issued).toBeLessThan(0.05)
    const m20 = metricsAt(sim, 20000)
    const m40 = metricsAt(sim, 40000)
    // after the network recovered at 20 s: several attempts per call, almost no success
    const calls = link(m40, 'api-inventory').calls - link(m20, 'api-inventory').calls
    const attempts = link(m40, 'api-inventory').attempts - link(m20, 'api-inventory').attempts
    expect(attempts / calls).toBeGreaterThan(2.5)
    const issued = client(m40, 'shoppers').issued - client(m20, 'shoppers').issued
    const succeeded = client(m40, 'shoppers').succeeded - client(m20, 'shoppers').succeeded
    expect(succeeded).toBeLessThan(0.1 * issued)
    // Inventory finished far more requests than ever reached a waiting shopper
    expect(server(m40, 'inventory').completed).toBeGreaterThan(3 * client(m40, 'shoppers').succeeded)
    expect(server(m40, 'inventory').rejected).toBeGreaterThan(0)
    expectConserved(sim)
  })

  it('backlog-drains: the queue holds the work while Fulfilment is down, then drains to zero with nothing lost', () => {
    const sim = start('backlog-drains')
    const m30 = metricsAt(sim, 30000)
    expect(sub(m30, 'order-queue').depth.now).toBeGreaterThan(150)
    expect(client(m30, 'shop').failed).toBe(0)
    // the shop keeps ordering, so wait for an instant when the queue is empty: by then
    // every message ever published has been acked, none dead-lettered
    let t = 45000
    let m = metricsAt(sim, t)
    while (sub(m, 'order-queue').depth.now !== 0 && t < 60000) m = metricsAt(sim, (t += 10))
    const q = sub(m, 'order-queue')
    expect(q.depth.now).toBe(0)
    expect(q.acked).toBe(q.published)
    expect(q.deadLettered).toBe(0)
    expect(client(m, 'shop').failed).toBe(0)
    expect(q.depth.max).toBeGreaterThan(150)
    expectConserved(sim)
  })

  it('poison-message: each poison message is tried three times and dead-lettered; the rest flow on', () => {
    const sim = start('poison-message')
    const m10 = metricsAt(sim, 9999)
    expect(sub(m10, 'ledger-queue').deadLettered).toBe(0)
    const m14 = metricsAt(sim, 14000)
    expect(sub(m14, 'ledger-queue')).toMatchObject({ deadLettered: 1, redelivered: 2 })
    const m30 = metricsAt(sim, 30000)
    const q = sub(m30, 'ledger-queue')
    // two poison messages, three deliveries each, every one failing at the Ledger
    expect(q).toMatchObject({ deadLettered: 2, redelivered: 4 })
    expect(server(m30, 'ledger').failed).toBe(6)
    expect(q.published).toBe(q.acked + q.deadLettered + q.depth.now)
    // the queue moved on: messages after the poison ones are acked
    expect(q.acked - sub(m10, 'ledger-queue').acked).toBeGreaterThan(60)
    expect(client(m30, 'payments').failed).toBe(0)
    expectConserved(sim)
  })

  it('contract-mismatch: from the v2 release on every message is dead-lettered at once, producers see success; expecting v2 stops it', () => {
    const sim = start('contract-mismatch')
    const m15 = metricsAt(sim, 14999)
    const before = sub(m15, 'ship-queue')
    expect(before.deadLettered).toBe(0)
    expect(before.acked).toBeGreaterThan(80)
    const m30 = metricsAt(sim, 30000)
    const q = sub(m30, 'ship-queue')
    const sentAfter = link(m30, 'orders-queue').calls - link(m15, 'orders-queue').calls
    // every message sent from 15 s on was refused, less those still on their way (120 ms to
    // the queue, 120 to Shipping and 120 back: at 8 a second, a few)
    expect(q.deadLettered).toBeGreaterThanOrEqual(sentAfter - 4)
    expect(q.deadLettered).toBeLessThanOrEqual(sentAfter)
    // retrying cannot fix a message's shape: no redeliveries at all
    expect(q.redelivered).toBe(0)
    // v1 messages on their way at 15 s are still acked
    expect(q.acked - before.acked).toBeLessThanOrEqual(4)
    expect(client(m30, 'shop').failed).toBe(0)
    expectConserved(sim)
  })

  it('contract-mismatch (try it): pressed before the release, Shipping expects v2 from 20 s, and dead-lettering stops there', () => {
    const tried = byId('contract-mismatch').tryFault!.fault
    const sim = start('contract-mismatch', [suggestedFaultAt(tried, 0, diagramOf(byId('contract-mismatch')))!])
    expect(sub(metricsAt(sim, 14999), 'ship-queue').deadLettered).toBe(0)
    const at20 = sub(metricsAt(sim, 20000), 'ship-queue')
    expect(at20.deadLettered).toBeGreaterThan(20)
    const m40 = metricsAt(sim, 40000)
    expect(sub(m40, 'ship-queue').deadLettered - at20.deadLettered).toBeLessThanOrEqual(1)
    expect(sub(m40, 'ship-queue').acked - at20.acked).toBeGreaterThan(130)
    expectConserved(sim)
  })

  it('full-queue-backpressure: the full queue refuses publishes and producers fail, until the consumer returns', () => {
    const sim = start('full-queue-backpressure')
    const m5 = metricsAt(sim, 5000)
    expect(broker(m5, 'readings').refused).toBe(0)
    const m20 = metricsAt(sim, 20000)
    expect(sub(m20, 'readings').depth.max).toBe(100)
    expect(broker(m20, 'readings').refused).toBeGreaterThan(100)
    expect(client(m20, 'sensors').failedBy.brokerFull).toBeGreaterThan(100)
    const m25 = metricsAt(sim, 25000)
    const m40 = metricsAt(sim, 40000)
    // no refusals once the Processor is back and the queue has room
    expect(broker(m40, 'readings').refused).toBe(broker(m25, 'readings').refused)
    expect(sub(m40, 'readings').depth.now).toBeLessThan(20)
    expectConserved(sim)
  })

  it('self-healing: down at 10 s, up again after its 5 s heal delay with nobody touching it, then succeeding', () => {
    const sim = start('self-healing')
    sim.runUntil(12000)
    const orders = () => sim.snapshot().nodes.find((n) => n.id === 'orders') ?? fail('no orders')
    expect(orders().replicas.every((r) => r.state !== 'up')).toBe(true)
    const failedAt12 = metricsAt(sim, 12000)
    expect(client(failedAt12, 'shop').failed).toBeGreaterThan(0)
    sim.runUntil(15100)
    expect(orders().replicas.map((r) => r.state)).toEqual(['up', 'up'])
    const m16 = metricsAt(sim, 16000)
    const m40 = metricsAt(sim, 40000)
    expect(client(m40, 'shop').failed).toBe(client(m16, 'shop').failed)
    expect(client(m40, 'shop').succeeded - client(m16, 'shop').succeeded).toBeGreaterThan(200)
    expectConserved(sim)
  })

  it('new-subscriber: Loyalty gets every event from 20 s on and none before; the publisher’s numbers are identical without it', () => {
    const d = diagramOf(byId('new-subscriber'))
    const without: Diagram = { nodes: d.nodes.filter((n) => n.id !== 'loyalty'), links: d.links.filter((l) => l.target !== 'loyalty') }
    const withIt = start('new-subscriber')
    const withOut = createSimulation({ diagram: without, seed: 1 })
    const at20 = metricsAt(withIt, 19999)
    expect(sub(at20, 'order-events', 'events-loyalty').published).toBe(0)
    expect(server(at20, 'loyalty').arrivals).toBe(0)
    const a = metricsAt(withIt, 40000)
    const b = metricsAt(withOut, 40000)
    expect(client(a, 'shop')).toEqual(client(b, 'shop'))
    expect(server(a, 'orders')).toEqual(server(b, 'orders'))
    expect(link(a, 'orders-events')).toEqual(link(b, 'orders-events'))
    expect(broker(a, 'order-events').published).toBe(broker(b, 'order-events').published)
    // the newcomer gets every event published after it subscribed
    const loyalty = sub(a, 'order-events', 'events-loyalty')
    expect(loyalty.published).toBe(broker(a, 'order-events').published - broker(at20, 'order-events').published)
    expect(loyalty.published).toBeGreaterThan(150)
    expect(loyalty.acked).toBeGreaterThan(loyalty.published - 10)
    expectConserved(withIt)
  })

  describe('order flow, three ways, same load and the same Payment outage (10–20 s)', () => {
    const during = (id: string) => {
      const sim = start(id)
      const m10 = metricsAt(sim, 10000)
      const m20 = metricsAt(sim, 20000)
      const m40 = metricsAt(sim, 40000)
      const issued = client(m20, 'shop').issued - client(m10, 'shop').issued
      const failed = client(m20, 'shop').failed - client(m10, 'shop').failed
      return { sim, m10, m20, m40, errorRate: failed / issued }
    }

    it('synchronous: the shop’s error rate rises during the outage', () => {
      const r = during('order-flow-sync')
      expect(client(r.m10, 'shop').failed).toBe(0)
      expect(r.errorRate).toBeGreaterThan(0.8)
      // Stock was called for orders that then failed at Payment
      expect(server(r.m20, 'stock').completed).toBeGreaterThan(server(r.m20, 'email').completed + 50)
      expect(client(r.m40, 'shop').failed).toBe(client(r.m20, 'shop').failed)
      expectConserved(r.sim)
    })

    it.each([
      ['order-flow-messages', 'payment-queue', null],
      ['order-flow-events', 'order-events', 'events-payment'],
    ] as const)('%s: no error at the shop; payments wait and drain with nothing lost', (id, brokerId, subLink) => {
      const r = during(id)
      expect(r.errorRate).toBe(0)
      expect(client(r.m40, 'shop').failed).toBe(0)
      expect(sub(r.m20, brokerId, subLink).depth.now).toBeGreaterThan(50)
      const q = sub(r.m40, brokerId, subLink)
      expect(q.depth.now).toBeLessThan(5)
      expect(q.deadLettered).toBe(0)
      expect(q.acked + q.depth.now).toBe(q.published)
      expectConserved(r.sim)
    })

    it('the shop waits for the sum of the calls only in the synchronous version', () => {
      const sync = metricsAt(start('order-flow-sync'), 10000)
      const events = metricsAt(start('order-flow-events'), 10000)
      const messages = metricsAt(start('order-flow-messages'), 10000)
      expect(client(sync, 'shop').latency.mean).toBeGreaterThan(2 * client(events, 'shop').latency.mean)
      expect(client(sync, 'shop').latency.mean).toBeGreaterThan(2 * client(messages, 'shop').latency.mean)
      // Orders calls one thing with events, three with messages
      expect(events.links.filter((l) => l.role === 'publish').length).toBe(1)
      expect(messages.links.filter((l) => l.role === 'publish').length).toBe(3)
    })
  })
})
