import { describe, expect, it } from 'vitest'
import { diagram } from './testing/diagrams'
import { client, run, server } from './testing/run'

/**
 * The engine against the textbook. A poisson client calling one service with zero link
 * latency is an M/M/c queue (exponential service) or M/D/1 (constant service). Run
 * lengths are chosen so the standard error of the measured mean is about 1 %, making a
 * 3 % miss a three-sigma event rather than luck; the seeds are fixed for repeatability.
 */

/** Erlang C: probability an arrival waits, for c servers at offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1
  let sum = 1
  for (let k = 1; k < c; k++) {
    term *= a / k
    sum += term
  }
  const top = ((term * a) / c) * (c / (c - a))
  return top / (sum + top)
}

/** Mean response time of M/M/c, ms: service time plus Erlang-C wait. */
function mmcResponse(lambdaPerS: number, meanMs: number, c: number): number {
  const a = (lambdaPerS * meanMs) / 1000
  const mu = 1000 / meanMs
  return meanMs + (erlangC(c, a) / (c * mu - lambdaPerS)) * 1000
}

/** Pollaczek–Khinchine for M/D/1, ms. */
function md1Response(lambdaPerS: number, meanMs: number): number {
  const rho = (lambdaPerS * meanMs) / 1000
  return meanMs + (rho * meanMs) / (2 * (1 - rho))
}

function queue(rate: number, workers: number, timeDist: 'exponential' | 'constant', timeMs: number) {
  return diagram()
    .client('c', { rate })
    .service('s', { workers, timeDist, timeMs, queueLimit: 1_000_000 })
    .link('c', 's', 'sync', { latencyMs: 0, timeoutMs: 3_600_000 })
    .build()
}

const within = (measured: number, expected: number, tolerance = 0.03) => {
  expect(Math.abs(measured - expected) / expected, `${measured} vs ${expected}`).toBeLessThan(tolerance)
}

describe('queueing theory', () => {
  it('M/M/1 (BENCHMARKS.md MM1: 80/s, 10 ms): mean response 50 ms and its percentiles', { timeout: 60_000 }, () => {
    expect(mmcResponse(80, 10, 1)).toBeCloseTo(50, 9)
    const { m } = run(queue(80, 1, 'exponential', 10), 4 * 3_600_000, { seed: 7 })
    const s = server(m, 's')
    within(s.responseTime.mean, 50)
    within(client(m).latency.mean, 50)
    // response time of M/M/1 is exponential with mean 50 ms: p = −50·ln(1 − q)
    within(s.responseTime.p50, 34.657, 0.05)
    within(s.responseTime.p95, 149.787, 0.05)
    within(s.responseTime.p99, 230.259, 0.05)
    within(s.utilization, 0.8, 0.01)
  })

  it('M/M/c with c = 3 (240/s, 10 ms, ρ = 0.8) matches Erlang C', { timeout: 60_000 }, () => {
    const expected = mmcResponse(240, 10, 3)
    // a = 2.4, Erlang C ≈ 0.6472, wait 0.6472 / (300 − 240) s ≈ 10.79 ms
    expect(expected).toBeCloseTo(20.787, 2)
    const { m } = run(queue(240, 3, 'exponential', 10), 2 * 3_600_000, { seed: 11 })
    within(server(m, 's').responseTime.mean, expected)
  })

  it('M/D/1 (80/s, constant 10 ms) matches Pollaczek–Khinchine: 30 ms', { timeout: 60_000 }, () => {
    expect(md1Response(80, 10)).toBeCloseTo(30, 9)
    const { m } = run(queue(80, 1, 'constant', 10), 2 * 3_600_000, { seed: 5 })
    within(server(m, 's').responseTime.mean, 30)
  })

  it('holds Little’s law at every service, database and queue of a mixed diagram', { timeout: 60_000 }, () => {
    const d = diagram()
      .client('c', { rate: 50 })
      .service('api', { replicas: 2, workers: 8, timeMs: 10 })
      .database('db', { workers: 4, timeMs: 15, timeDist: 'lognormal' })
      .service('rep', { workers: 2, timeMs: 40, timeDist: 'uniform' })
      .queue('q')
      .service('w', { workers: 2, timeMs: 20 })
      .link('c', 'api', 'sync', { latencyMs: 1 })
      .link('api', 'db', 'sync', { latencyMs: 1, probability: 60 })
      .link('api', 'rep', 'async', { latencyMs: 1, probability: 30, pollMs: 50 })
      .link('api', 'q', 'message', { latencyMs: 1 })
      .link('q', 'w', 'message', { latencyMs: 1 })
      .build()
    const { m } = run(d, 3_600_000, { seed: 3 })
    for (const s of m.servers) {
      expect(s.completed).toBeGreaterThan(10_000)
      // L = λ·W with λ the rate of requests leaving and W their mean time inside
      within(s.meanInSystem, (s.throughput * s.responseTime.mean) / 1000)
    }
    // the queue too: messages held = acks per ms × mean time from publish to ack
    const sub = m.brokers[0]!.subscriptions[0]!
    expect(sub.deadLettered).toBe(0)
    within(sub.depth.mean, (sub.acked / m.time) * sub.publishToAck.mean)
  })
})
