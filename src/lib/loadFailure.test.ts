import { describe, expect, it } from 'vitest'
import { isLoadFailure } from './loadFailure'

describe('a failed dynamic import', () => {
  it('is told from a fault in the code, in each browser’s words', () => {
    expect(isLoadFailure(new TypeError('Failed to fetch dynamically imported module: https://x/assets/a.js'))).toBe(true)
    expect(isLoadFailure(new TypeError('error loading dynamically imported module: https://x/assets/a.js'))).toBe(true)
    expect(isLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isLoadFailure(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true)
    expect(isLoadFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false)
    expect(isLoadFailure('plain text')).toBe(false)
  })
})
