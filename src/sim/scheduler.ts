import { TimeQueue } from '../lib/timeQueue'
import { DelayFifo } from './delayFifo'

/** How many distinct fixed delays get a FIFO of their own; others go to the heap. Each
 * pop compares every non-empty FIFO's head, so a handful cover the common case (one or
 * two link latencies and the constant service times) without slowing the pop down. */
const MAX_FIFOS = 8

/** Sequence numbers of scheduleFirst(): below every ordinary one (which start at 0), and
 * exact in a float64 however many there are. */
const FIRST_SEQ = -Number.MAX_SAFE_INTEGER

/** Sequence numbers of scheduleLast(): above every ordinary one (2^52 of those would take
 * centuries of simulated traffic), and still exact in a float64. */
const LAST_SEQ = 2 ** 52

/** What pop() returns when no event is due: no event ever carries it. */
export const NONE: unknown = Object.freeze({ none: true })

/**
 * The one clock of a run: events in (time, insertion order), time in simulated ms. An
 * event is a small type code, an object it concerns and an integer tag (usually a
 * generation, so an event made stale by a later change is recognised and dropped rather
 * than searched for and removed). A heap event's payload lives in slot arrays reused
 * through a free list, a FIFO event's in the FIFO itself, so the loop allocates nothing
 * per event.
 *
 * Most events are due after a fixed delay: a hop over a link (its latency) or the end of
 * a constant service time. `scheduleIn` puts those in a FIFO per delay (delayFifo.ts);
 * the rest (drawn service times, arrivals, timers) go to a binary heap. A calendar queue
 * in its place made E20 only about 3 % faster while doubling the bare scheduler loop's
 * rate, the ceiling the engine's ratio budget is measured against, so the heap stays.
 * One sequence counter numbers every event, heap or FIFO, and a pop takes the smallest
 * (time, sequence) of all, so the order is the same as with the heap alone, only cheaper.
 */
export class Scheduler {
  now = 0
  private readonly heap = new TimeQueue(4096)
  private readonly fifos: DelayFifo[] = []
  private seq = 0
  private firstSeq = 0
  private lastSeq = 0
  private types = new Uint8Array(4096)
  private tags = new Int32Array(4096)
  private refs: unknown[] = new Array(4096).fill(null)
  private free = new Int32Array(4096)
  private freeCount = 0
  private used = 0

  /** The popped event's type and tag, filled in by pop(); its object is what pop() returns
   * (not a field: storing a young object into this long-lived one would cost a write
   * barrier on every event). */
  type = 0
  tag = 0

  get pending(): number {
    let n = this.heap.size
    for (const f of this.fifos) n += f.size
    return n
  }

  nextTime(): number {
    let t = this.heap.peekTime()
    for (const f of this.fifos) if (f.size > 0 && f.headTime() < t) t = f.headTime()
    return t
  }

  /** An event at simulated time `time` (not before now). */
  schedule(time: number, type: number, ref: unknown, tag: number): void {
    this.heap.push(time, this.slot(type, ref, tag), this.seq++)
  }

  /** Like schedule(), but before every event of its instant not scheduled this way (those
   * among themselves in the order they were scheduled): a fault at t acts before anything
   * else at t, whether it was on the timeline from the start or added live. */
  scheduleFirst(time: number, type: number, ref: unknown, tag: number): void {
    this.heap.push(time, this.slot(type, ref, tag), FIRST_SEQ + this.firstSeq++)
  }

  /** Like schedule(), but after every event of its instant not scheduled this way, even
   * those scheduled later (among themselves in the order they were scheduled): a deadline
   * at t acts once everything else due at t has happened, so an answer arriving exactly at
   * a timeout is on time, whichever of the two was scheduled first. */
  scheduleLast(time: number, type: number, ref: unknown, tag: number): void {
    this.heap.push(time, this.slot(type, ref, tag), LAST_SEQ + this.lastSeq++)
  }

  /** An event `delay` ms from now; returns its time. For delays that recur (a link's
   * latency, a constant service time): events sharing one delay queue up in a FIFO. */
  scheduleIn(delay: number, type: number, ref: unknown, tag: number): number {
    const time = this.now + delay
    const fifo = this.fifoFor(delay)
    if (fifo === null) this.heap.push(time, this.slot(type, ref, tag), this.seq++)
    else fifo.push(time, this.seq++, type, ref, tag)
    return time
  }

  /** Take the earliest event, advance `now`, fill in type and tag and return the event's
   * object; NONE when nothing is left. */
  pop(): unknown {
    return this.popUntil(Infinity)
  }

  /** Like pop(), but only an event due at or before `t`. */
  popUntil(t: number): unknown {
    // the smallest (time, sequence) among the heap's top and each FIFO's head; the
    // heap's sequence is read only on a tie
    let time = this.heap.peekTime()
    let from: DelayFifo | null = null
    const fifos = this.fifos
    for (let i = 0; i < fifos.length; i++) {
      const f = fifos[i] as DelayFifo
      if (f.size === 0) continue
      const ft = f.headTime()
      if (ft > time) continue
      if (ft === time && f.headSeq() > (from === null ? this.heap.peekSeq() : from.headSeq())) continue
      time = ft
      from = f
    }
    // an empty scheduler reads as Infinity, which `popUntil(Infinity)` must not take
    if (!(time <= t) || time === Infinity) return NONE
    this.now = time
    if (from !== null) {
      this.type = from.headType()
      this.tag = from.headTag()
      const ref = from.headRef()
      from.shift()
      return ref
    }
    const slot = this.heap.pop()
    this.type = this.types[slot] as number
    this.tag = this.tags[slot] as number
    const ref = this.refs[slot]
    this.refs[slot] = null
    this.free[this.freeCount++] = slot
    return ref
  }

  /** Every pending event's type and payload, for audits (not for the loop). */
  forEachPending(fn: (type: number, ref: unknown) => void): void {
    const visit = (slot: number) => fn(this.types[slot] as number, this.refs[slot])
    this.heap.forEachId(visit)
    for (const f of this.fifos) f.forEach(fn)
  }

  clear(): void {
    this.heap.clear()
    for (const f of this.fifos) f.clear()
    this.refs.fill(null)
    this.freeCount = 0
    this.used = 0
  }

  /** The FIFO for this delay: its own, a free one, a new one, or null (use the heap). */
  private fifoFor(delay: number): DelayFifo | null {
    const fifos = this.fifos
    let spare: DelayFifo | null = null
    for (let i = 0; i < fifos.length; i++) {
      const f = fifos[i] as DelayFifo
      if (f.delay === delay) return f
      if (spare === null && f.size === 0) spare = f
    }
    if (spare === null) {
      if (fifos.length === MAX_FIFOS) return null
      spare = new DelayFifo()
      fifos.push(spare)
    }
    spare.delay = delay
    return spare
  }

  private slot(type: number, ref: unknown, tag: number): number {
    let slot: number
    if (this.freeCount > 0) slot = this.free[--this.freeCount] as number
    else {
      if (this.used === this.types.length) this.grow()
      slot = this.used++
    }
    this.types[slot] = type
    this.tags[slot] = tag
    this.refs[slot] = ref
    return slot
  }

  private grow(): void {
    const n = this.types.length * 2
    const types = new Uint8Array(n)
    const tags = new Int32Array(n)
    const free = new Int32Array(n)
    types.set(this.types)
    tags.set(this.tags)
    this.types = types
    this.tags = tags
    this.free = free
    this.refs.length = n
    this.refs.fill(null, n / 2)
  }
}
