import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CalendarQueue } from './calendarQueue'
import { TimeQueue } from './timeQueue'

/** One step of a scheduler's life: take the earliest entry, add one `delay` ms after now,
 * or let the clock run on by `jump` ms without taking anything (never past the earliest). */
type Op = { kind: 'pop' } | { kind: 'push'; delay: number } | { kind: 'jump'; jump: number }

const delay = fc.oneof(
  fc.constantFrom(0, 1, 3, 25), // equal times: order by sequence
  fc.double({ min: 0, max: 40, noNaN: true }),
  fc.double({ min: 1500, max: 9000, noNaN: true }), // beyond the ring's reach
  fc.integer({ min: 0, max: 5000 }).map((x) => x / 7),
)
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'pop' as const }), weight: 4 },
  { arbitrary: delay.map((d) => ({ kind: 'push' as const, delay: d })), weight: 5 },
  { arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }).map((j) => ({ kind: 'jump' as const, jump: j })), weight: 1 },
)

interface Queue {
  readonly size: number
  push(time: number, id: number, seq: number): void
  pop(): number
  peekTime(): number
  peekSeq(): number
}

/** Run the steps on a queue as a scheduler would, and write down everything it answers. */
function replay(q: Queue, ops: readonly Op[], start: number): number[] {
  const seen: number[] = []
  let now = start
  let seq = 0
  let nextId = 0
  const free: number[] = []
  for (const o of ops) {
    if (o.kind === 'pop') {
      const t = q.peekTime()
      seen.push(q.size, t, q.peekSeq())
      const id = q.pop()
      seen.push(id)
      if (id !== -1) {
        free.push(id)
        now = t
      }
    } else if (o.kind === 'jump') now = Math.min(now + o.jump, q.peekTime())
    else {
      const t = now + o.delay
      q.push(t, free.pop() ?? nextId++, seq++)
    }
  }
  while (q.size > 0) seen.push(q.pop())
  seen.push(q.pop(), q.peekTime())
  return seen
}

describe('CalendarQueue', () => {
  it('gives exactly the order of a binary heap while time moves on, for any mix of delays', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), fc.double({ min: 0, max: 1e7, noNaN: true }), (ops, start) => {
        expect(replay(new CalendarQueue(1, 4), ops, start)).toEqual(replay(new TimeQueue(4), ops, start))
      }),
      { numRuns: 300 },
    )
  })
})
