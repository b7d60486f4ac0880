import { TimeQueue } from '../lib/timeQueue'

/**
 * The one clock of a run: events in (time, insertion order), time in simulated ms. An
 * event is a small type code, an object it concerns and an integer tag (usually a
 * generation, so an event made stale by a later change is recognised and dropped rather
 * than searched for and removed). Payloads live in slot arrays reused through a free
 * list, so the loop allocates nothing per event.
 */
export class Scheduler {
  now = 0
  private readonly heap = new TimeQueue(4096)
  private types = new Uint8Array(4096)
  private tags = new Int32Array(4096)
  private refs: unknown[] = new Array(4096).fill(null)
  private free = new Int32Array(4096)
  private freeCount = 0
  private used = 0

  /** Filled in by pop(). */
  type = 0
  tag = 0
  ref: unknown = null

  get pending(): number {
    return this.heap.size
  }

  nextTime(): number {
    return this.heap.peekTime()
  }

  schedule(time: number, type: number, ref: unknown, tag: number): void {
    let slot: number
    if (this.freeCount > 0) slot = this.free[--this.freeCount] as number
    else {
      if (this.used === this.types.length) this.grow()
      slot = this.used++
    }
    this.types[slot] = type
    this.tags[slot] = tag
    this.refs[slot] = ref
    this.heap.push(time, slot)
  }

  /** Take the earliest event into type/tag/ref and advance `now`; false when none is left. */
  pop(): boolean {
    return this.popUntil(Infinity)
  }

  /** Like pop(), but only an event due at or before `t`. */
  popUntil(t: number): boolean {
    const time = this.heap.peekTime()
    if (!(time <= t)) return false
    this.now = time
    const slot = this.heap.pop()
    this.type = this.types[slot] as number
    this.tag = this.tags[slot] as number
    this.ref = this.refs[slot]
    this.refs[slot] = null
    this.free[this.freeCount++] = slot
    return true
  }

  /** Every pending event's type and payload, for audits (not for the loop). */
  forEachPending(fn: (type: number, ref: unknown) => void): void {
    this.heap.forEachId((slot) => fn(this.types[slot] as number, this.refs[slot]))
  }

  clear(): void {
    this.heap.clear()
    this.refs.fill(null)
    this.freeCount = 0
    this.used = 0
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
