import type { Diagram } from './types'

/**
 * Whether two diagrams differ at most in node positions (faults, seed, title and notes count as structure). Panels that show settings and
 * links (not positions) use it to skip re-rendering while a node is dragged. Pure, O(n).
 */
export function sameStructure(a: Diagram, b: Diagram): boolean {
  if (a === b) return true
  if (a.links !== b.links || a.faults !== b.faults || a.seed !== b.seed || a.title !== b.title || a.notes !== b.notes || a.nodes.length !== b.nodes.length) return false
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!
    const y = b.nodes[i]!
    if (x !== y && (x.id !== y.id || x.kind !== y.kind || x.label !== y.label || x.settings !== y.settings)) return false
  }
  return true
}

/** A selector step that keeps returning the first of a run of structurally equal diagrams. */
export function createStructureKeeper(): (d: Diagram) => Diagram {
  let kept: Diagram | null = null
  return (d) => {
    if (kept === null || !sameStructure(kept, d)) kept = d
    return kept
  }
}
