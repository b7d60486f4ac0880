import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NONE, Scheduler } from './scheduler'

/** One step of a run: schedule at an absolute time, after a fixed delay, last at its
 * instant (a deadline), or pop. */
type Op = { at: number } | { in: number } | { last: number } | 'pop'

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((d) => ({ at: d })),
  fc.integer({ min: 0, max: 30 }).map((d) => ({ last: d })),
  // few distinct delays, more than the scheduler keeps FIFOs for, zero included
  fc.constantFrom(0, 1, 2, 3, 5, 7, 10, 12, 15, 25).map((d) => ({ in: d })),
  fc.constant('pop' as const),
)

describe('Scheduler', () => {
  it('fires an event scheduled first before every other event of its instant, heap or FIFO', () => {
    const s = new Scheduler()
    s.schedule(5, 1, 'a', 0)
    s.scheduleIn(5, 1, 'fifo', 0)
    s.scheduleFirst(5, 1, 'first 1', 0)
    s.schedule(5, 1, 'b', 0)
    s.scheduleFirst(5, 1, 'first 2', 0)
    s.schedule(4, 1, 'earlier', 0)
    s.scheduleFirst(6, 1, 'later', 0)
    const order: unknown[] = []
    for (let ref = s.pop(); ref !== NONE; ref = s.pop()) order.push(ref)
    expect(order).toEqual(['earlier', 'first 1', 'first 2', 'a', 'fifo', 'b', 'later'])
  })

  it('fires an event scheduled last after every other event of its instant, even ones scheduled after it', () => {
    const s = new Scheduler()
    s.scheduleLast(5, 1, 'last 1', 0)
    s.schedule(5, 1, 'a', 0)
    s.scheduleLast(5, 1, 'last 2', 0)
    s.scheduleFirst(5, 1, 'first', 0)
    s.schedule(6, 1, 'later', 0)
    s.now = 0
    s.scheduleIn(5, 1, 'fifo', 0)
    const order: unknown[] = []
    for (let ref = s.pop(); ref !== NONE; ref = s.pop()) {
      order.push(ref)
      // an event added at the instant while it is being processed still comes first
      if (ref === 'a') s.schedule(5, 1, 'added at 5', 0)
    }
    expect(order).toEqual(['first', 'a', 'fifo', 'added at 5', 'last 1', 'last 2', 'later'])
  })

  it('fires heap and fixed-delay events together in (time, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 400 }), (ops) => {
        const s = new Scheduler()
        // reference model: every pending event as [time, last at its instant (1) or not (0),
        // sequence], popped by sorting
        const pending: [number, number, number][] = []
        const got: (readonly number[])[] = []
        const want: (readonly number[])[] = []
        let seq = 0
        const popBoth = () => {
          pending.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
          const next = pending.shift()
          // an event comes back whole: its time, tag, type and object, from heap or FIFO
          want.push(next === undefined ? [] : [next[0], next[2], 1 + (next[2] % 7), next[2]])
          const ref = s.pop()
          got.push(ref === NONE ? [] : [s.now, s.tag, s.type, (ref as { seq: number }).seq])
        }
        for (const op of ops) {
          if (op === 'pop') popBoth()
          else {
            const t = s.now + ('at' in op ? op.at : 'last' in op ? op.last : op.in)
            const type = 1 + (seq % 7)
            if ('at' in op) s.schedule(t, type, { seq }, seq)
            else if ('last' in op) s.scheduleLast(t, type, { seq }, seq)
            else {
              // scheduleIn answers the time it chose
              got.push([s.scheduleIn(op.in, type, { seq }, seq)])
              want.push([t])
            }
            pending.push([t, 'last' in op ? 1 : 0, seq++])
          }
          got.push([s.pending])
          want.push([pending.length])
        }
        while (pending.length > 0) popBoth()
        popBoth()
        expect(got).toEqual(want)
      }),
    )
  })

  it('lists every pending event for audits, wherever it waits', () => {
    const s = new Scheduler()
    s.schedule(5, 1, 'a', 0)
    s.scheduleIn(1, 2, 'b', 0)
    s.scheduleIn(3, 3, 'c', 0)
    const seen: unknown[] = []
    s.forEachPending((_, ref) => seen.push(ref))
    expect(seen.sort()).toEqual(['a', 'b', 'c'])
    expect(s.nextTime()).toBe(1)
    expect(s.popUntil(0.5)).toBe(NONE)
    expect(s.popUntil(1)).toBe('b')
  })

  it('forgets everything on clear, and works on afterwards', () => {
    const s = new Scheduler()
    s.schedule(5, 1, 'a', 0)
    s.scheduleIn(1, 2, 'b', 0)
    s.clear()
    const seen: unknown[] = []
    s.forEachPending((_, ref) => seen.push(ref))
    expect([s.pending, seen.length, s.pop()]).toEqual([0, 0, NONE])
    s.scheduleIn(2, 4, 'c', 9)
    expect(s.pop()).toBe('c')
    expect([s.type, s.tag]).toEqual([4, 9])
  })
})
