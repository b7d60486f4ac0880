import type { Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { createSimulation } from '../index'
import type { Hop, SimMetrics, Simulation } from '../types'

/** Run a diagram to `until` ms and hand back what tests look at. */
export function run(diagram: Diagram, until: number, opts: { seed?: number; faults?: Fault[] } = {}): { sim: Simulation; m: SimMetrics; hops: Hop[] } {
  const sim = createSimulation({ diagram, seed: opts.seed ?? 1, faults: opts.faults ?? [], traceCapacity: 100_000 })
  sim.runUntil(until)
  return { sim, m: sim.metrics(), hops: sim.trace() }
}

export const server = (m: SimMetrics, id: string) => {
  const s = m.servers.find((x) => x.id === id)
  if (!s) throw new Error(`no server ${id}`)
  return s
}

export const client = (m: SimMetrics, id = 'c') => {
  const s = m.clients.find((x) => x.id === id)
  if (!s) throw new Error(`no client ${id}`)
  return s
}

export const broker = (m: SimMetrics, id: string) => {
  const s = m.brokers.find((x) => x.id === id)
  if (!s) throw new Error(`no broker ${id}`)
  return s
}

export const link = (m: SimMetrics, id: string) => {
  const s = m.links.find((x) => x.id === id)
  if (!s) throw new Error(`no link ${id}`)
  return s
}

/** Departure times of the hops on a link carrying one kind of thing. */
export const departures = (hops: Hop[], linkId: string, carries: Hop['carries']) => hops.filter((h) => h.link === linkId && h.carries === carries).map((h) => h.depart)

/** The audit must find every record the ledger says is live, each where it says it is. */
export function expectConserved(sim: Simulation): void {
  const a = sim.audit()
  if (a.problems.length > 0) throw new Error(`conservation broken:\n${a.problems.join('\n')}`)
}
