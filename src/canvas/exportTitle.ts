/**
 * The diagram's title above an exported picture: where its lines go (pure, measured by the
 * caller's text measure, in CSS pixels) and the SVG that wraps the diagram's own picture
 * under it. A picture pasted into slides should say what it shows; an untitled diagram's
 * picture has no band at all.
 */

/** Space around the picture's content, the same as the diagram's own margin around its nodes. */
export const TITLE_MARGIN = 40
/** Large enough to read as a heading on a projected slide, beside node names of 12–13 px. */
export const TITLE_FONT_SIZE = 22
export const TITLE_FONT_WEIGHT = 600
const LINE_HEIGHT = Math.round(TITLE_FONT_SIZE * 1.3)
/** A narrow diagram's picture widens up to this for its title, rather than stacking many short lines. */
const WIDEN_TO = 720

export interface TitleLayout {
  /** The title's lines, top to bottom, each no wider than the picture less its margins, with its baseline from the picture's top. */
  lines: { text: string; baseline: number }[]
  /** Height of the band above the diagram; the diagram's own margin separates them. */
  band: number
  /** The whole picture's width: the diagram's, or wider for a long title. */
  width: number
  /** Where the diagram's picture starts, so it stays centred in a widened picture. */
  diagramX: number
}

/** Undefined for a missing or blank title: the picture is the diagram alone. */
export function layoutTitle(title: string | undefined, diagramWidth: number, maxWidth: number, measure: (text: string) => number): TitleLayout | undefined {
  const text = (title ?? '').trim()
  if (text === '') return undefined
  const wanted = Math.ceil(measure(text)) + 2 * TITLE_MARGIN
  const width = Math.min(maxWidth, Math.max(diagramWidth, Math.min(wanted, WIDEN_TO)))
  // the first line's top sits three quarters of a margin down; the diagram's own margin follows the band
  const first = Math.round(TITLE_MARGIN * 0.75) + TITLE_FONT_SIZE
  const lines = wrapText(text, width - 2 * TITLE_MARGIN, measure).map((line, i) => ({ text: line, baseline: first + i * LINE_HEIGHT }))
  const band = first + (lines.length - 1) * LINE_HEIGHT + Math.round(TITLE_FONT_SIZE * 0.3)
  return { lines, band, width, diagramX: Math.floor((width - diagramWidth) / 2) }
}

/** Breaks between words; a word wider than a whole line is broken between characters. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const joined = line === '' ? word : `${line} ${word}`
    if (measure(joined) <= maxWidth) {
      line = joined
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    for (const char of word) {
      if (line !== '' && measure(line + char) > maxWidth) {
        lines.push(line)
        line = ''
      }
      line += char
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

export interface TitleStyle {
  fontFamily: string
  color: string
  background: string
}

/**
 * An SVG document of the title over the diagram's own SVG (html-to-image's, a foreignObject
 * of `diagramHeight` CSS pixels), nested unchanged and moved below the band.
 */
export function titledSvg(diagramSvg: string, diagramHeight: number, layout: TitleLayout, style: TitleStyle): string {
  const height = diagramHeight + layout.band
  const lines = layout.lines.map((line) => `<tspan x="${TITLE_MARGIN}" y="${line.baseline}">${escapeXml(line.text)}</tspan>`).join('')
  const text = `<text font-family="${escapeXml(style.fontFamily)}" font-size="${TITLE_FONT_SIZE}" font-weight="${TITLE_FONT_WEIGHT}" fill="${escapeXml(style.color)}">${lines}</text>`
  const diagram = diagramSvg.replace(/^\s*<svg\b/, `<svg x="${layout.diagramX}" y="${layout.band}"`)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${height}" viewBox="0 0 ${layout.width} ${height}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(style.background)}"/>${text}${diagram}</svg>`
  )
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
