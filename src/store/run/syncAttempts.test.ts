import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { createSimulation } from '../../sim/index'
import type { Hop, SimEvent } from '../../sim/types'
import { createSyncAttempts } from './syncAttempts'

/** A shop calling one service synchronously, with the service's and the link's settings. */
function diagram(service: Record<string, unknown>, link: Record<string, unknown>): Diagram {
  const parsed = parseDocument({
    wireplay: 1,
    nodes: [
      { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0, settings: { rate: 20 } },
      { id: 's', kind: 'service', label: 'Orders', x: 300, y: 0, settings: service },
    ],
    links: [{ id: 'l', source: 'c', target: 's', kind: 'sync', settings: link }],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
  return parsed.value
}

/** Runs the engine for `ms`, numbering each request as the event log does. */
function run(d: Diagram, ms: number) {
  const sim = createSimulation({ diagram: d, seed: 7 })
  const attempt = createSyncAttempts(d)
  const requests: { correlationId: number; attempt: number }[] = []
  sim.subscribe((e) => {
    const n = attempt(e)
    if (e.type === 'hop' && e.hop.carries === 'request') requests.push({ correlationId: e.hop.correlationId, attempt: n })
  })
  sim.runUntil(ms)
  const link = sim.metrics().links.find((l) => l.id === 'l')!
  const perOperation = new Map<number, number[]>()
  for (const r of requests) perOperation.set(r.correlationId, [...(perOperation.get(r.correlationId) ?? []), r.attempt])
  return { requests, retries: requests.filter((r) => r.attempt > 1).length, link, perOperation }
}

describe('which attempt a synchronous request is', () => {
  it('numbers the retries after error answers, as many as the engine counts, and none past the last', () => {
    const r = run(diagram({ errorRate: 100 }, { retries: 2, backoffMs: 10 }), 3_000)
    expect(r.retries).toBeGreaterThan(0)
    expect(r.retries).toBe(r.link.retries)
    // every operation that finished its attempts went 1, 2, 3
    for (const attempts of r.perOperation.values()) expect(attempts).toEqual([1, 2, 3].slice(0, attempts.length))
  })

  it('numbers the retries after timeouts, and a timed-out attempt’s late answer is no second failure', () => {
    const r = run(diagram({ timeMs: 500, timeDist: 'constant', workers: 100 }, { timeoutMs: 100, retries: 1, backoffMs: 10 }), 3_000)
    expect(r.link.timeouts).toBeGreaterThan(0)
    expect(r.retries).toBe(r.link.retries)
    for (const attempts of r.perOperation.values()) expect(attempts).toEqual([1, 2].slice(0, attempts.length))
  })

  it('agrees with the engine when only some attempts fail', () => {
    const r = run(diagram({ errorRate: 40 }, { retries: 3, backoffMs: 5 }), 5_000)
    expect(r.retries).toBeGreaterThan(0)
    expect(r.requests.length - r.retries).toBe(r.link.calls)
    expect(r.retries).toBe(r.link.retries)
  })

  it('calls every request a first attempt on a link without retries', () => {
    const r = run(diagram({ errorRate: 100 }, { retries: 0 }), 2_000)
    expect(r.requests.length).toBeGreaterThan(0)
    expect(r.retries).toBe(0)
  })

  it('counts a failure heard twice once', () => {
    const d = diagram({}, { retries: 1 })
    const attempt = createSyncAttempts(d)
    const hop = (carries: Hop['carries'], direction: Hop['direction'], requestId: number): SimEvent => ({ type: 'hop', hop: { link: 'l', direction, carries, depart: 0, arrive: 1, requestId, correlationId: 4, reason: carries === 'error' ? 'error' : undefined } })
    expect(attempt(hop('request', 'forward', 1))).toBe(1)
    attempt({ type: 'timeout', link: 'l', requestId: 1, correlationId: 4, at: 1 })
    // the abandoned attempt's answer arrives late: no second retry is owed
    attempt(hop('error', 'back', 1))
    expect(attempt(hop('request', 'forward', 2))).toBe(2)
    // the next call of the same operation on this link (after a success) starts again at 1
    attempt(hop('reply', 'back', 2))
    expect(attempt(hop('request', 'forward', 3))).toBe(1)
  })
})
