import { describe, expect, it } from 'vitest'
import { addNode } from './edits'
import { NODE_HEIGHT, NODE_WIDTH } from './geometry'
import { DROP_CLEARANCE, dropSpot, freeSpot } from './placement'
import type { Diagram } from './types'

describe('placing a new node', () => {
  it('uses the spot asked for when it is free', () => {
    expect(freeSpot({ nodes: [], links: [] }, { x: 100.4, y: 50 })).toEqual({ x: 100, y: 50 })
  })

  it('never covers another node, however many are added at the same spot', () => {
    let d: Diagram = { nodes: [], links: [] }
    for (let i = 0; i < 12; i++) d = addNode(d, 'service', freeSpot(d, { x: 0, y: 0 })).diagram
    for (const a of d.nodes) {
      for (const b of d.nodes) {
        if (a === b) continue
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true)
      }
    }
    // and stays close: within two rings of the spot
    for (const n of d.nodes) expect(Math.abs(n.x)).toBeLessThanOrEqual(2 * (NODE_WIDTH + 30))
  })

  const node = (id: string, kind: 'client' | 'service' | 'database', x: number, y: number) => addNode({ nodes: [], links: [] }, kind, { x, y }).diagram.nodes.map((n) => ({ ...n, id }))[0]!
  const stepX = NODE_WIDTH + 30
  const stepY = NODE_HEIGHT + 30

  it('does not put a new node left of the client when the spots above and below it are taken', () => {
    const d: Diagram = { nodes: [node('c', 'client', 0, 0), node('a', 'service', 0, -stepY), node('b', 'service', 0, stepY)], links: [] }
    // as near on the left as on the right: the right wins, and the left is out anyway
    expect(freeSpot(d, { x: 0, y: 0 })).toEqual({ x: stepX, y: 0 })
  })

  it('goes further away rather than left of the leftmost client', () => {
    // the client's whole right-hand neighbourhood is taken, two rings deep
    const nodes = [node('c', 'client', 0, 0)]
    for (let i = 0; i <= 2; i++) for (let j = -2; j <= 2; j++) if (i !== 0 || j !== 0) nodes.push(node(`s${i}${j}`, 'service', i * stepX, j * stepY))
    const d: Diagram = { nodes, links: [] }
    const spot = freeSpot(d, { x: stepX, y: 0 })
    expect(spot.x).toBeGreaterThanOrEqual(-NODE_WIDTH / 2)
    expect(d.nodes.some((n) => Math.abs(n.x - spot.x) < NODE_WIDTH && Math.abs(n.y - spot.y) < NODE_HEIGHT)).toBe(false)
    // and stays as near as that allows: the next free column to the right
    expect(spot).toEqual({ x: 3 * stepX, y: 0 })
  })

  it('keeps a spot asked for left of the clients (the view was moved there), and goes no further left', () => {
    const d: Diagram = { nodes: [node('c', 'client', 600, 0)], links: [] }
    expect(freeSpot(d, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 })
    const taken: Diagram = { nodes: [...d.nodes, node('s', 'service', 0, 0), node('t', 'service', 0, stepY)], links: [] }
    expect(freeSpot(taken, { x: 0, y: 0 })).toEqual({ x: 0, y: -stepY })
  })

  it('between slots equally near, takes the one to the right, then the one below', () => {
    const d: Diagram = { nodes: [node('s', 'service', 0, 0)], links: [] }
    // above and below are nearer than left and right (a node is wider than tall): below wins
    expect(freeSpot(d, { x: 0, y: 0 })).toEqual({ x: 0, y: stepY })
    const wide: Diagram = { nodes: [...d.nodes, node('u', 'service', 0, -stepY), node('v', 'service', 0, stepY)], links: [] }
    expect(freeSpot(wide, { x: 0, y: 0 })).toEqual({ x: stepX, y: 0 })
  })
})

describe('dropping a node from the palette', () => {
  const at = (id: string, x: number, y: number) => ({ ...addNode({ nodes: [], links: [] }, 'service', { x, y }).diagram.nodes[0]!, id })
  const clear = (d: Diagram, p: { x: number; y: number }, sizeOf: (id: string) => { width: number; height: number } = () => ({ width: NODE_WIDTH, height: NODE_HEIGHT })) =>
    d.nodes.every((n) => {
      const s = sizeOf(n.id)
      return p.x >= n.x + s.width + DROP_CLEARANCE || p.x + NODE_WIDTH + DROP_CLEARANCE <= n.x || p.y >= n.y + s.height + DROP_CLEARANCE || p.y + NODE_HEIGHT + DROP_CLEARANCE <= n.y
    })

  it('lands where it was dropped when that covers nothing', () => {
    const d: Diagram = { nodes: [at('a', 0, 0)], links: [] }
    expect(dropSpot(d, { x: 400.3, y: 10 })).toEqual({ x: 400, y: 10 })
  })

  it('moves off a node it was dropped on, only as far as it must', () => {
    const d: Diagram = { nodes: [at('a', 0, 0)], links: [] }
    // dropped a little below the node's middle: nearest is straight down (a node is wider than tall)
    const p = dropSpot(d, { x: 10, y: 20 })
    expect(p).toEqual({ x: 10, y: NODE_HEIGHT + DROP_CLEARANCE })
    expect(clear(d, p)).toBe(true)
    // dropped mostly to the right of it: pushed right, not down
    expect(dropSpot(d, { x: 150, y: 5 })).toEqual({ x: NODE_WIDTH + DROP_CLEARANCE, y: 5 })
    // dropped a little above it: up, not a grid step away
    expect(dropSpot(d, { x: 0, y: -60 })).toEqual({ x: 0, y: -NODE_HEIGHT - DROP_CLEARANCE })
  })

  it('finds the nearest gap among several nodes, and covers none of them', () => {
    // a row of three nodes 40 apart (too narrow for a node), and one above the middle one
    const d: Diagram = { nodes: [at('a', 0, 0), at('b', 220, 0), at('c', 440, 0), at('d', 220, -100)], links: [] }
    const p = dropSpot(d, { x: 230, y: -10 })
    expect(clear(d, p)).toBe(true)
    // below the row is nearer than above the fourth, or past either end of the row
    expect(p).toEqual({ x: 230, y: NODE_HEIGHT + DROP_CLEARANCE })
  })

  it('keeps clear of a node drawn taller than the default (a live node, a long name)', () => {
    const d: Diagram = { nodes: [at('a', 0, 0)], links: [] }
    const tall = () => ({ width: NODE_WIDTH, height: 130 })
    const p = dropSpot(d, { x: 0, y: 60 }, tall)
    expect(p).toEqual({ x: 0, y: 130 + DROP_CLEARANCE })
    expect(clear(d, p, tall)).toBe(true)
  })

  it('between places equally near, takes the one to the right, then the one below; a crowd is no problem', () => {
    const d: Diagram = { nodes: [at('a', 0, 0)], links: [] }
    // dropped dead on the node: up and down are equally near, and nearer than the sides
    expect(dropSpot(d, { x: 0, y: 0 })).toEqual({ x: 0, y: NODE_HEIGHT + DROP_CLEARANCE })
    // on a square grid of crowded nodes every drop still ends clear
    const crowd: Diagram = { nodes: Array.from({ length: 25 }, (_, k) => at(`n${k}`, (k % 5) * 200, Math.floor(k / 5) * 90)), links: [] }
    for (const drop of [{ x: 10, y: 10 }, { x: 390, y: 170 }, { x: 800, y: 360 }]) expect(clear(crowd, dropSpot(crowd, drop))).toBe(true)
  })
})

