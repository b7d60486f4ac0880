import { describe, expect, it } from 'vitest'
import { NOTES_MAX, TITLE_MAX } from '../model/fields'
import type { Diagram } from '../model/types'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { parseDocument, parseRunDocumentText, serializeDocument, toDocument } from './document'

// A diagram's title and notes: checked like every other field of a document, carried by
// files and links, and absent from both when there are none.

function starter(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  return r.value
}

const withAbout = (extra: Record<string, unknown>) => parseDocument({ ...STARTER_DOCUMENT, ...extra })
const problems = (r: ReturnType<typeof parseDocument>) => (r.ok ? [] : r.error)

describe('title and notes in the document format', () => {
  it('reads them when present and leaves them out when absent', () => {
    const r = withAbout({ title: 'Checkout flow', notes: 'Step 1: crash Payment.\nStep 2: watch the queue.' })
    expect(r.ok && r.value.title).toBe('Checkout flow')
    expect(r.ok && r.value.notes).toBe('Step 1: crash Payment.\nStep 2: watch the queue.')
    const plain = parseDocument(STARTER_DOCUMENT)
    expect(plain.ok && 'title' in plain.value).toBe(false)
    expect(plain.ok && 'notes' in plain.value).toBe(false)
  })

  it('refuses a title or notes that are not text, each at its path', () => {
    expect(problems(withAbout({ title: 42 }))).toEqual([{ path: 'title', message: `title must be text (one line, at most ${TITLE_MAX} characters).` }])
    expect(problems(withAbout({ notes: ['a'] }))).toEqual([{ path: 'notes', message: `notes must be text (at most ${NOTES_MAX} characters).` }])
    expect(problems(withAbout({ title: null, notes: {} })).map((p) => p.path)).toEqual(['title', 'notes'])
  })

  it('accepts exactly the maximum length and refuses one character more, saying the limit', () => {
    expect(withAbout({ title: 'T'.repeat(TITLE_MAX), notes: 'n'.repeat(NOTES_MAX) }).ok).toBe(true)
    expect(problems(withAbout({ title: 'T'.repeat(TITLE_MAX + 1) }))).toEqual([{ path: 'title', message: `A title must be at most ${TITLE_MAX} characters (this one has ${TITLE_MAX + 1}).` }])
    expect(problems(withAbout({ notes: 'n'.repeat(NOTES_MAX + 1) }))).toEqual([{ path: 'notes', message: `Notes must be at most ${NOTES_MAX} characters (these have ${NOTES_MAX + 1}).` }])
  })

  it('keeps them as the editor stores them: a title on one line, notes trimmed with \\n line breaks, empty as none', () => {
    const r = withAbout({ title: '  Retry\n storm  ', notes: '\r\nFirst line\r\n\r\nThird line  \n' })
    expect(r.ok && r.value.title).toBe('Retry storm')
    expect(r.ok && r.value.notes).toBe('First line\n\nThird line')
    const blank = withAbout({ title: '   ', notes: '' })
    expect(blank.ok && ('title' in blank.value || 'notes' in blank.value)).toBe(false)
  })

  it('writes them first, and only when there are some, so other documents are unchanged', () => {
    const d = starter()
    expect(Object.keys(toDocument(d))).not.toContain('title')
    expect(serializeDocument(d)).toBe(serializeDocument({ ...d }))
    const doc = toDocument({ ...d, title: 'Shop', notes: 'Look at the queue.' })
    expect(Object.keys(doc).slice(0, 4)).toEqual(['wireplay', 'title', 'notes', 'nodes'])
    const again = parseRunDocumentText(serializeDocument({ ...d, title: 'Shop', notes: 'Look at the queue.' }))
    expect(again.ok && again.value.diagram).toEqual({ ...d, title: 'Shop', notes: 'Look at the queue.' })
  })
})
