import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react'

/** screen px kept between the legend and the nearest node, and between nodes and the pane's edges */
const GAP = 16

/**
 * Where the view should move so that the open legend covers no node, or null to leave it
 * where it is. All in screen px relative to the pane, except `nodes` (flow units, as React
 * Flow stores them). Pure: the legend calls it when it opens.
 *
 * The view moves only when a node is under the legend and the whole diagram is in view
 * (a person zoomed in on one part is left alone: fitting everything would undo that). It
 * never zooms in, and frames the diagram either beside the legend or above it, whichever
 * leaves the diagram larger. `rightInset` keeps the diagram clear of the zoom controls on the
 * right.
 */
export function roomForLegend(nodes: readonly Rect[], view: Viewport, pane: { width: number; height: number }, legend: Rect, minZoom: number, maxZoom: number, rightInset = 0): Viewport | null {
  if (nodes.length === 0) return null
  const screen = (r: Rect): Rect => ({ x: r.x * view.zoom + view.x, y: r.y * view.zoom + view.y, width: r.width * view.zoom, height: r.height * view.zoom })
  const covered = nodes.some((n) => overlaps(screen(n), inflate(legend, GAP / 2)))
  if (!covered) return null
  const bounds = boundsOf(nodes)
  const all = screen(bounds)
  const inView = all.x >= -1 && all.y >= -1 && all.x + all.width <= pane.width + 1 && all.y + all.height <= pane.height + 1
  if (!inView) return null
  const zoomCap = Math.min(view.zoom, maxZoom)
  const px = (n: number) => `${Math.max(0, Math.round(n))}px` as const
  const beside = getViewportForBounds(bounds, pane.width, pane.height, minZoom, zoomCap, { top: px(GAP), right: px(GAP + rightInset), bottom: px(GAP), left: px(legend.x + legend.width + GAP) })
  const above = getViewportForBounds(bounds, pane.width, pane.height, minZoom, zoomCap, { top: px(GAP), right: px(GAP + rightInset), left: px(GAP), bottom: px(pane.height - legend.y + GAP) })
  return above.zoom > beside.zoom ? above : beside
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by }
}

function boundsOf(rects: readonly Rect[]): Rect {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const r of rects) {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.width)
    maxY = Math.max(maxY, r.y + r.height)
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

/** Two views the same to the eye (a pan or zoom by the person since makes them differ). */
export function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.zoom - b.zoom) < 1e-3 && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1
}
