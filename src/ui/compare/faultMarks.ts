import { describeFault, type Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'

/** One compared design's faults, as its run holds them. */
export interface DesignFaults {
  name: string
  diagram: Diagram
  faults: readonly Fault[]
}

/** A diamond on the compare view's timeline: one fault, and which designs have it. */
export interface ComparedFaultMark {
  fault: Fault
  /** the diagram of the first design that has it, to name its nodes */
  diagram: Diagram
  /** "in every design", or which ones; empty with only one design */
  where: string
}

/**
 * The compare view's one timeline shows the faults of every design: a fault that several
 * designs have (one added with "Faults in every design", a scenario's own outage) is one
 * diamond, matched as a person reads it (its instant and its words: the designs' node ids
 * may differ), and says in which designs it is. Pure.
 */
export function comparedFaultMarks(designs: readonly DesignFaults[]): ComparedFaultMark[] {
  const byWhat = new Map<string, { fault: Fault; diagram: Diagram; names: string[] }>()
  for (const d of designs) {
    for (const fault of d.faults) {
      const key = `${fault.at} ${describeFault(fault, d.diagram)}`
      const seen = byWhat.get(key)
      if (!seen) byWhat.set(key, { fault, diagram: d.diagram, names: [d.name] })
      else if (!seen.names.includes(d.name)) seen.names.push(d.name)
    }
  }
  return [...byWhat.values()]
    .sort((a, b) => a.fault.at - b.fault.at)
    .map(({ fault, diagram, names }) => ({ fault, diagram, where: designs.length < 2 ? '' : names.length === designs.length ? 'in every design' : `in ${listed(names)} only` }))
}

const listed = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`)
