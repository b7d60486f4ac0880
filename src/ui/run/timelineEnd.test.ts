import { describe, expect, it } from 'vitest'
import { timelineEnd } from './timelineEnd'

describe('where the timeline ends', () => {
  it('is the furthest instant reached, in whole seconds, at least one', () => {
    expect(timelineEnd(0, 0, [])).toBe(1_000)
    expect(timelineEnd(12_345, 10_000, [])).toBe(13_000)
    expect(timelineEnd(20_000, 20_000, [])).toBe(20_000)
  })

  it('reaches past the last fault, so its effects can be scrubbed to (a fault at 0 s too)', () => {
    expect(timelineEnd(0, 0, [{ at: 0, action: 'crash', node: 'a' }])).toBe(5_000)
    expect(timelineEnd(3_000, 3_000, [{ at: 10_000, action: 'crash', node: 'a' }, { at: 16_000, action: 'restart', node: 'a' }])).toBe(21_000)
    expect(timelineEnd(3_000, 3_000, [{ at: 60_000, action: 'crash', node: 'a' }])).toBe(75_000)
    // once the run has gone further, that is the end
    expect(timelineEnd(90_000, 40_000, [{ at: 16_000, action: 'crash', node: 'a' }])).toBe(90_000)
  })
})
