import { describe, expect, it } from 'vitest'
import { diagram } from './testing/diagrams'
import { broker, client, departures, expectConserved, link, run, server } from './testing/run'

/**
 * A deadline (a sync call's timeout, a delivery's ack timeout, an async call's poll
 * deadline) acts after everything else due at its instant: an answer that arrives exactly
 * when the caller would give up is on time. With constant service times and whole-ms
 * latencies such ties are common, and they must not be settled by whichever event
 * happened to be scheduled first.
 */
describe('an answer at the instant of its deadline is on time', () => {
  it('sync: a reply arriving exactly at the timeout succeeds, however many calls share the timer', () => {
    for (const rate of [1, 20]) {
      const d = diagram()
        .client('c', { rate, arrivals: 'uniform' })
        .service('b', { workers: 8, timeDist: 'constant', timeMs: 98 })
        .link('c', 'b', 'sync', { latencyMs: 1, timeoutMs: 100, retries: 0 })
        .build()
      const { sim, m } = run(d, 5000)
      expect(client(m).failed).toBe(0)
      expect(client(m).succeeded).toBeGreaterThan(0)
      expect(link(m, 'c->b').timeouts).toBe(0)
      expect(client(m).latency.max).toBe(100)
      expectConserved(sim)
    }
  })

  it('message: an ack arriving exactly at the ack timeout is taken, not redelivered', () => {
    const d = diagram()
      .client('c', { rate: 5, arrivals: 'uniform' })
      .queue('q', { ackTimeoutMs: 100, maxDeliveries: 1 })
      .service('w', { workers: 4, timeDist: 'constant', timeMs: 98 })
      .link('c', 'q', 'message', { latencyMs: 1 })
      .link('q', 'w', 'message', { latencyMs: 1 })
      .build()
    const { sim, m } = run(d, 5000)
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub.acked).toBeGreaterThan(0)
    expect(sub).toMatchObject({ redelivered: 0, deadLettered: 0 })
    expect(server(m, 'w').records.byOutcome.timedOut ?? 0).toBe(0)
    expectConserved(sim)
  })

  it('async: a final poll answered exactly at the poll deadline completes the call', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .service('s', { workers: 1, timeDist: 'constant', timeMs: 0 })
      .service('r', { workers: 1, timeDist: 'constant', timeMs: 250 })
      .link('c', 's', 'sync', { latencyMs: 0 })
      // the final poll returns 340 ms after the submit (see async.test.ts)
      .link('s', 'r', 'async', { latencyMs: 5, pollMs: 100, deadlineMs: 340 })
      .build()
    const { sim, m } = run(d, 1999)
    expect(client(m)).toMatchObject({ succeeded: 1, failed: 0 })
    expect(link(m, 's->r').expired).toBe(0)
    expect(client(m).latency.mean).toBe(340)
    expectConserved(sim)
  })

  it('async: no poll leaves on the very instant of the deadline, when it could only go unanswered', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .service('s', { workers: 1, timeDist: 'constant', timeMs: 0 })
      .service('r', { workers: 1, timeDist: 'constant', timeMs: 5000 })
      .link('c', 's', 'sync', { latencyMs: 0 })
      // polls leave at 110 and 220 ms after the submit; the third would leave at 330, the deadline
      .link('s', 'r', 'async', { latencyMs: 5, pollMs: 100, deadlineMs: 330 })
      .build()
    const { sim, m, hops } = run(d, 1999)
    expect(departures(hops, 's->r', 'poll')).toEqual([1110, 1220])
    expect(link(m, 's->r')).toMatchObject({ polls: 2, expired: 1 })
    expect(client(m).failedBy).toEqual({ deadline: 1 })
    expect(client(m).latency.mean).toBe(330)
    expectConserved(sim)
  })
})
