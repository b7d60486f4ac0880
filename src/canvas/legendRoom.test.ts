import { describe, expect, it } from 'vitest'
import { roomForLegend, sameView } from './legendRoom'

// four nodes in a row, as the shipped scenarios lay them out (flow units)
const row = [0, 280, 560, 840].map((x) => ({ x, y: 190, width: 180, height: 90 }))
const pane = { width: 850, height: 620 }
// the open legend in the bottom-left corner (screen px, relative to the pane)
const legend = { x: 15, y: 330, width: 320, height: 275 }

const toScreen = (r: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }) => ({
  x: r.x * v.zoom + v.x,
  y: r.y * v.zoom + v.y,
  width: r.width * v.zoom,
  height: r.height * v.zoom,
})
const meets = (a: ReturnType<typeof toScreen>, b: typeof legend) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the legend makes room for the diagram', () => {
  it('moves a fitted view that puts a node under the legend so that none is', () => {
    // fitted: the row across the middle of the pane, its first node low enough to meet the legend
    const view = { x: 40, y: 200, zoom: 0.75 }
    expect(row.some((n) => meets(toScreen(n, view), legend))).toBe(true)
    const next = roomForLegend(row, view, pane, legend, 0.1, 1.2)
    expect(next).not.toBeNull()
    for (const n of row) {
      const s = toScreen(n, next!)
      expect(meets(s, legend)).toBe(false)
      // and every node stays in the pane
      expect(s.x).toBeGreaterThanOrEqual(0)
      expect(s.x + s.width).toBeLessThanOrEqual(pane.width)
    }
    // never zooms in
    expect(next!.zoom).toBeLessThanOrEqual(view.zoom)
  })

  it('leaves the view alone when no node is under the legend', () => {
    expect(roomForLegend(row, { x: 40, y: -50, zoom: 0.75 }, pane, legend, 0.1, 1.2)).toBeNull()
  })

  it('leaves a person’s zoomed-in view alone: fitting everything would undo it', () => {
    expect(roomForLegend(row, { x: 0, y: 100, zoom: 2 }, pane, legend, 0.1, 2.5)).toBeNull()
  })

  it('has nothing to do for an empty diagram', () => {
    expect(roomForLegend([], { x: 0, y: 0, zoom: 1 }, pane, legend, 0.1, 1.2)).toBeNull()
  })

  it('compares views as the eye does', () => {
    expect(sameView({ x: 10, y: 10, zoom: 1 }, { x: 10.4, y: 9.8, zoom: 1.0001 })).toBe(true)
    expect(sameView({ x: 10, y: 10, zoom: 1 }, { x: 30, y: 10, zoom: 1 })).toBe(false)
  })
})
