import { describe, expect, it } from 'vitest'
import { bezierPoint, controlOffset, hopFraction, linkBezier, linkPath, placeOnPath, SAMPLES, type Placed } from './geometry'

const at = (): Placed => ({ x: 0, y: 0, angle: 0 })

/**
 * React Flow 12's `getBezierPath` output for a Right source handle and a Left target
 * handle, pinned (tests may not import React Flow): "M sx,sy C c1x,c1y c2x,c2y tx,ty".
 */
const REACT_FLOW_PATHS: [number, number, number, number, string][] = [
  [0, 0, 300, 0, 'M0,0 C150,0 150,0 300,0'],
  [10, 20, 400, 260, 'M10,20 C205,20 205,260 400,260'],
  [100, 300, 340, -80, 'M100,300 C220,300 220,-80 340,-80'],
  // target behind the source: the curve loops round
  [500, 100, 200, 180, 'M500,100 C608.2531754730549,100 91.74682452694516,180 200,180'],
  [0, 0, 0, 50, 'M0,0 C0,0 0,50 0,50'],
]

describe('the link curve', () => {
  it.each(REACT_FLOW_PATHS)('is the bezier React Flow draws from a right handle to a left handle (%d,%d → %d,%d)', (sx, sy, tx, ty, path) => {
    const b = linkBezier(sx, sy, tx, ty)
    const ours = [b.sx, b.sy, b.c1x, b.c1y, b.c2x, b.c2y, b.tx, b.ty]
    const theirs = (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
    expect(theirs).toHaveLength(8)
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i] as number, 6))
  })

  it('pushes control points out by half the gap forward, and by a square root backward', () => {
    expect(controlOffset(200)).toBe(100)
    expect(controlOffset(0)).toBe(0)
    expect(controlOffset(-100)).toBeCloseTo(0.25 * 25 * 10)
  })

  it('is resampled at equal arc lengths, from the source handle to the target handle', () => {
    const p = linkPath(0, 0, 400, 200)
    expect(p.points).toHaveLength((SAMPLES + 1) * 2)
    expect([p.points[0], p.points[1]]).toEqual([0, 0])
    expect([p.points[SAMPLES * 2], p.points[SAMPLES * 2 + 1]]).toEqual([400, 200])
    const steps: number[] = []
    for (let k = 0; k < SAMPLES; k++) steps.push(Math.hypot((p.points[2 * k + 2] as number) - (p.points[2 * k] as number), (p.points[2 * k + 3] as number) - (p.points[2 * k + 1] as number)))
    for (const s of steps) expect(s).toBeCloseTo(p.length / SAMPLES, 0)
    // longer than the straight line, shorter than the control polygon
    expect(p.length).toBeGreaterThan(Math.hypot(400, 200))
    expect(p.length).toBeLessThan(200 + 200 + 200)
    expect(p.minX).toBe(0)
    expect(p.maxY).toBe(200)
  })
})

describe('a packet on its link', () => {
  const path = linkPath(0, 0, 400, 200)

  it('is at its fraction of the hop: (time − depart) / (arrive − depart), clamped', () => {
    expect(hopFraction(1000, 1200, 1000)).toBe(0)
    expect(hopFraction(1000, 1200, 1050)).toBe(0.25)
    expect(hopFraction(1000, 1200, 1200)).toBe(1)
    expect(hopFraction(1000, 1200, 900)).toBe(0)
    expect(hopFraction(1000, 1200, 5000)).toBe(1)
    expect(hopFraction(1000, 1000, 1000)).toBe(1)
  })

  it('goes forward from source to target and back from target to source', () => {
    expect(placeOnPath(path, 0, false, at())).toMatchObject({ x: 0, y: 0 })
    expect(placeOnPath(path, 1, false, at())).toMatchObject({ x: 400, y: 200 })
    expect(placeOnPath(path, 0, true, at())).toMatchObject({ x: 400, y: 200 })
    expect(placeOnPath(path, 1, true, at())).toMatchObject({ x: 0, y: 0 })
    const f = placeOnPath(path, 0.3, false, at())
    const b = placeOnPath(path, 0.7, true, at())
    expect(b.x).toBeCloseTo(f.x, 9)
    expect(b.y).toBeCloseTo(f.y, 9)
  })

  it('heads the way it travels', () => {
    // at the ends the curve is horizontal: forward heads right (0), back heads left (±π)
    expect(placeOnPath(path, 0.001, false, at()).angle).toBeCloseTo(0, 1)
    expect(Math.abs(placeOnPath(path, 0.001, true, at()).angle)).toBeCloseTo(Math.PI, 1)
    // in the middle it runs down and right
    const mid = placeOnPath(path, 0.5, false, at()).angle
    expect(mid).toBeGreaterThan(0)
    expect(mid).toBeLessThan(Math.PI / 2)
  })

  it('is halfway along the curve at half time (the curve is symmetric about its middle)', () => {
    const mid = { x: 0, y: 0 }
    bezierPoint(linkBezier(0, 0, 400, 200), 0.5, mid)
    const p = placeOnPath(path, 0.5, false, at())
    expect(p.x).toBeCloseTo(mid.x, 1)
    expect(p.y).toBeCloseTo(mid.y, 1)
  })

  it('moves at a constant speed along the curve', () => {
    const a = placeOnPath(path, 0.1, false, at())
    const b = placeOnPath(path, 0.2, false, at())
    const c = placeOnPath(path, 0.45, false, at())
    const d = placeOnPath(path, 0.55, false, at())
    expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeCloseTo(Math.hypot(d.x - c.x, d.y - c.y), 0)
  })

  it('stays on the curve: every position is within a fraction of a unit of the true bezier', () => {
    const b = linkBezier(0, 0, 400, 200)
    const q = { x: 0, y: 0 }
    for (let f = 0; f <= 1; f += 0.05) {
      const p = placeOnPath(path, f, false, at())
      let best = Infinity
      for (let t = 0; t <= 1; t += 0.0005) {
        bezierPoint(b, t, q)
        best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y))
      }
      expect(best).toBeLessThan(0.5)
    }
  })
})
