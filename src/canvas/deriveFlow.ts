import { KIND_LABELS } from '../model/defaults'
import { describeLink, linkRole } from '../model/rules'
import { linkBadge, nodeSummary } from '../model/summary'
import type { Diagram, DiagramLink, DiagramNode } from '../model/types'
import type { WireFlowEdge, WireFlowNode } from './flowTypes'
import { LINK_STYLES } from './linkStyles'

export interface Measured {
  width: number
  height: number
}

/**
 * Derives React Flow nodes and edges from the document, reusing the previous object for
 * anything unchanged. React Flow skips work for nodes whose object identity is the same,
 * which keeps a drag on a 300-node diagram cheap: only the moved node is new.
 */
export function createFlowDeriver() {
  const nodeCache = new Map<string, { src: DiagramNode; selected: boolean; measured: Measured | undefined; flow: WireFlowNode }>()
  const edgeCache = new Map<string, { src: DiagramLink; selected: boolean; source: DiagramNode; target: DiagramNode; flow: WireFlowEdge }>()

  function nodes(d: Diagram, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Measured>): WireFlowNode[] {
    const seen = new Set<string>()
    const out = d.nodes.map((n) => {
      seen.add(n.id)
      const sel = selected.has(n.id)
      const m = measured.get(n.id)
      const hit = nodeCache.get(n.id)
      if (hit && hit.src === n && hit.selected === sel && hit.measured === m) return hit.flow
      const flow: WireFlowNode = {
        id: n.id,
        type: 'wire',
        position: { x: n.x, y: n.y },
        data: { node: n },
        selected: sel,
        ariaLabel: `${KIND_LABELS[n.kind]} ${n.label}: ${nodeSummary(n)}`,
        ...(m ? { measured: m } : {}),
      }
      nodeCache.set(n.id, { src: n, selected: sel, measured: m, flow })
      return flow
    })
    for (const id of nodeCache.keys()) if (!seen.has(id)) nodeCache.delete(id)
    return out
  }

  let lastEdges: WireFlowEdge[] = []
  /** Same array back when no edge changed, so React Flow does not rebuild its connection lookup. */
  function edges(d: Diagram, selected: ReadonlySet<string>): WireFlowEdge[] {
    const out = deriveEdges(d, selected)
    if (out.length === lastEdges.length && out.every((e, i) => e === lastEdges[i])) return lastEdges
    lastEdges = out
    return out
  }

  function deriveEdges(d: Diagram, selected: ReadonlySet<string>): WireFlowEdge[] {
    const byId = new Map(d.nodes.map((n) => [n.id, n]))
    const seen = new Set<string>()
    const out: WireFlowEdge[] = []
    for (const l of d.links) {
      const source = byId.get(l.source)
      const target = byId.get(l.target)
      if (!source || !target) continue
      seen.add(l.id)
      const sel = selected.has(l.id)
      const hit = edgeCache.get(l.id)
      // labels of the ends appear in the aria label, so a rename refreshes the edge
      if (hit && hit.src === l && hit.selected === sel && hit.source.label === source.label && hit.target.label === target.label && hit.source.kind === source.kind) {
        out.push(hit.flow)
        continue
      }
      const role = linkRole(d, l)
      const style = LINK_STYLES[l.kind]
      const flow: WireFlowEdge = {
        id: l.id,
        type: 'wire',
        source: l.source,
        target: l.target,
        selected: sel,
        data: { link: l, role, badge: linkBadge(l, role) },
        markerEnd: { type: style.marker, color: style.color, width: 18, height: 18 },
        ariaLabel: describeLink(d, l),
        // React Flow draws links before nodes, so Tab would visit every link first: links
        // stay focusable (a click, the inspector's link buttons) but out of the Tab order
        domAttributes: { tabIndex: -1 },
      }
      edgeCache.set(l.id, { src: l, selected: sel, source, target, flow })
      out.push(flow)
    }
    for (const id of edgeCache.keys()) if (!seen.has(id)) edgeCache.delete(id)
    return out
  }

  return { nodes, edges }
}
