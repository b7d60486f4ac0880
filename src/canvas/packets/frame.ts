import { onScreen, shownArrive } from '../../store/run/packetTravel'
import type { Hop } from '../../sim/types'
import { hopFraction, placeOnPath, type LinkPath, type Placed } from './geometry'
import { isFailure, packetKind } from './kinds'

/**
 * What one frame of the packet layer shows, decided without a DOM: which packets are
 * drawn one by one and where, which links show a flow band with a count instead, and
 * which links carry a failure right now. Pure apart from filling the reused `Frame`
 * buffers (so a frame allocates nothing once the buffers have grown).
 */

/** A link as the layer knows it: its path, plus per-frame scratch filled by `layoutFrame`. */
export interface LinkSlot {
  id: string
  path: LinkPath
  /** the link starts at a topic: its deliveries are event copies */
  fromTopic: boolean
  /** hops on it now */
  count: number
  /** error or nack hops on it now */
  failures: number
  /** too many to draw one by one at this zoom: drawn as a band with a count */
  banded: boolean
  /** its bounding box meets the visible area */
  visible: boolean
}

export interface FrameInput {
  packets: readonly Hop[]
  /** by link id */
  links: ReadonlyMap<string, LinkSlot>
  /** the same slots as a list (the map's values) */
  slots: readonly LinkSlot[]
  /** simulated ms */
  time: number
  /** the shortest time a packet takes to cross its link on screen, simulated ms
   * (store/run/packetTravel.ts); 0 draws every hop at its simulated times */
  minTravel: number
  /** React Flow's zoom: screen px per flow unit */
  zoom: number
  /** the visible area in flow coordinates */
  view: { minX: number; minY: number; maxX: number; maxY: number }
  /** draw counts instead of moving dots */
  reducedMotion: boolean
  traced: { correlationId: number; requestId: number } | null
}

/** Screen px of link length per packet before a link is banded. */
export const SPACING_PX = 12
/** A link is banded above this many packets at least (short or zoomed-out links)… */
export const MIN_CAPACITY = 12
/** …and at most this many (long links at high zoom). */
export const MAX_CAPACITY = 48

/** How many packets a link of `length` flow units shows one by one at `zoom`. */
export function linkCapacity(length: number, zoom: number): number {
  const c = Math.floor((length * zoom) / SPACING_PX)
  return c < MIN_CAPACITY ? MIN_CAPACITY : c > MAX_CAPACITY ? MAX_CAPACITY : c
}

export class Frame {
  /** packets drawn one by one, in the packets' order */
  count = 0
  x = new Float64Array(256)
  y = new Float64Array(256)
  angle = new Float64Array(256)
  kind = new Uint8Array(256)
  /** 1 when the packet belongs to the traced request */
  traced = new Uint8Array(256)
  /** the hop of each drawn packet (for labels and hit-testing) */
  hops: Hop[] = []
  /** links drawn as a band with a count (visible ones only) */
  bands: LinkSlot[] = []
  /** links showing a count instead of moving dots (reduced motion; visible ones with packets) */
  counts: LinkSlot[] = []
  /** links with an error or nack on them now (visible or not: the painter decides) */
  failing: LinkSlot[] = []
  /** hops in flight, all links */
  total = 0

  grow(n: number) {
    if (n <= this.x.length) return
    let size = this.x.length
    while (size < n) size *= 2
    const copy = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.x = copy(this.x, (k) => new Float64Array(k))
    this.y = copy(this.y, (k) => new Float64Array(k))
    this.angle = copy(this.angle, (k) => new Float64Array(k))
    this.kind = copy(this.kind, (k) => new Uint8Array(k))
    this.traced = copy(this.traced, (k) => new Uint8Array(k))
  }
}

const placed: Placed = { x: 0, y: 0, angle: 0 }

export function isTracedHop(h: Hop, traced: FrameInput['traced']): boolean {
  if (!traced) return false
  return traced.correlationId !== 0 ? h.correlationId === traced.correlationId : h.requestId === traced.requestId
}

