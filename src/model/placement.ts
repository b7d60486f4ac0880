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

/** A node's drawn size, flow units, when known (a live node grows rows; a long name wraps). */
export type SizeOf = (id: string) => { width: number; height: number } | undefined

/** Room kept between a dropped node and its neighbours: their handles and borders stay apart. */
export const DROP_CLEARANCE = GAP / 2

/**
 * Where a node dropped at `at` (its top-left corner) goes: there if it covers no node, else
 * the nearest point, by straight distance, where it covers none (with `DROP_CLEARANCE`
 * around each). Unlike `freeSpot` this does not jump by whole grid steps or keep off the
 * left of the clients: the person chose the place, so it moves only as far as it must.
 * Between points equally near, the one to the right wins, then the one below. Pure.
 *
 * Why the search is exact: the places a node may not take are a union of open rectangles
 * (each node's box grown by the new node's size and the clearance), and the nearest point
 * outside such a union lies either straight across one rectangle's side from `at` or on a
 * corner where two sides cross; so the candidates are every pair of (x from {at.x, sides},
 * y from {at.y, sides}).
 */
export function dropSpot(d: Diagram, at: { x: number; y: number }, sizeOf: SizeOf = () => undefined): { x: number; y: number } {
  const w = NODE_WIDTH
  const h = NODE_HEIGHT
  const m = DROP_CLEARANCE
  // the forbidden rectangles for the new node's top-left corner: x0, y0, x1, y1 (open)
  const rects = d.nodes.map((n) => {
    const size = sizeOf(n.id)
    return [n.x - w - m, n.y - h - m, n.x + (size?.width ?? NODE_WIDTH) + m, n.y + (size?.height ?? NODE_HEIGHT) + m] as const
  })
  const free = (x: number, y: number) => !rects.some(([x0, y0, x1, y1]) => x > x0 && x < x1 && y > y0 && y < y1)
  const ax = Math.round(at.x)
  const ay = Math.round(at.y)
  if (free(ax, ay)) return { x: ax, y: ay }
  // sides rounded outwards, so that the rounded answer is still clear
  const byNearness = (c: number, values: number[]) => [...new Set([c, ...values])].sort((a, b) => Math.abs(a - c) - Math.abs(b - c))
  const xs = byNearness(ax, rects.flatMap(([x0, , x1]) => [Math.floor(x0), Math.ceil(x1)]))
  const ys = byNearness(ay, rects.flatMap(([, y0, , y1]) => [Math.floor(y0), Math.ceil(y1)]))
  let best: { x: number; y: number; dist: number } | null = null
  const better = (x: number, y: number, dist: number) => !best || dist < best.dist - 1e-9 || (dist < best.dist + 1e-9 && (x > best.x || (x === best.x && y > best.y)))
  for (const x of xs) {
    const dx = Math.abs(x - ax)
    if (best && dx > best.dist + 1e-9) break
    for (const y of ys) {
      const dy = Math.abs(y - ay)
      if (best && dy > best.dist + 1e-9) break
      const dist = Math.hypot(dx, dy)
      if (better(x, y, dist) && free(x, y)) best = { x, y, dist }
    }
  }
  // always found: the column right of every rectangle is free
  return best ? { x: best.x, y: best.y } : { x: ax, y: ay }
}
