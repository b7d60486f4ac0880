import { describe, expect, it } from 'vitest'
import { badgeBox as coveredBy, curveAt, fitText, placeBadge, type BadgeEnds, type BadgePlace } from './badgePlace'

// 6 flow units a character, whatever it is
const measure = (s: string) => Array.from(s).length * 6

type Box = { x0: number; y0: number; x1: number; y1: number }
const meet = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1

/** The badge's em box as an 11 px font draws it: 10.3 above the baseline, 2.6 below. */
function badgeBox(p: BadgePlace): Box {
  const w = measure(p.shown)
  const [top, bottom] = p.at === 'above' ? [p.y - 10.3, p.y + 2.6] : [p.y - 6.5, p.y + 6.5]
  return { x0: p.x - w / 2, y0: top, x1: p.x + w / 2, y1: bottom }
}
/** The arrowhead of a 2-unit line: 9 units back from the tip, 8.1 either side. */
const arrowBox = (e: BadgeEnds): Box => ({ x0: e.targetX - 9, y0: e.targetY - 8.1, x1: e.targetX, y1: e.targetY + 8.1 })

describe('a link badge keeps clear of its line, its arrowhead and the nodes', () => {
  it('sits above a level link, between its ends, whole when it fits', () => {
    const ends = { sourceX: 100, sourceY: 50, targetX: 200, targetY: 50 }
    const p = placeBadge(ends, 'HTTP', measure)
    expect(p).toMatchObject({ at: 'above', shown: 'HTTP', cut: false })
    const box = badgeBox(p)
    expect(box.y1).toBeLessThan(50 - 1.6) // above a selected (3.2-unit) line
    expect(box.x0).toBeGreaterThanOrEqual(100)
    expect(box.x1).toBeLessThanOrEqual(200)
  })

  it('is shortened with an ellipsis to the gap between the nodes when it is wider', () => {
    const ends = { sourceX: 100, sourceY: 50, targetX: 170, targetY: 50 }
    const p = placeBadge(ends, '✉ FulfilOrder v1', measure)
    expect(p).toMatchObject({ cut: true, shown: '✉ FulfilO…' })
    const box = badgeBox(p)
    expect(box.x0).toBeGreaterThanOrEqual(100)
    expect(box.x1).toBeLessThanOrEqual(170)
    expect(meet(box, arrowBox(ends))).toBe(false)
  })

  it('never covers the arrowhead of a short level link, even reaching over its end of the line', () => {
    for (const gap of [30, 45, 60, 90]) {
      const ends = { sourceX: 0, sourceY: 0, targetX: gap, targetY: 0 }
      const p = placeBadge(ends, 'HTTP 202 + poll', measure)
      expect(meet(badgeBox(p), arrowBox(ends)), `gap ${gap}`).toBe(false)
    }
  })

  it('rides above a gently sloping link, over the higher part of the line under it', () => {
    const ends = { sourceX: 0, sourceY: 40, targetX: 200, targetY: 48 }
    const p = placeBadge(ends, 'HTTP', measure)
    expect(p.at).toBe('above')
    const box = badgeBox(p)
    const under = Array.from({ length: 41 }, (_, i) => curveAt(ends, i / 40)).filter(([x]) => x >= box.x0 && x <= box.x1)
    expect(under.length).toBeGreaterThan(0)
    expect(box.y1).toBeLessThan(Math.min(...under.map(([, y]) => y)) - 1.6)
  })

  it('crosses a steep link at its middle, whole when the gap between the nodes holds it', () => {
    const ends = { sourceX: 0, sourceY: 200, targetX: 80, targetY: 100 }
    const p = placeBadge(ends, '⚡ all events', measure)
    expect(p).toMatchObject({ at: 'on', shown: '⚡ all events', cut: false })
    expect([p.x, p.y]).toEqual(curveAt(ends, 0.5))
    expect(meet(badgeBox(p), arrowBox(ends))).toBe(false)
  })

  it('on a steep link that ends close in height to where it starts, keeps clear of the arrowhead', () => {
    const ends = { sourceX: 0, sourceY: 0, targetX: 70, targetY: 24 }
    const p = placeBadge(ends, '⚡ all events', measure)
    expect(p.at).toBe('on')
    expect(p.cut).toBe(true)
    expect(meet(badgeBox(p), arrowBox(ends))).toBe(false)
  })

  it('keeps the middle and the whole text on a link that loops back (target left of its source)', () => {
    const ends = { sourceX: 300, sourceY: 50, targetX: 100, targetY: 150 }
    expect(placeBadge(ends, '✉ FulfilOrder v1', measure)).toEqual({ x: 200, y: 100, at: 'on', shown: '✉ FulfilOrder v1', cut: false })
  })
})

describe('fitText', () => {
  it('returns the text when it fits', () => {
    expect(fitText('HTTP', 24, measure)).toBe('HTTP')
  })
  it('cuts whole characters, never half an emoji, and drops a space before the ellipsis', () => {
    expect(fitText('⚡ all events', 18, measure)).toBe('⚡…')
    expect(fitText('⚡ all events', 36, measure)).toBe('⚡ all…')
  })
  it('keeps one character when nothing fits', () => {
    expect(fitText('HTTP', 3, measure)).toBe('H…')
  })
})

describe('the box a badge covers (what packet labels keep off)', () => {
  it('holds the text and its halo, above a level link and on a steep one', () => {
    const level = placeBadge({ sourceX: 100, sourceY: 50, targetX: 200, targetY: 50 }, 'HTTP', measure)
    const steep = placeBadge({ sourceX: 100, sourceY: 0, targetX: 200, targetY: 200 }, 'HTTP', measure)
    expect([level.at, steep.at]).toEqual(['above', 'on'])
    for (const p of [level, steep]) {
      const [x0, y0, x1, y1] = coveredBy(p, measure(p.shown))
      const text = badgeBox(p)
      // the 4-unit halo reaches 2 past the glyphs on every side
      expect([x0, y0, x1, y1]).toEqual([text.x0 - 2, text.y0 - 2, text.x1 + 2, text.y1 + 2].map((v) => expect.closeTo(v, 6)))
    }
  })
})

