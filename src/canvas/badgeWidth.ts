/**
 * The width of a link badge's text in flow units, as the browser draws it (`.wire-edge__badge`:
 * 11 px, weight 600, the page's font), measured on a detached canvas: no layout, no DOM
 * reads per link. Cached, since the same few badges and their shortened starts come back
 * every time a node is dragged.
 */
const BADGE_FONT_SIZE = 11
const BADGE_FONT_WEIGHT = 600
const MAX_CACHED = 2000

let context: CanvasRenderingContext2D | null | undefined
const cache = new Map<string, number>()

export function badgeWidth(text: string): number {
  const hit = cache.get(text)
  if (hit !== undefined) return hit
  const ctx = badgeContext()
  // without a canvas (a test's DOM), a generous guess per character
  const width = ctx ? ctx.measureText(text).width : Array.from(text).length * BADGE_FONT_SIZE * 0.7
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(text, width)
  return width
}

function badgeContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context
  context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (context) context.font = `${BADGE_FONT_WEIGHT} ${BADGE_FONT_SIZE}px ${getComputedStyle(document.documentElement).fontFamily}`
  return context
}
