import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { parseRunDocumentText } from './document'
import { decodeLink, encodeLink } from './link'

const folder = new URL('./frozen/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8')

describe('links from every released version keep opening', () => {
  const links = readdirSync(folder).filter((f) => f.endsWith('.link'))

  it('has frozen links to check', () => {
    expect(links.length).toBeGreaterThanOrEqual(3)
  })

  it.each(links)('%s opens as the document frozen beside it', (file) => {
    const expected = parseRunDocumentText(read(file.replace(/\.link$/, '.wireplay.json')))
    expect(expected.ok).toBe(true)
    expect(decodeLink(read(file).trim())).toEqual(expected)
  })
})

describe('shipped diagrams make short links', () => {
  // Pinned: a change here should be a decision. Chat apps cut messages near 2,000 characters.
  const LENGTHS: Record<string, number> = {
    'async-report': 219,
    'event-fanout': 319,
    'message-queue': 343,
    'sync-chain': 325,
    'all-four': 473,
  }
  it.each(Object.entries(LENGTHS))('examples/%s.wireplay.json → %i characters', (name, length) => {
    const doc = parseRunDocumentText(readFileSync(new URL(`../../examples/${name}.wireplay.json`, import.meta.url), 'utf8'))
    if (!doc.ok) throw new Error(`${name} is invalid`)
    expect(encodeLink(doc.value.diagram, doc.value.faults).length).toBe(length)
  })

  it('the starter diagram → 317 characters', () => {
    const doc = parseRunDocumentText(JSON.stringify(STARTER_DOCUMENT))
    if (!doc.ok) throw new Error('starter is invalid')
    expect(encodeLink(doc.value.diagram).length).toBe(317)
  })
})