/** Fill `frame` for `input`. Returns `frame`. */
export function layoutFrame(input: FrameInput, frame: Frame): Frame {
  const { packets, links, slots, time, zoom, view, reducedMotion, traced, minTravel } = input
  for (const s of slots) {
    s.count = 0
    s.failures = 0
    const p = s.path
    s.visible = p.maxX >= view.minX && p.minX <= view.maxX && p.maxY >= view.minY && p.minY <= view.maxY
  }
  // pass 1: how many on each link
  let total = 0
  for (let i = 0; i < packets.length; i++) {
    const h = packets[i] as Hop
    const s = links.get(h.link)
    if (!s || !onScreen(h, time, minTravel)) continue
    s.count++
    total++
    if (isFailure(h.carries)) s.failures++
  }
  frame.total = total
  frame.bands.length = 0
  frame.counts.length = 0
  frame.failing.length = 0
  for (const s of slots) {
    s.banded = !reducedMotion && s.count > linkCapacity(s.path.length, zoom)
    if (s.failures > 0) frame.failing.push(s)
    if (!s.visible || s.count === 0) continue
    if (reducedMotion) frame.counts.push(s)
    else if (s.banded) frame.bands.push(s)
  }
  // pass 2: place the packets drawn one by one (a traced one is drawn even inside a band)
  frame.grow(total)
  const hops = frame.hops
  let n = 0
  if (!reducedMotion) {
    for (let i = 0; i < packets.length; i++) {
      const h = packets[i] as Hop
      const s = links.get(h.link)
      if (!s || !s.visible || !onScreen(h, time, minTravel)) continue
      const mine = isTracedHop(h, traced)
      if (s.banded && !mine) continue
      placeOnPath(s.path, hopFraction(h.depart, shownArrive(h, minTravel), time), h.direction === 'back', placed)
      if (placed.x < view.minX || placed.x > view.maxX || placed.y < view.minY || placed.y > view.maxY) continue
      frame.x[n] = placed.x
      frame.y[n] = placed.y
      frame.angle[n] = placed.angle
      frame.kind[n] = packetKind(h.carries, s.fromTopic)
      frame.traced[n] = mine ? 1 : 0
      hops[n] = h
      n++
    }
  }
  frame.count = n
  // drop references to hops no longer drawn, so old runs can be collected
  if (hops.length > n * 2 + 64) hops.length = n
  return frame
}

/** The drawn packet under a point (flow coordinates) within `radius` flow units, nearest first; -1 when none. */
export function hitTest(frame: Frame, x: number, y: number, radius: number): number {
  let best = -1
  let bestD = radius * radius
  for (let i = 0; i < frame.count; i++) {
    const dx = (frame.x[i] as number) - x
    const dy = (frame.y[i] as number) - y
    const d = dx * dx + dy * dy
    if (d <= bestD) {
      bestD = d
      best = i
    }
  }
  return best
}

/**
 * Text the layer draws over the canvas (a packet's label, a band's count) goes over the
 * nodes too, since the layer is above them: left there it would hide a node's name and its
 * badges ("crashed", "12 waiting"). These place it where it covers no node. `blockers`
 * holds `n` rects as x0, y0, x1, y1 (screen px): the nodes at the link's two ends, which
 * are what a label near the end of a link would land on.
 */
export function clearOf(x0: number, y0: number, x1: number, y1: number, blockers: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const b = 4 * i
    if (x0 < (blockers[b + 2] as number) && x1 > (blockers[b] as number) && y0 < (blockers[b + 3] as number) && y1 > (blockers[b + 1] as number)) return false
  }
  return true
}

/** The sides a packet's label may take, in order of preference: (x, y) signs of its offset. */
export const LABEL_SIDES: readonly (readonly [number, number])[] = [
  [1, -1], // up and right: the usual place
  [-1, -1],
  [1, 1],
  [-1, 1],
]

/**
 * Which of `LABEL_SIDES` a label `w` × `h` px fits on, `off` px from its packet at (x, y),
 * without covering a blocker; -1 when none (the label is left out: the packet still shows).
 * A label on side (sx, sy) spans x from x + off (sx 1) or to x − off (sx −1), and is
 * centred off px above (sy −1) or below (sy 1) the packet.
 */
export function labelSide(x: number, y: number, w: number, h: number, off: number, blockers: ArrayLike<number>, n: number): number {
  for (let s = 0; s < LABEL_SIDES.length; s++) {
    const [sx, sy] = LABEL_SIDES[s] as readonly [number, number]
    const left = sx > 0 ? x + off : x - off - w
    const cy = y + sy * off
    if (clearOf(left, cy - h / 2, left + w, cy + h / 2, blockers, n)) return s
  }
  return -1
}

/**
 * Where a packet's label goes: the side `labelSide` picks clear of the nodes at its link's
 * ends (`ends`: two rects), of every link badge in view (`badges`) and of the labels already
 * drawn (`drawn`), all rects as x0, y0, x1, y1 in screen px. A badge ("HTTP · +200 ms") sits
 * just above the middle of a short link, where packets pass all the time: a label that
 * would cover it goes under the line instead (or to the other side of its packet), and is
 * left out only when every side is taken. Moving rather than hiding keeps what a packet
 * carries readable on short links, where the badge spans most of the way. `scratch` is
 * reused for the combined list, so a frame allocates nothing.
 */
export function placeLabel(x: number, y: number, w: number, h: number, off: number, ends: ArrayLike<number>, badges: ArrayLike<number>, drawn: ArrayLike<number>, scratch: number[]): number {
  scratch.length = 0
  for (let k = 0; k < 8; k++) scratch.push(ends[k] as number)
  for (let k = 0; k < badges.length; k++) scratch.push(badges[k] as number)
  for (let k = 0; k < drawn.length; k++) scratch.push(drawn[k] as number)
  return labelSide(x, y, w, h, off, scratch, scratch.length / 4)
}
