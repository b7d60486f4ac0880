import { describe, expect, it } from 'vitest'
import { fileNameFor } from './fileName'

describe('a file name from a diagram title', () => {
  it('keeps words of any script and turns the rest into single dashes', () => {
    expect(fileNameFor('Checkout, v2 / with queue')).toBe('Checkout-v2-with-queue')
    expect(fileNameFor('Bestellungen über Kafka')).toBe('Bestellungen-über-Kafka')
    expect(fileNameFor('注文フロー')).toBe('注文フロー')
    expect(fileNameFor('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया')
    expect(fileNameFor('order_flow.v1')).toBe('order_flow.v1')
  })

  it('refuses what a file system would: separators, reserved characters, a leading dot', () => {
    expect(fileNameFor('a:b*c?"d"<e>|f\\g')).toBe('a-b-c-d-e-f-g')
    expect(fileNameFor('..hidden')).toBe('hidden')
    expect(fileNameFor('  spaced  out  ')).toBe('spaced-out')
  })

  it('falls back to "diagram" without a usable title, and stays short', () => {
    expect(fileNameFor(undefined)).toBe('diagram')
    expect(fileNameFor('')).toBe('diagram')
    expect(fileNameFor('!!! ???')).toBe('diagram')
    const long = fileNameFor('x'.repeat(59) + ' tail of a very long title')
    expect([...long].length).toBeLessThanOrEqual(60)
    expect(long.endsWith('-')).toBe(false)
  })
})
