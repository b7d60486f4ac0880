import { describe, expect, it } from 'vitest'
import { layoutTitle, titledSvg, TITLE_MARGIN, wrapText } from './exportTitle'

// every character 10 px wide: easy widths to reason about
const measure = (text: string) => text.length * 10

describe('layoutTitle', () => {
  it('gives an untitled or blank-titled diagram no band', () => {
    expect(layoutTitle(undefined, 500, 4096, measure)).toBeUndefined()
    expect(layoutTitle('   ', 500, 4096, measure)).toBeUndefined()
  })

  it('puts a short title on one line over a diagram of the same width', () => {
    const layout = layoutTitle('Checkout', 500, 4096, measure)!
    expect(layout.lines.map((l) => l.text)).toEqual(['Checkout'])
    expect(layout.width).toBe(500)
    expect(layout.diagramX).toBe(0)
    expect(layout.band).toBeGreaterThan(layout.lines[0]!.baseline)
  })

  it('widens a narrow diagram’s picture for its title and keeps the diagram centred', () => {
    const layout = layoutTitle('Orders and payments', 200, 4096, measure)!
    expect(layout.width).toBe(190 + 2 * TITLE_MARGIN)
    expect(layout.lines.map((l) => l.text)).toEqual(['Orders and payments'])
    expect(layout.diagramX).toBe(Math.floor((layout.width - 200) / 2))
  })

  it('wraps a title too long for the widest picture onto more lines, each within the margins', () => {
    const title = 'A very long title that explains the whole retry storm workshop in far more words than fit'
    const layout = layoutTitle(title, 300, 4096, measure)!
    const texts = layout.lines.map((l) => l.text)
    expect(texts.length).toBeGreaterThan(1)
    expect(texts.join(' ')).toBe(title)
    for (const text of texts) expect(measure(text)).toBeLessThanOrEqual(layout.width - 2 * TITLE_MARGIN)
    // each line lower than the last, all inside the band
    const baselines = layout.lines.map((l) => l.baseline)
    expect(baselines).toEqual([...baselines].sort((a, b) => a - b))
    expect(new Set(baselines).size).toBe(baselines.length)
    expect(layout.band).toBeGreaterThan(baselines.at(-1)!)
  })
})

describe('wrapText', () => {
  it('breaks a word wider than a line between characters', () => {
    expect(wrapText('abcdefghij', 40, measure)).toEqual(['abcd', 'efgh', 'ij'])
  })
})

describe('titledSvg', () => {
  it('draws the title as text above the diagram’s own svg, moved below the band', () => {
    const layout = layoutTitle('Cart & <checkout>', 400, 4096, measure)!
    const svg = titledSvg('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><foreignObject/></svg>', 300, layout, {
      fontFamily: "system-ui, 'Segoe UI', sans-serif",
      color: '#1c2430',
      background: '#ffffff',
    })
    expect(svg).toContain(`height="${300 + layout.band}"`)
    expect(svg).toContain('>Cart &#38; &#60;checkout&#62;</tspan>')
    expect(svg).toContain(`<svg x="${layout.diagramX}" y="${layout.band}" xmlns="http://www.w3.org/2000/svg" width="400" height="300"><foreignObject/></svg>`)
    expect(tagsBalanced(svg)).toBe(true)
  })
})

/** No DOM in these tests: every tag opened is closed, in order. */
function tagsBalanced(xml: string): boolean {
  const open: string[] = []
  for (const [, close, name = '', selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue
    if (!close) open.push(name)
    else if (open.pop() !== name) return false
  }
  return open.length === 0
}
