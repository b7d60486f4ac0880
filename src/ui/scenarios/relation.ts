import { sameStructure } from '../../model/structure'
import type { Diagram } from '../../model/types'
export { suggestedFaultAt } from '../../model/scenario'

/**
 * How the diagram on screen relates to the scenario that was opened. Pure.
 * - `as-opened`: the scenario's own diagram; nodes may have moved and faults may have been
 *   tried on it (that is what the scenario invites), nothing else changed;
 * - `edited`: the user changed it (a setting, a node, a link, the seed, its title or notes):
 *   their copy, which a scenario link would not carry;
 * - `other`: it has nothing to do with the scenario any more (a new diagram, a file or a
 *   link opened since): no node of the scenario is left.
 */
export type ScenarioRelation = 'as-opened' | 'edited' | 'other'

export function scenarioRelation(present: Diagram, opened: Diagram): ScenarioRelation {
  if (sameStructure({ ...present, faults: opened.faults }, opened)) return 'as-opened'
  const ids = new Set(opened.nodes.map((n) => n.id))
  return present.nodes.some((n) => ids.has(n.id)) ? 'edited' : 'other'
}

/** Whether the opened value is a diagram (the scenario store keeps it untyped). */
export function isDiagram(d: unknown): d is Diagram {
  return typeof d === 'object' && d !== null && Array.isArray((d as Diagram).nodes) && Array.isArray((d as Diagram).links)
}


/** "Crash Email. Its copies pile up…" → ["Crash Email.", "Its copies pile up…"]: the button says what it does, the rest what it shows. */
export function splitFirstSentence(text: string): [string, string] {
  const m = /^(.+?[.!?])\s+(\S.*)$/s.exec(text)
  return m ? [m[1]!, m[2]!] : [text, '']
}
