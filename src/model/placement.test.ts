import { describe, expect, it } from 'vitest'
import { addNode } from './edits'
import { NODE_HEIGHT, NODE_WIDTH } from './geometry'
import { freeSpot } from './placement'
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
})
