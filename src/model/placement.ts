import { NODE_HEIGHT, NODE_WIDTH } from './geometry'
import type { Diagram } from './types'

const GAP = 30

/**
 * Where to put a new node near `at` (its top-left corner) without covering another: the
 * spot itself if free, else the nearest free slot on a grid around it, ring by ring. Pure.
 *
 * A diagram reads left to right from its sources (the clients), so a slot further left
 * than both the spot asked for and the leftmost client (by more than half a node) is never
 * taken: a new database does not land before the traffic that reaches it. Between slots
 * equally near, the one to the right wins, then the one below.
 */
export function freeSpot(d: Diagram, at: { x: number; y: number }): { x: number; y: number } {
  const stepX = NODE_WIDTH + GAP
  const stepY = NODE_HEIGHT + GAP
  const overlaps = (x: number, y: number) =>
    d.nodes.some((n) => Math.abs(n.x - x) < NODE_WIDTH + GAP / 2 && Math.abs(n.y - y) < NODE_HEIGHT + GAP / 2)
  const sources = d.nodes.filter((n) => n.kind === 'client')
  const leftmost = sources.length === 0 ? -Infinity : Math.min(at.x, Math.min(...sources.map((n) => n.x)) - NODE_WIDTH / 2)
  for (let ring = 0; ring <= 8; ring++) {
    const candidates: { x: number; y: number; dist: number; i: number; j: number }[] = []
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
        const x = at.x + i * stepX
        if (x < leftmost) continue
        candidates.push({ x, y: at.y + j * stepY, dist: Math.hypot(i * stepX, j * stepY), i, j })
      }
    }
    candidates.sort((a, b) => a.dist - b.dist || b.i - a.i || b.j - a.j)
    const free = candidates.find((c) => !overlaps(c.x, c.y))
    if (free) return { x: Math.round(free.x), y: Math.round(free.y) }
  }
  return { x: Math.round(at.x), y: Math.round(at.y) }
}
