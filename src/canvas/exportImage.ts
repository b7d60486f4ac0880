import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { setFullDetail } from './detail'
import { layoutTitle, titledSvg, TITLE_FONT_SIZE, TITLE_FONT_WEIGHT, TITLE_MARGIN, type TitleLayout } from './exportTitle'

/**
 * The diagram as a PNG or SVG picture, cropped to its nodes with a margin, in the current
 * theme, with the diagram's title above it (none when untitled). html-to-image is pinned to
 * 1.11.11 (later versions drop React Flow's edges) and loaded only when someone exports.
 */
const MARGIN = TITLE_MARGIN
const MAX_SIDE = 4096

export async function exportImage(format: 'png' | 'svg', getNodes: () => Node[], viewportElement: HTMLElement, title?: string): Promise<string> {
  const { toCanvas, toSvg } = await import('html-to-image')
  // drawn in full whatever the zoom on screen (labels, node types), for the picture only;
  // cropped to the nodes as measured drawn in full, which are larger than zoomed-out ones
  setFullDetail(true)
  try {
    await nextPaint()
    const bounds = getNodesBounds(getNodes())
    const width = Math.min(MAX_SIDE, Math.ceil(bounds.width + 2 * MARGIN))
    const height = Math.min(MAX_SIDE, Math.ceil(bounds.height + 2 * MARGIN))
    const view = getViewportForBounds(bounds, width, height, 0.1, 2, MARGIN / Math.max(width, height))
    const root = getComputedStyle(document.documentElement)
    const backgroundColor = root.getPropertyValue('--bg').trim() || '#ffffff'
    const fontFamily = getComputedStyle(document.body).fontFamily || 'sans-serif'
    const font = `${TITLE_FONT_WEIGHT} ${TITLE_FONT_SIZE}px ${fontFamily}`
    const layout = layoutTitle(title, width, MAX_SIDE, measurer(font))
    // twice the pixels, so a picture on a slide or a projector stays sharp
    const pixelRatio = Math.max(1, Math.min(2, MAX_SIDE / Math.max(layout?.width ?? width, height + (layout?.band ?? 0))))
    const options = {
      backgroundColor,
      width,
      height,
      pixelRatio,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
      // the selection outline and handles are editing aids, not part of the picture
      filter: (el: HTMLElement) => !el.classList?.contains('react-flow__handle'),
    }
    const color = root.getPropertyValue('--text').trim() || '#000000'
    if (format === 'svg') {
      const svg = await toSvg(viewportElement, options)
      if (!layout) return svg
      const comma = svg.indexOf(',')
      const titled = titledSvg(decodeURIComponent(svg.slice(comma + 1)), height, layout, { fontFamily, color, background: backgroundColor })
      return `${svg.slice(0, comma + 1)}${encodeURIComponent(titled)}`
    }
    const diagram = await toCanvas(viewportElement, options)
    return (layout ? withTitle(diagram, layout, pixelRatio, font, color, backgroundColor) : diagram).toDataURL()
  } finally {
    setFullDetail(false)
  }
}

/** The diagram's canvas under its title band, drawn at the picture's pixel ratio so the text is as sharp as the diagram. */
function withTitle(diagram: HTMLCanvasElement, layout: TitleLayout, pixelRatio: number, font: string, color: string, background: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(layout.width * pixelRatio)
  canvas.height = diagram.height + Math.round(layout.band * pixelRatio)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('No 2D canvas in this browser.')
  context.fillStyle = background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(diagram, Math.round(layout.diagramX * pixelRatio), Math.round(layout.band * pixelRatio))
  context.scale(pixelRatio, pixelRatio)
  context.font = font
  context.fillStyle = color
  context.textBaseline = 'alphabetic'
  for (const line of layout.lines) context.fillText(line.text, MARGIN, line.baseline)
  return canvas
}

/** Text widths in CSS pixels in the given canvas font, for laying out the title. */
function measurer(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d')
  if (!context) return (text) => text.length * TITLE_FONT_SIZE * 0.6
  context.font = font
  return (text) => context.measureText(text).width
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
