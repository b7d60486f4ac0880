import type { LinkKind, NodeKind } from '../../model/types'

/**
 * A scenario's diagram shrunk to a card: one box per node, one line per link, in a fixed
 * view box. Pure; the gallery draws it as a plain SVG, so twenty thumbnails cost nothing
 * like twenty React Flow canvases.
 */

/** A node's size on the canvas, flow units (the .wire-node box). */
export const NODE_SIZE = { width: 180, height: 72 }

export interface ThumbBox {
  id: string
  kind: NodeKind
  x: number
  y: number
  width: number
  height: number
}

export interface ThumbLine {
  id: string
  kind: LinkKind
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface Thumbnail {
  width: number
  height: number
  boxes: ThumbBox[]
  lines: ThumbLine[]
}

interface DocLike {
  nodes: readonly { id: string; kind: NodeKind; x: number; y: number }[]
  links: readonly { id: string; source: string; target: string; kind: LinkKind }[]
}

const round = (v: number) => Math.round(v * 10) / 10

/**
 * Fit the diagram, centred, into `width` × `height` with `pad` on every side, keeping its
 * proportions and never enlarging it past `maxScale`. A link runs from the right edge
 * of its source to the left edge of its target, as the canvas draws it; a link to a
 * node that is not there is left out.
 */
export function thumbnailGeometry(doc: DocLike, width = 240, height = 120, pad = 8, maxScale = 0.25): Thumbnail {
  if (doc.nodes.length === 0) return { width, height, boxes: [], lines: [] }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const n of doc.nodes) {
    minX = Math.min(minX, n.x)
    minY = Math.min(minY, n.y)
    maxX = Math.max(maxX, n.x + NODE_SIZE.width)
    maxY = Math.max(maxY, n.y + NODE_SIZE.height)
  }
  const scale = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY), maxScale)
  const offsetX = (width - (maxX - minX) * scale) / 2
  const offsetY = (height - (maxY - minY) * scale) / 2
  const boxes = new Map<string, ThumbBox>()
  for (const n of doc.nodes) {
    boxes.set(n.id, {
      id: n.id,
      kind: n.kind,
      x: round(offsetX + (n.x - minX) * scale),
      y: round(offsetY + (n.y - minY) * scale),
      width: round(NODE_SIZE.width * scale),
      height: round(NODE_SIZE.height * scale),
    })
  }
  const lines: ThumbLine[] = []
  for (const l of doc.links) {
    const a = boxes.get(l.source)
    const b = boxes.get(l.target)
    if (!a || !b) continue
    lines.push({ id: l.id, kind: l.kind, x1: round(a.x + a.width), y1: round(a.y + a.height / 2), x2: b.x, y2: round(b.y + b.height / 2) })
  }
  return { width, height, boxes: [...boxes.values()], lines }
}
