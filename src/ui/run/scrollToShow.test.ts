import { describe, expect, it } from 'vitest'
import { scrollToShow } from './scrollToShow'

describe('scrolling a drawing to show its current state', () => {
  it('leaves the box where it is when the state already shows', () => {
    expect(scrollToShow(0, 400, 100, 200)).toBe(0)
    expect(scrollToShow(150, 400, 200, 540, 10)).toBe(150)
  })

  it('moves as little as it can: a state beyond the right edge ends at that edge', () => {
    expect(scrollToShow(0, 400, 600, 700)).toBe(300)
    expect(scrollToShow(0, 400, 600, 700, 12)).toBe(312)
  })

  it('a state before the left edge starts at that edge, never before the drawing', () => {
    expect(scrollToShow(500, 400, 300, 360)).toBe(300)
    expect(scrollToShow(500, 400, 300, 360, 12)).toBe(288)
    expect(scrollToShow(200, 400, 5, 60, 12)).toBe(0)
  })

  it('shows the start of states that together are wider than the box', () => {
    expect(scrollToShow(0, 400, 350, 900)).toBe(350)
    expect(scrollToShow(800, 400, 350, 900)).toBe(350)
  })
})
