import { describe, expect, it } from 'vitest'
import { shortNames } from './shortNames'

describe('variant names in the compare view', () => {
  it('drops the words every title starts with', () => {
    expect(shortNames(['Placing an order, built with synchronous calls', 'Placing an order, built with messages', 'Placing an order, built with events'])).toEqual(['synchronous calls', 'messages', 'events'])
  })
  it('keeps titles with nothing in common, and never empties one', () => {
    expect(shortNames(['Sync', 'Async'])).toEqual(['Sync', 'Async'])
    expect(shortNames(['A b', 'A b c'])).toEqual(['b', 'b c'])
  })
})
