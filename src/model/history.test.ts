import { describe, expect, it } from 'vitest'
import { commitGesture, record, redo, replacePresent, startHistory, undo, HISTORY_LIMIT } from './history'

describe('undo history', () => {
  it('undoes and redoes in order, and a new edit clears redo', () => {
    let h = startHistory('a')
    h = record(h, 'b')
    h = record(h, 'c')
    h = undo(h)
    expect(h.present).toBe('b')
    h = undo(h)
    expect(h.present).toBe('a')
    expect(undo(h)).toBe(h)
    h = redo(h)
    expect(h.present).toBe('b')
    h = record(h, 'x')
    expect(h.future).toEqual([])
    expect(redo(h)).toBe(h)
  })

  it('coalesces edits with the same tag into one step', () => {
    let h = startHistory('')
    for (const v of ['2', '25', '250']) h = record(h, v, 'workers')
    h = record(h, '250!', 'rate')
    expect(h.past).toEqual(['', '250'])
    expect(undo(undo(h)).present).toBe('')
  })

  it('turns a drag into one step', () => {
    let h = startHistory('start')
    const base = h.present
    for (const p of ['p1', 'p2', 'p3']) h = replacePresent(h, p)
    h = commitGesture(h, base)
    expect(h.past).toEqual(['start'])
    expect(undo(h).present).toBe('start')
  })

  it('keeps at most the limit of steps', () => {
    let h = startHistory(0)
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, i)
    expect(h.past.length).toBe(HISTORY_LIMIT)
  })
})
