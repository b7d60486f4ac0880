import { describe, expect, it } from 'vitest'
import { NODE_SIZE, thumbnailGeometry } from './thumbnail'

const chain = {
  nodes: [
    { id: 'a', kind: 'client' as const, x: 40, y: 190 },
    { id: 'b', kind: 'service' as const, x: 320, y: 190 },
    { id: 'c', kind: 'database' as const, x: 600, y: 60 },
  ],
  links: [
    { id: 'ab', source: 'a', target: 'b', kind: 'sync' as const },
    { id: 'bc', source: 'b', target: 'c', kind: 'sync' as const },
    { id: 'gone', source: 'b', target: 'nowhere', kind: 'message' as const },
  ],
}

describe('thumbnailGeometry', () => {
  it('fits every box inside the view box, padding kept, proportions kept', () => {
    const t = thumbnailGeometry(chain, 240, 120, 8, 1)
    for (const b of t.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(8)
      expect(b.y).toBeGreaterThanOrEqual(8)
      expect(b.x + b.width).toBeLessThanOrEqual(232 + 0.1)
      expect(b.y + b.height).toBeLessThanOrEqual(112 + 0.1)
      expect(b.width / b.height).toBeCloseTo(NODE_SIZE.width / NODE_SIZE.height, 1)
    }
    // the diagram is 740 wide and 202 tall: width is the tighter side, so it spans the padded width
    const left = Math.min(...t.boxes.map((b) => b.x))
    const right = Math.max(...t.boxes.map((b) => b.x + b.width))
    expect(left).toBeCloseTo(8, 0)
    expect(right).toBeCloseTo(232, 0)
  })

  it('keeps kinds and relative positions', () => {
    const t = thumbnailGeometry(chain)
    expect(t.boxes.map((b) => b.kind)).toEqual(['client', 'service', 'database'])
    const [a, b, c] = t.boxes
    expect(a!.x).toBeLessThan(b!.x)
    expect(b!.x).toBeLessThan(c!.x)
    expect(c!.y).toBeLessThan(a!.y)
    expect(a!.y).toBe(b!.y)
  })

  it('draws a link from the right edge of its source to the left edge of its target, and leaves out dangling ones', () => {
    const t = thumbnailGeometry(chain)
    expect(t.lines.map((l) => l.id)).toEqual(['ab', 'bc'])
    const [a, b] = t.boxes
    const ab = t.lines[0]!
    expect(ab.x1).toBeCloseTo(a!.x + a!.width, 1)
    expect(ab.y1).toBeCloseTo(a!.y + a!.height / 2, 1)
    expect(ab.x2).toBe(b!.x)
    expect(ab.kind).toBe('sync')
  })

  it('does not blow a single node up, and centres it', () => {
    const t = thumbnailGeometry({ nodes: [{ id: 'x', kind: 'queue', x: 500, y: 500 }], links: [] }, 240, 120, 8, 0.25)
    const box = t.boxes[0]!
    expect(box.width).toBe(45)
    expect(box.x + box.width / 2).toBeCloseTo(120, 1)
    expect(box.y + box.height / 2).toBeCloseTo(60, 1)
  })

  it('draws nothing for an empty diagram', () => {
    expect(thumbnailGeometry({ nodes: [], links: [] })).toEqual({ width: 240, height: 120, boxes: [], lines: [] })
  })
})
