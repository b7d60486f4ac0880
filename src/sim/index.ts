import { checkDiagram } from '../model/invariants'
import { audit } from './audit'
import { Engine } from './engine'
import { buildMetrics, buildSnapshot } from './metrics'
import type { Simulation, SimulationOptions } from './types'

export type * from './types'
export { LOGNORMAL_SIGMA } from './distributions'
/** The lifecycle machines, for drawing them (xstate/graph's toDirectedGraph) beside a run. */
export { asyncCallMachine, eventDeliveryMachine, messageDeliveryMachine, nodeLifecycleMachine, syncCallMachine } from './machines'

/**
 * A simulation of a diagram. Nothing runs until asked: `runUntil(t)` processes every event
 * up to simulated time t (ms), `step()` one event. Same diagram, seed and faults → the
 * same events, metrics and trace. The diagram must satisfy the model's invariants.
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const problems = checkDiagram(options.diagram)
  if (problems.length > 0) throw new Error(`createSimulation: invalid diagram: ${problems[0]!.path} ${problems[0]!.message}`)
  let engine: Engine | null = new Engine({
    diagram: options.diagram,
    seed: Math.trunc(options.seed ?? 1),
    faults: options.faults ?? [],
    traceCapacity: options.traceCapacity ?? 10_000,
  })
  const live = (): Engine => {
    if (engine === null) throw new Error('This simulation was disposed.')
    return engine
  }
  return {
    get now() {
      return live().now
    },
    step: () => live().step(),
    runUntil: (t) => live().runUntil(t),
    snapshot: () => buildSnapshot(live()),
    metrics: () => buildMetrics(live()),
    subscribe(listener) {
      const e = live()
      e.listeners = [...e.listeners, listener]
      return () => {
        e.listeners = e.listeners.filter((l) => l !== listener)
      }
    },
    trace: () => live().trace.read(live().world.links.map((l) => l.id), live().world.nodes.map((n) => n.id)),
    inject: (f) => live().inject(f),
    audit: () => audit(live()),
    dispose() {
      if (engine === null) return
      engine.listeners = []
      engine.s.clear()
      engine = null
    },
  }
}
