/**
 * Where a packet is, as a pure function of simulated time and its link's path. No DOM,
 * no React: the packet layer and its tests share it.
 *
 * A link is drawn by React Flow as one cubic bezier from the source handle (on the node's
 * right side) to the target handle (on the left side). Per React Flow's documented
 * behaviour of `getBezierPath` (curvature 0.25): each control point sits level with its
 * end, pushed outward horizontally (right of the source, left of the target) by half the
 * horizontal gap when the target is to the right; when the target lies behind the source
 * the push is 0.25 × 25 × √(backward gap), so the curve loops round. Both ends get the same
 * push, which makes the curve point-symmetric about its middle.
 *
 * Packets move at a constant speed along the curve: the curve is resampled at equal arc
 * lengths once per geometry change, and a position is a lerp between two samples (O(1),
 * no allocation).
 */

/** The bezier's four points, flow coordinates. */
export interface Bezier {
  sx: number
  sy: number
  c1x: number
  c1y: number
  c2x: number
  c2y: number
  tx: number
  ty: number
}

/** A link's path, precomputed once per geometry change. */
export interface LinkPath extends Bezier {
  /** SAMPLES + 1 points at equal arc length from source to target: x0, y0, x1, y1, … */
  points: Float64Array
  /** arc length, flow units */
  length: number
  /** bounding box of the samples (for culling), flow units */
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Segments of the resampled path; a 300-unit link has a sample every ~10 units. */
export const SAMPLES = 32
/** samples of the raw curve used to measure arc length */
const FINE = 128

const CURVATURE = 0.25

/** How far a control point is pushed out from its handle, for a horizontal gap `gap` (target x − source x). */
export function controlOffset(gap: number): number {
  return gap >= 0 ? gap / 2 : CURVATURE * 25 * Math.sqrt(-gap)
}

/** The bezier React Flow draws from a right-side source handle to a left-side target handle. */
export function linkBezier(sx: number, sy: number, tx: number, ty: number): Bezier {
  const push = controlOffset(tx - sx)
  return { sx, sy, c1x: sx + push, c1y: sy, c2x: tx - push, c2y: ty, tx, ty }
}

/** The point at parameter t ∈ [0, 1] of a cubic bezier (not at arc length t). */
export function bezierPoint(b: Bezier, t: number, out: { x: number; y: number }): void {
  const u = 1 - t
  const a = u * u * u
  const c = 3 * u * u * t
  const d = 3 * u * t * t
  const e = t * t * t
  out.x = a * b.sx + c * b.c1x + d * b.c2x + e * b.tx
  out.y = a * b.sy + c * b.c1y + d * b.c2y + e * b.ty
}

/** A link's path from its handle points (flow coordinates), resampled at equal arc lengths. */
export function linkPath(sx: number, sy: number, tx: number, ty: number): LinkPath {
  const b = linkBezier(sx, sy, tx, ty)
  const fine = new Float64Array((FINE + 1) * 2)
  const cum = new Float64Array(FINE + 1)
  const p = { x: 0, y: 0 }
  for (let i = 0; i <= FINE; i++) {
    bezierPoint(b, i / FINE, p)
    fine[2 * i] = p.x
    fine[2 * i + 1] = p.y
    if (i > 0) cum[i] = (cum[i - 1] as number) + Math.hypot(p.x - (fine[2 * i - 2] as number), p.y - (fine[2 * i - 1] as number))
  }
  const length = cum[FINE] as number
  const points = new Float64Array((SAMPLES + 1) * 2)
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  let j = 0
  for (let k = 0; k <= SAMPLES; k++) {
    const want = (length * k) / SAMPLES
    while (j < FINE - 1 && (cum[j + 1] as number) < want) j++
    const span = (cum[j + 1] as number) - (cum[j] as number)
    const f = span > 0 ? Math.min(1, Math.max(0, (want - (cum[j] as number)) / span)) : 0
    const x = k === SAMPLES ? b.tx : (fine[2 * j] as number) + f * ((fine[2 * j + 2] as number) - (fine[2 * j] as number))
    const y = k === SAMPLES ? b.ty : (fine[2 * j + 1] as number) + f * ((fine[2 * j + 3] as number) - (fine[2 * j + 1] as number))
    points[2 * k] = x
    points[2 * k + 1] = y
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return { ...b, points, length, minX, minY, maxX, maxY }
}

/**
 * How far along its link a hop is at `time`: 0 at departure, 1 on arrival, clamped.
 * A hop that takes no time is at its end.
 */
export function hopFraction(depart: number, arrive: number, time: number): number {
  const span = arrive - depart
  if (!(span > 0)) return 1
  const f = (time - depart) / span
  return f < 0 ? 0 : f > 1 ? 1 : f
}

/** Where a packet is drawn: a point and its heading (radians, in the direction of travel). */
export interface Placed {
  x: number
  y: number
  angle: number
}

/**
 * The position of a packet that is `fraction` of the way along `path`: forward travels
 * source → target, back travels target → source. Writes into `out` (no allocation).
 */
export function placeOnPath(path: LinkPath, fraction: number, back: boolean, out: Placed): Placed {
  const along = back ? 1 - fraction : fraction
  const pos = (along < 0 ? 0 : along > 1 ? 1 : along) * SAMPLES
  let i = Math.floor(pos)
  if (i >= SAMPLES) i = SAMPLES - 1
  const f = pos - i
  const pts = path.points
  const x0 = pts[2 * i] as number
  const y0 = pts[2 * i + 1] as number
  const x1 = pts[2 * i + 2] as number
  const y1 = pts[2 * i + 3] as number
  out.x = x0 + f * (x1 - x0)
  out.y = y0 + f * (y1 - y0)
  out.angle = back ? Math.atan2(y0 - y1, x0 - x1) : Math.atan2(y1 - y0, x1 - x0)
  return out
}
