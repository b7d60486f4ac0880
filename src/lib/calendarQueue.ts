import { TimeQueue } from './timeQueue'

/** Buckets in the ring: with 1 ms buckets, about two seconds ahead of the earliest entry. */
const RING = 2048

/**
 * A calendar queue: the same contract as TimeQueue (entries by id, ordered by time, then
 * by the caller's sequence number), cheaper when most entries fall due soon. Time is cut
 * into buckets of `width` ms on a ring; an entry goes into its bucket's list, kept sorted,
 * so the earliest entry is the head of the first non-empty bucket. Inserting walks a list
 * of one or two entries and taking the head costs nothing, where a binary heap pays a
 * sift on both ends. Entries beyond the ring's reach (or behind its cursor) wait in a
 * TimeQueue beside it, and every take compares the two, so the order is exactly the
 * heap's. Typed arrays throughout: no allocation per entry. Pure.
 *
 * After R. Brown, "Calendar queues", CACM 31(10), 1988, without the resizing: the
 * engine's delays (service times, backoffs) are milliseconds to seconds, which one fixed
 * width serves.
 */
export class CalendarQueue {
  private readonly width: number
  private readonly mask = RING - 1
  /** first entry id of each bucket's sorted list, -1 when empty */
  private readonly heads = new Int32Array(RING).fill(-1)
  /** by id: the next entry in the same bucket, its time and its sequence */
  private next: Int32Array
  private times: Float64Array
  private seqs: Float64Array
  /** absolute bucket number; every ring entry's bucket lies in [cursor, cursor + RING) */
  private cursor = 0
  private ringCount = 0
  /** the earliest ring entry when known, else -1 */
  private minId = -1
  private readonly far = new TimeQueue(256)

  constructor(width = 1, initialCapacity = 1024) {
    this.width = width
    const n = Math.max(16, initialCapacity)
    this.next = new Int32Array(n)
    this.times = new Float64Array(n)
    this.seqs = new Float64Array(n)
  }

  get size(): number {
    return this.ringCount + this.far.size
  }

  /** Time of the earliest entry; Infinity when empty. */
  peekTime(): number {
    const r = this.ringMin()
    const ft = this.far.peekTime()
    return r === -1 || ft < (this.times[r] as number) ? ft : (this.times[r] as number)
  }

  /** Sequence number of the earliest entry; Infinity when empty. */
  peekSeq(): number {
    const r = this.ringMin()
    return r === -1 || this.farFirst(r) ? this.far.peekSeq() : (this.seqs[r] as number)
  }

  /** Add an entry; `id` must be a non-negative integer not already held. */
  push(time: number, id: number, seq: number): void {
    if (id >= this.next.length) this.grow(id + 1)
    const b = Math.floor(time / this.width)
    if (this.ringCount === 0 && b < Infinity) this.cursor = b
    // NaN, Infinity, too far ahead, or behind a cursor that ran past an earlier far entry
    if (!(b - this.cursor < RING) || b < this.cursor) return this.far.push(time, id, seq)
    const times = this.times
    const seqs = this.seqs
    const next = this.next
    times[id] = time
    seqs[id] = seq
    const k = b & this.mask
    let prev = -1
    let cur = this.heads[k] as number
    while (cur !== -1) {
      const ct = times[cur] as number
      if (ct > time || (ct === time && (seqs[cur] as number) > seq)) break
      prev = cur
      cur = next[cur] as number
    }
    next[id] = cur
    if (prev === -1) this.heads[k] = id
    else next[prev] = id
    this.ringCount++
    const m = this.minId
    if (m !== -1 && (time < (times[m] as number) || (time === times[m] && seq < (seqs[m] as number)))) this.minId = id
  }

  /** Remove the earliest entry and return its id; -1 when empty. */
  pop(): number {
    const r = this.ringMin()
    if (r === -1 || this.farFirst(r)) return this.far.pop()
    // the earliest ring entry heads the cursor's bucket
    const k = this.cursor & this.mask
    const after = this.next[r] as number
    this.heads[k] = after
    this.ringCount--
    this.minId = after
    return r
  }

  clear(): void {
    this.heads.fill(-1)
    this.far.clear()
    this.ringCount = 0
    this.minId = -1
  }

  /** The ids currently held, in no particular order (for audits, not for a hot loop). */
  forEachId(fn: (id: number) => void): void {
    for (let k = 0; k < RING; k++) for (let id = this.heads[k] as number; id !== -1; id = this.next[id] as number) fn(id)
    this.far.forEachId(fn)
  }

  /** The earliest ring entry, moving the cursor up to its bucket; -1 when the ring is empty. */
  private ringMin(): number {
    if (this.minId !== -1 || this.ringCount === 0) return this.minId
    const heads = this.heads
    const mask = this.mask
    let c = this.cursor
    while (heads[c & mask] === -1) c++
    this.cursor = c
    this.minId = heads[c & mask] as number
    return this.minId
  }

  /** Whether the far queue's head comes before ring entry `r`. */
  private farFirst(r: number): boolean {
    const ft = this.far.peekTime()
    const rt = this.times[r] as number
    return ft < rt || (ft === rt && this.far.peekSeq() < (this.seqs[r] as number))
  }

  private grow(min: number): void {
    let n = this.next.length * 2
    while (n < min) n *= 2
    const next = new Int32Array(n)
    const times = new Float64Array(n)
    const seqs = new Float64Array(n)
    next.set(this.next)
    times.set(this.times)
    seqs.set(this.seqs)
    this.next = next
    this.times = times
    this.seqs = seqs
  }
}
