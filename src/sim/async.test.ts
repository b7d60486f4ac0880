import { describe, expect, it } from 'vitest'
import { diagram } from './testing/diagrams'
import { client, departures, expectConserved, link, run, server } from './testing/run'

const oneOp = { rate: 1, arrivals: 'uniform' as const }

describe('asynchronous HTTP (202 + polling)', () => {
  // c → s (sync) → r (async): s's worker is released by the 202, the operation ends with the final poll
  const build = (r: object = {}, l: object = {}) =>
    diagram()
      .client('c', oneOp)
      .service('s', { workers: 1, timeDist: 'constant', timeMs: 0 })
      .service('r', { workers: 1, timeDist: 'constant', timeMs: 250, ...r })
      .link('c', 's', 'sync', { latencyMs: 0 })
      .link('s', 'r', 'async', { latencyMs: 5, pollMs: 100, deadlineMs: 10_000, ...l })
      .build()

  it('releases the caller’s worker at the 202 and polls until done', () => {
    const { sim, hops, m } = run(build(), 1999)
    // submit 1000 → arrives 1005, 202 back at 1010; s answers c at once
    expect(departures(hops, 's->r', 'accepted')).toEqual([1005])
    expect(server(m, 's').responseTime.mean).toBe(10)
    // job runs 1005–1255; polls leave every 100 ms after each answer: 1110, 1220, 1330
    expect(departures(hops, 's->r', 'poll')).toEqual([1110, 1220, 1330])
    expect(link(m, 's->r')).toMatchObject({ calls: 1, polls: 3, expired: 0 })
    expect(server(m, 'r').polls).toBe(3)
    // the operation is complete when the final poll returns: 1330 + 5 + 5
    expect(client(m).latency.mean).toBe(340)
    expect(client(m).succeeded).toBe(1)
    expectConserved(sim)
  })

  it('gives up at the poll deadline while the job works on', () => {
    const { sim, m } = run(build({ timeMs: 5000 }, { deadlineMs: 500 }), 1999)
    expect(client(m).failedBy).toEqual({ deadline: 1 })
    expect(client(m).latency.mean).toBe(500)
    expect(link(m, 's->r').expired).toBe(1)
    expect(server(m, 'r').completed).toBe(0)
    expectConserved(sim)
  })

  it('reports a failed job through its status', () => {
    const { m } = run(build({ errorRate: 100 }), 1999)
    expect(server(m, 's').completed).toBe(1)
    expect(client(m).failedBy).toEqual({ error: 1 })
  })

  it('fails the caller at once when the callee cannot take the job (503 instead of 202)', () => {
    const d = diagram()
      .client('c', { rate: 0, burstSize: 2, burstEverySec: 1 })
      .service('r', { workers: 1, queueLimit: 0, timeDist: 'constant', timeMs: 500 })
      .link('c', 'r', 'async', { latencyMs: 1, pollMs: 100 })
      .build()
    const { sim, m } = run(d, 1999)
    expect(server(m, 'r').rejected).toBe(1)
    expect(client(m).failedBy).toEqual({ rejected: 1 })
    expect(client(m).succeeded).toBe(1)
    expectConserved(sim)
  })
})
