import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Fault, replicasAt } from '../model/faults'
import { createSimulation } from './index'
import { diagram } from './testing/diagrams'

/**
 * The fault menus read a service's replicas off the timeline when the run has not applied
 * it yet (before Run, after Reset): that reading must be the engine's own. Fault instants
 * and auto-heals fall on whole tens of ms, so ties between them are common; the check
 * stands 5 ms after one, where no event of the timeline is due.
 */
describe('replicas read off the timeline agree with the engine', () => {
  const arbitraryFault = fc.record({
    at: fc.integer({ min: 0, max: 20 }).map((t) => t * 10),
    action: fc.constantFrom('crash' as const, 'restart' as const),
    replica: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })

  it('for any crashes and restarts, with and without auto-heal', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFault, { maxLength: 12 }), fc.constantFrom(0, 30, 50), fc.integer({ min: 0, max: 25 }), (raw, healMs, stand) => {
        const faults: Fault[] = raw
          .map((f) => (f.replica === undefined ? { at: f.at, action: f.action, node: 's' } : { at: f.at, action: f.action, node: 's', replica: f.replica }))
          .sort((a, b) => a.at - b.at)
        const d = diagram().service('s', { replicas: 3, healMs }).build()
        const sim = createSimulation({ diagram: d, seed: 1, faults })
        const t = stand * 10 + 5
        sim.runUntil(t)
        const engine = sim.snapshot().nodes.find((n) => n.id === 's')!.replicas.map((r) => r.state)
        expect(replicasAt(faults, { id: 's', settings: { replicas: 3, healMs } }, t)).toEqual(engine)
      }),
      { numRuns: 300 },
    )
  })
})
