import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { setFullDetail } from './detail'

/**
 * The diagram as a PNG or SVG picture, cropped to its nodes with a margin, in the current
 * theme. html-to-image is pinned to 1.11.11 (later versions drop React Flow's edges) and
 * loaded only when someone exports.
 */
const MARGIN = 40
const MAX_SIDE = 4096

export async function exportImage(format: 'png' | 'svg', getNodes: () => Node[], viewportElement: HTMLElement): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image')
  // drawn in full whatever the zoom on screen (labels, node types), for the picture only;
  // cropped to the nodes as measured drawn in full, which are larger than zoomed-out ones
  setFullDetail(true)
  try {
    await nextPaint()
    const bounds = getNodesBounds(getNodes())
    const width = Math.min(MAX_SIDE, Math.ceil(bounds.width + 2 * MARGIN))
    const height = Math.min(MAX_SIDE, Math.ceil(bounds.height + 2 * MARGIN))
    const view = getViewportForBounds(bounds, width, height, 0.1, 2, MARGIN / Math.max(width, height))
    const backgroundColor = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff'
    const options = {
      backgroundColor,
      width,
      height,
      // twice the pixels, so a picture on a slide or a projector stays sharp
      pixelRatio: Math.max(1, Math.min(2, MAX_SIDE / Math.max(width, height))),
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
      // the selection outline and handles are editing aids, not part of the picture
      filter: (el: HTMLElement) => !el.classList?.contains('react-flow__handle'),
    }
    return await (format === 'png' ? toPng(viewportElement, options) : toSvg(viewportElement, options))
  } finally {
    setFullDetail(false)
  }
}

/** Resolves once React has committed what was just set and the browser has laid it out. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
}

export function downloadDataUrl(dataUrl: string, filename: string) {
  const a = document.createElement('a')
  a.href = dataUrl
  a.download = filename
  a.click()
}
