import dagre from '@dagrejs/dagre'
import { NODE_HEIGHT, NODE_WIDTH } from './geometry'
import type { Diagram } from './types'


/**
 * Tidy-up: a left-to-right layered layout (callers left of callees) by dagre. Returns the
 * new positions; the caller applies them as one edit. Pure (dagre has no DOM).
 */
export function tidyLayout(d: Diagram): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 40, marginy: 40 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const n of d.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
  for (const l of d.links) g.setEdge(l.source, l.target)
  dagre.layout(g)
  const out = new Map<string, { x: number; y: number }>()
  for (const n of d.nodes) {
    const p = g.node(n.id)
    // dagre gives centres; the document stores top-left corners
    out.set(n.id, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) })
  }
  return out
}
