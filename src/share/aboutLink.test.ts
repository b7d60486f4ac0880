import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { deflateSync, inflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { NOTES_MAX, TITLE_MAX } from '../model/fields'
import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { parseDocument, parseRunDocumentText, toDocument } from './document'
import { decodeLink, encodeLink } from './link'

// A diagram's title and notes travel in its share link exactly as typed, and add nothing
// to the link of a diagram without them.

function starter(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  return r.value
}

const UNICODE_TITLE = 'Café → 注文 🛒 שלום e\u0301 👩‍👩‍👧'
const UNICODE_NOTES = 'Übung 1: «Zahlung» abstürzen lassen.\n日本語のメモ\n\t• emoji 🧪🔥, zero-width joiner 👨‍💻, RTL مرحبا\n"quotes" and \\backslashes\\'

describe('title and notes in share links', () => {
  const roundTrip = (d: Diagram) => {
    const r = decodeLink(encodeLink(d))
    if (!r.ok) throw new Error(r.error.message)
    return r.value.diagram
  }

  it('round-trip unicode exactly: accents, CJK, right-to-left, emoji sequences, tabs, quotes', () => {
    const d = { ...starter(), title: UNICODE_TITLE, notes: UNICODE_NOTES }
    expect(roundTrip(d)).toEqual(d)
  })

  it('round-trip a title and notes of the maximum length', () => {
    // '🛒' is two UTF-16 code units, as a browser's text field counts it
    const title = `${'🛒'.repeat(TITLE_MAX / 2 - 1)}ab`
    const notes = Array.from({ length: NOTES_MAX / 50 }, (_, i) => `Line ${String(i).padStart(2, '0')} ${'x'.repeat(42)}`).join('\n').slice(0, NOTES_MAX)
    expect([title.length, notes.length]).toEqual([TITLE_MAX, NOTES_MAX])
    const d = { ...starter(), title, notes }
    expect(roundTrip(d)).toEqual(d)
    // notes at the limit still make a link chat apps carry (the starter alone is 317)
    expect(encodeLink(d).length).toBeLessThan(2000)
  })

  it('round-trip any title and notes the editor would store (property)', { timeout: 30_000 }, () => {
    const d0 = starter()
    const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max / 4 })
    fc.assert(
      fc.property(text(TITLE_MAX), text(NOTES_MAX), (rawTitle, rawNotes) => {
        const parsed = parseDocument({ ...toDocument(d0), title: rawTitle, notes: rawNotes })
        if (!parsed.ok) return
        expect(roundTrip(parsed.value)).toEqual(parsed.value)
      }),
      { numRuns: 100 },
    )
  })

  it('leave the link of a diagram without them exactly as it was', () => {
    const d30 = parseRunDocumentText(readFileSync(new URL('../../bench/fixtures/d30.wireplay.json', import.meta.url), 'utf8'))
    if (!d30.ok) throw new Error('d30 does not parse')
    // the same length the link tests pin (573): nothing is added for absent fields
    expect(encodeLink(d30.value.diagram).length).toBe(573)
    const inflated = JSON.parse(Buffer.from(inflateSync(Buffer.from(encodeLink(starter()).slice(3), 'base64url'))).toString()) as object
    expect(Object.keys(inflated)).toEqual(['v', 'n', 'l'])
  })

  it('refuse a link whose title is not text or too long, naming it', () => {
    const compact = JSON.parse(Buffer.from(inflateSync(Buffer.from(encodeLink(starter()).slice(3), 'base64url'))).toString()) as object
    const link = (extra: object) => `w1.${Buffer.from(deflateSync(strToU8(JSON.stringify({ ...compact, ...extra })))).toString('base64url')}`
    const wrong = decodeLink(link({ ti: 7 }))
    expect(wrong.ok ? null : wrong.error).toEqual({ kind: 'invalid', message: expect.stringContaining('title: title must be text') })
    const long = decodeLink(link({ no: 'n'.repeat(NOTES_MAX + 1) }))
    expect(long.ok ? null : long.error).toEqual({ kind: 'invalid', message: expect.stringContaining(`notes: Notes must be at most ${NOTES_MAX} characters`) })
  })
})
