import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDiagram } from '../model/invariants'
import { createSimulation } from './index'
import { arbDiagram, arbFaults } from './testing/arbitrary'
import type { SimMetrics } from './types'

const scenario = arbDiagram.chain((diagram) => fc.record({ diagram: fc.constant(diagram), faults: arbFaults(diagram, 3000), seed: fc.integer() }))

/** Every number in the metrics, with its path. */
function numbers(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out)
  return out
}

describe('properties over random diagrams, faults and seeds', () => {
  it('generates valid diagrams', () => {
    fc.assert(
      fc.property(arbDiagram, (d) => {
        expect(checkDiagram(d)).toEqual([])
      }),
    )
  })

  it('conserves every record at every step: created = ended + in flight, per node and in total', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ diagram, faults, seed }) => {
        const sim = createSimulation({ diagram, faults, seed })
        // every event for a while, then at intervals over a longer stretch
        for (let i = 0; i < 400 && sim.step(); i++) {
          const a = sim.audit()
          if (a.problems.length > 0) throw new Error(`after ${i + 1} events: ${a.problems.join('; ')}`)
        }
        for (let t = 250; t <= 4000; t += 250) {
          sim.runUntil(t)
          const a = sim.audit()
          if (a.problems.length > 0) throw new Error(`at ${t} ms: ${a.problems.join('; ')}`)
          const m = sim.metrics()
          expect(m.totals.created).toBe(m.totals.ended + m.totals.inFlight)
          for (const c of m.clients) expect(c.issued).toBe(c.succeeded + c.failed + c.inFlight)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('is deterministic: same diagram, seed and faults give identical metrics and trace', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ diagram, faults, seed }) => {
        const once = () => {
          const sim = createSimulation({ diagram, faults, seed, traceCapacity: 500 })
          sim.runUntil(3000)
          return JSON.stringify([sim.metrics(), sim.trace(), sim.snapshot()])
        }
        expect(once()).toBe(once())
      }),
      { numRuns: 30 },
    )
  })

  it('tells a listener every hop exactly as the trace keeps it (reason, origin and attempt included)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ diagram, faults, seed }) => {
        const sim = createSimulation({ diagram, faults, seed, traceCapacity: 100_000 })
        const heard: unknown[] = []
        sim.subscribe((e) => e.type === 'hop' && heard.push(e.hop))
        sim.runUntil(3000)
        // the trace leaves out what is undefined; a listener's hop has the key with no value
        expect(JSON.parse(JSON.stringify(heard))).toEqual(JSON.parse(JSON.stringify(sim.trace())))
      }),
      { numRuns: 30 },
    )
  })

  it('never reports a negative, infinite or NaN number', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ diagram, faults, seed }) => {
        const sim = createSimulation({ diagram, faults, seed })
        for (const t of [0, 1, 700, 3000]) {
          sim.runUntil(t)
          const m: SimMetrics = sim.metrics()
          for (const [path, v] of numbers({ ...m, seed: 0 })) {
            if (!Number.isFinite(v) || v < 0) throw new Error(`${path} = ${v} at ${t} ms`)
          }
          for (const s of m.servers) expect(s.utilization).toBeLessThanOrEqual(1 + 1e-9)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('changing one node’s settings leaves other nodes’ random streams alone', { timeout: 60_000 }, () => {
    // two clients feed two separate services; slowing one service must not change the other's numbers
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(5, 50), (seed, slow) => {
        const base = (timeMs: number) =>
          createSimulation({
            seed,
            diagram: {
              nodes: [
                { id: 'c1', kind: 'client', label: 'c1', x: 0, y: 0, settings: { rate: 20, arrivals: 'poisson', burstSize: 0, burstEverySec: 10 } },
                { id: 'c2', kind: 'client', label: 'c2', x: 0, y: 0, settings: { rate: 20, arrivals: 'poisson', burstSize: 0, burstEverySec: 10 } },
                { id: 's1', kind: 'service', label: 's1', x: 0, y: 0, settings: { replicas: 1, workers: 4, timeDist: 'exponential', timeMs, queueLimit: 100, errorRate: 0, healMs: 0, balancing: 'round-robin' } },
                { id: 's2', kind: 'service', label: 's2', x: 0, y: 0, settings: { replicas: 1, workers: 4, timeDist: 'exponential', timeMs: 10, queueLimit: 100, errorRate: 0, healMs: 0, balancing: 'round-robin' } },
              ],
              links: [
                { id: 'a', source: 'c1', target: 's1', kind: 'sync', settings: { latencyMs: 1, probability: 100, timeoutMs: 1000, retries: 0, backoffMs: 100, pollMs: 500, deadlineMs: 30000, contract: 'Job v1', eventName: 'E', filter: '' } },
                { id: 'b', source: 'c2', target: 's2', kind: 'sync', settings: { latencyMs: 1, probability: 100, timeoutMs: 1000, retries: 0, backoffMs: 100, pollMs: 500, deadlineMs: 30000, contract: 'Job v1', eventName: 'E', filter: '' } },
              ],
            },
          })
        const a = base(10)
        const b = base(slow)
        a.runUntil(5000)
        b.runUntil(5000)
        expect(b.metrics().servers[1]).toEqual(a.metrics().servers[1])
      }),
      { numRuns: 10 },
    )
  })
})
