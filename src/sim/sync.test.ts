import { describe, expect, it } from 'vitest'
import { createSimulation } from './index'
import { diagram } from './testing/diagrams'
import { client, departures, expectConserved, link, run, server } from './testing/run'

// one operation at t = 1000 ms (uniform arrivals at 1/s), then look before the next one
const oneOp = { rate: 1, arrivals: 'uniform' as const }

describe('synchronous HTTP', () => {
  const chain = () =>
    diagram()
      .client('c', oneOp)
      .service('a', { workers: 1, timeDist: 'constant', timeMs: 10 })
      .service('b', { workers: 1, timeDist: 'constant', timeMs: 100 })
      .link('c', 'a', 'sync', { latencyMs: 5 })
      .link('a', 'b', 'sync', { latencyMs: 5 })

  it('holds the caller’s worker until the reply comes back', () => {
    const { sim, hops, m } = run(chain().build(), 1999)
    expect(hops.map((h) => [h.link, h.carries, h.depart, h.arrive])).toEqual([
      ['c->a', 'request', 1000, 1005],
      ['a->b', 'request', 1015, 1020],
      ['a->b', 'reply', 1120, 1125],
      ['c->a', 'reply', 1125, 1130],
    ])
    expect(new Set(hops.map((h) => h.correlationId)).size).toBe(1)
    expect(client(m).latency.mean).toBe(130)
    expect(client(m).succeeded).toBe(1)
    // a's own work is 10 ms, but its worker is held 120 ms: temporal coupling
    expect(server(m, 'a').responseTime.mean).toBe(120)
    const s2 = run(chain().build(), 1100).sim.snapshot()
    expect(s2.nodes.find((n) => n.id === 'a')?.replicas[0]?.busy).toBe(1)
    expectConserved(sim)
  })

  it('times out each attempt and retries after an exponential backoff with jitter', () => {
    const d = diagram()
      .client('c', oneOp)
      .service('b', { workers: 4, timeDist: 'constant', timeMs: 100 })
      .link('c', 'b', 'sync', { latencyMs: 5, timeoutMs: 50, retries: 2, backoffMs: 20 })
      .build()
    const { sim, hops, m } = run(d, 1999)
    const sent = departures(hops, 'c->b', 'request')
    expect(sent).toHaveLength(3)
    // each request says which attempt it is, and its late answer says the same
    expect(hops.filter((h) => h.link === 'c->b' && h.carries === 'request').map((h) => h.attempt)).toEqual([1, 2, 3])
    expect(hops.filter((h) => h.link === 'c->b' && h.carries === 'reply').map((h) => h.attempt)).toEqual([1, 2, 3])
    expect(sent[0]).toBe(1000)
    // timeout at +50, then a backoff of 20·2^(k−1) with equal jitter: between half and all of it
    const gap1 = sent[1]! - (sent[0]! + 50)
    const gap2 = sent[2]! - (sent[1]! + 50)
    expect(gap1).toBeGreaterThanOrEqual(10)
    expect(gap1).toBeLessThanOrEqual(20)
    expect(gap2).toBeGreaterThanOrEqual(20)
    expect(gap2).toBeLessThanOrEqual(40)
    const c = client(m)
    expect(c.failedBy).toEqual({ timeout: 1 })
    expect(c.latency.mean).toBeCloseTo(sent[2]! + 50 - 1000, 2)
    expect(link(m, 'c->b')).toMatchObject({ calls: 1, attempts: 3, retries: 2, timeouts: 3 })
    // the callee did all three attempts anyway: wasted work, replies dropped on arrival
    expect(server(m, 'b').completed).toBe(3)
    expect(server(m, 'b').records.byOutcome).toEqual({ timedOut: 3 })
    expectConserved(sim)
  })

  it('succeeds on a retry when a later attempt answers in time', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .service('b', { workers: 1, timeDist: 'constant', timeMs: 30, errorRate: 0 })
      .link('c', 'b', 'sync', { latencyMs: 0, timeoutMs: 1000, retries: 1, backoffMs: 10 })
      .build()
    // the first attempt fails when it completes at 1030; the error rate is back to 0 for the retry
    const { m } = run(d, 1999, { faults: [{ at: 999, action: 'errorRate', node: 'b', errorRate: 100 }, { at: 1032, action: 'errorRate', node: 'b', errorRate: 0 }] })
    expect(link(m, 'c->b')).toMatchObject({ attempts: 2, retries: 1 })
    expect(client(m).succeeded).toBe(1)
  })

  it('takes a new mean service time from a fault on, while work already started keeps its own', () => {
    const d = diagram()
      .client('c', { rate: 10, arrivals: 'uniform' })
      .service('b', { workers: 4, timeDist: 'constant', timeMs: 50 })
      .link('c', 'b', 'sync', { latencyMs: 0 })
      .build()
    // requests arrive every 100 ms; the one that arrived at 1000 is still at work at 1020
    const { hops } = run(d, 1599, { faults: [{ at: 1020, action: 'serviceTime', node: 'b', timeMs: 300 }] })
    const replies = hops.filter((h) => h.carries === 'reply').map((h) => h.depart)
    expect(replies).toEqual([150, 250, 350, 450, 550, 650, 750, 850, 950, 1050, 1400, 1500])
  })

  it('answers 503 beyond the queue limit and the error reaches the client', () => {
    const d = diagram()
      .client('c', { rate: 0, burstSize: 3, burstEverySec: 1 })
      .service('b', { workers: 1, queueLimit: 1, timeDist: 'constant', timeMs: 100 })
      .link('c', 'b', 'sync', { latencyMs: 1 })
      .build()
    const { sim, m, hops } = run(d, 1999)
    expect(server(m, 'b')).toMatchObject({ arrivals: 3, completed: 2, rejected: 1 })
    expect(client(m)).toMatchObject({ issued: 3, succeeded: 2, failedBy: { rejected: 1 } })
    // the error on the wire says why, and only errors carry a reason
    expect(hops.filter((h) => h.carries === 'error').map((h) => [h.depart, h.reason, h.origin])).toEqual([[1001, 'rejected', 'b']])
    expect(hops.filter((h) => h.carries !== 'error').every((h) => h.reason === undefined)).toBe(true)
    expectConserved(sim)
  })

  it('propagates a downstream error to every caller up the chain', () => {
    const d = chain().build()
    const b = d.nodes.find((n) => n.id === 'b')!
    ;(b.settings as { errorRate: number }).errorRate = 100
    const { m, hops } = run(d, 1999)
    expect(server(m, 'b').failed).toBe(1)
    expect(server(m, 'a').failed).toBe(1)
    expect(client(m).failedBy).toEqual({ error: 1 })
    // each error up the chain carries the first failure's reason, and where it happened
    expect(hops.filter((h) => h.carries === 'error').map((h) => [h.link, h.reason, h.origin])).toEqual([
      ['a->b', 'error', 'b'],
      ['c->a', 'error', 'b'],
    ])
  })

  it('says where a failure passed up the chain happened: a 503 further down, a callee that never answered', () => {
    const d = diagram()
      .client('c', { rate: 0, burstSize: 3, burstEverySec: 1 })
      .service('a', { workers: 4, timeDist: 'constant', timeMs: 1 })
      .service('b', { workers: 1, queueLimit: 1, timeDist: 'constant', timeMs: 100 })
      .link('c', 'a', 'sync', { latencyMs: 1 })
      .link('a', 'b', 'sync', { latencyMs: 1, timeoutMs: 150, retries: 0 })
      .build()
    const { sim, m, hops } = run(d, 1999)
    // three at once: b takes one, queues one (answered too late for a's timeout) and rejects one
    expect(hops.filter((h) => h.carries === 'error').map((h) => [h.link, h.reason, h.origin])).toEqual([
      ['a->b', 'rejected', 'b'],
      ['c->a', 'rejected', 'b'],
      ['c->a', 'timeout', 'b'],
    ])
    expect(client(m).failedBy).toEqual({ rejected: 1, timeout: 1 })
    // b rejected its request; a did not reject its own, it failed it with b's 503
    expect(server(m, 'b').records.byOutcome.rejected).toBe(1)
    expect(server(m, 'a').records.byOutcome.rejected ?? 0).toBe(0)
    expect(server(m, 'a').records.byOutcome.failed).toBe(2)
    expect(server(m, 'a').rejected).toBe(0)
    expectConserved(sim)
  })

  it('fails callers of a crashed replica, then of a down service, and heals', () => {
    const d = diagram()
      .client('c', { rate: 10, arrivals: 'uniform' })
      .service('b', { workers: 2, timeDist: 'constant', timeMs: 150, healMs: 1000 })
      .link('c', 'b', 'sync', { latencyMs: 0 })
      .build()
    const { sim, m, hops } = run(d, 5000, { faults: [{ at: 2050, action: 'crash', node: 'b' }] })
    const c = client(m)
    // what the callers were answered, in the order they were answered, as the trace and a listener see it
    const answered = hops.filter((h) => h.carries === 'error').map((h) => [h.reason, h.origin])
    expect(answered).toEqual([...Array(2).fill(['crashed', 'b']), ...Array(10).fill(['unavailable', 'b'])])
    const heard: unknown[] = []
    const again = createSimulation({ diagram: d, seed: 1, faults: [{ at: 2050, action: 'crash', node: 'b' }] })
    again.subscribe((e) => e.type === 'hop' && e.hop.carries === 'error' && heard.push([e.hop.reason, e.hop.origin]))
    again.runUntil(5000)
    expect(heard).toEqual(answered)
    // at 2050 two requests are being worked on (2000 and 1900 both still inside their 150 ms)
    expect(c.failedBy.crashed).toBe(2)
    // requests 2100 … 3000 find it down until it heals at 3050
    expect(c.failedBy.unavailable).toBe(10)
    expect(c.issued - c.succeeded - c.failed).toBe(c.inFlight)
    expect(server(m, 'b').replicas).toEqual({ up: 1, total: 1 })
    expectConserved(sim)
  })

  it('balances replicas round robin and least outstanding', () => {
    for (const balancing of ['round-robin', 'least-outstanding'] as const) {
      const d = diagram()
        .client('c', { rate: 100 })
        .service('b', { replicas: 3, workers: 2, timeMs: 10, balancing })
        .link('c', 'b', 'sync', { latencyMs: 1 })
        .build()
      const { sim, m } = run(d, 20_000)
      const snap = sim.snapshot().nodes.find((n) => n.id === 'b')!
      expect(snap.replicas).toHaveLength(3)
      expect(server(m, 'b').utilization).toBeGreaterThan(0.1)
      expect(server(m, 'b').rejected).toBe(0)
      expectConserved(sim)
    }
  })

  it('makes each outgoing call with its call probability', () => {
    const d = diagram()
      .client('c', { rate: 200 })
      .service('cache', { workers: 64, timeMs: 1 })
      .database('db', { workers: 64, timeMs: 5 })
      .link('c', 'cache', 'sync', { latencyMs: 0 })
      .link('cache', 'db', 'sync', { latencyMs: 0, probability: 20 })
      .build()
    const { m } = run(d, 60_000)
    const share = server(m, 'db').arrivals / server(m, 'cache').arrivals
    expect(share).toBeGreaterThan(0.18)
    expect(share).toBeLessThan(0.22)
  })
})
