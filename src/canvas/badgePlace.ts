/**
 * Where a link's badge ("HTTP", "✉ FulfilOrder v1") is drawn, and how much of it, so that
 * it hides neither the line's pattern nor its arrowhead, and is not cut off by the nodes
 * at the link's ends (links are drawn under the nodes). Pure: flow units in, flow units
 * out; the text's width comes from `measure`.
 *
 * Links leave a node's right side and enter the next node's left side. The badge stays
 * within the horizontal gap between the two, and clear of the arrowhead: above the line
 * where the line runs level enough under it, else centred on the line's middle (a steep
 * curve there, which it crosses rather than covers). A badge wider than the gap is shortened
 * with an ellipsis; the link shows it whole when hovered, selected or focused.
 */

export interface BadgeEnds {
  /** where the line leaves its source (the outer side of the source's handle) */
  sourceX: number
  sourceY: number
  /** where the arrow's tip touches the target's handle */
  targetX: number
  targetY: number
}

export interface BadgePlace {
  x: number
  y: number
  /** 'above': `y` is the text's baseline; 'on': `y` is its middle, on the line */
  at: 'above' | 'on'
  /** the text drawn: the badge, or its start and an ellipsis when it does not fit */
  shown: string
  /** true when `shown` is shortened */
  cut: boolean
}

/** Room kept between the badge and the handles at the link's ends. */
export const GAP = 3
/**
 * Baseline height over the line: the text's em box (descenders, 2.6 below the baseline)
 * stays above the arrowhead (8.1 either side of a 2-unit line), so the badge may reach
 * over the arrow's end of the line without covering it.
 */
export const LIFT = 12
/** How far the line may rise or fall under the badge for the badge to sit above it. */
export const LEVEL = 10
/** Half the height of the badge's em box and of the arrowhead, with a unit between. */
const CLEAR = 16
/** The arrowhead's length, and a unit before it. */
const ARROW = 10

const ELLIPSIS = '…'

/** How far an 11-unit badge's text reaches over and under its baseline (its em box). */
const ASCENT = 10.3
const DESCENT = 2.6
/** …and either side of its middle when it is centred on the line. */
const HALF_HEIGHT = 6.5
/** Its halo, a 4-unit stroke in the canvas colour, reaches half of that past the glyphs. */
const HALO = 2

/**
 * The box a badge drawn `width` wide at `place` covers, halo included: x0, y0, x1, y1, flow
 * units. What the packet layer's labels keep off (painter.ts), so that neither hides the other.
 */
export function badgeBox(place: BadgePlace, width: number): [number, number, number, number] {
  const [top, bottom] = place.at === 'above' ? [place.y - ASCENT, place.y + DESCENT] : [place.y - HALF_HEIGHT, place.y + HALF_HEIGHT]
  return [place.x - width / 2 - HALO, top - HALO, place.x + width / 2 + HALO, bottom + HALO]
}

export function placeBadge(ends: BadgeEnds, text: string, measure: (s: string) => number): BadgePlace {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = ends
  const gap = tx - sx
  // a link that runs backwards loops around its nodes: no gap to fit into, the middle as before
  if (gap <= 2 * GAP) return { x: (sx + tx) / 2, y: (sy + ty) / 2, at: 'on', shown: text, cut: false }

  const room = gap - 2 * GAP
  const above = fitText(text, room, measure)
  const cx = sx + GAP + room / 2
  const half = measure(above) / 2
  const [top, bottom] = curveSpanY(ends, cx - half, cx + half)
  if (bottom - top <= LEVEL) return { x: cx, y: top - LIFT, at: 'above', shown: above, cut: above !== text }

  // centred on the middle of the curve, where it is steepest; when the ends are close in
  // height it would be beside the arrowhead, so it keeps clear of the arrow's length too
  const margin = Math.abs(ty - sy) / 2 >= CLEAR ? GAP : ARROW
  const onLine = fitText(text, gap - 2 * margin, measure)
  const [mx, my] = curveAt(ends, 0.5)
  return { x: mx, y: my, at: 'on', shown: onLine, cut: onLine !== text }
}

/** The longest start of `text` that, with an ellipsis, fits `room`; at least one character. */
export function fitText(text: string, room: number, measure: (s: string) => number): string {
  if (measure(text) <= room) return text
  const chars = Array.from(text)
  const cut = (n: number) => chars.slice(0, n).join('').trimEnd() + ELLIPSIS
  let lo = 1
  let hi = chars.length - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(cut(mid)) <= room) lo = mid
    else hi = mid - 1
  }
  return cut(lo)
}

/**
 * A point of the bezier React Flow draws from a right-side handle to a left-side one when
 * the target lies to the right: control points half the gap out, level with each end.
 */
export function curveAt(ends: BadgeEnds, t: number): [number, number] {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = ends
  const x = sx + (tx - sx) * (1.5 * t * (1 - t) + t * t * t)
  const y = sy + (ty - sy) * (3 * t * t - 2 * t * t * t)
  return [x, y]
}

/** The lowest and highest y of the curve between x0 and x1 (both x and y are monotonic in t). */
function curveSpanY(ends: BadgeEnds, x0: number, x1: number): [number, number] {
  const y0 = curveAt(ends, tAtX(ends, x0))[1]
  const y1 = curveAt(ends, tAtX(ends, x1))[1]
  return [Math.min(y0, y1), Math.max(y0, y1)]
}

function tAtX(ends: BadgeEnds, x: number): number {
  let lo = 0
  let hi = 1
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2
    if (curveAt(ends, mid)[0] < x) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
