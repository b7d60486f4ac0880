/**
 * A binary min-heap of entries ordered by time, then by a sequence number the caller
 * gives (increasing numbers make equal times come out first in, first out; a caller that
 * keeps other queues beside this one shares one counter across them, so their entries
 * compare too). An entry is a small integer id (the caller's slot for its payload) and at
 * most one entry per id is held at a time. Only the time and the id move as the heap
 * reorders; the sequence sits in an array indexed by id and is read only when two times
 * are equal. Typed arrays throughout: a loop of millions of pushes and pops allocates
 * nothing. Pure.
 */
/** What the first position holds while the queue is empty, and what a vacated last
 * position is set to during a pop (positions beyond those are never read). */
const EMPTY = Number.POSITIVE_INFINITY

export class TimeQueue {
  private times: Float64Array
  private ids: Int32Array
  /** insertion sequence by id; float64 stays exact far beyond any run's event count */
  private seqOf: Float64Array
  private count = 0

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity)
    this.times = new Float64Array(n).fill(EMPTY)
    this.ids = new Int32Array(n)
    this.seqOf = new Float64Array(n)
  }

  get size(): number {
    return this.count
  }

  /** Time of the earliest entry; Infinity when empty. Branch-free: the first position
   * holds Infinity whenever the queue is empty. (A `: Infinity` branch that never runs
   * leaves the optimiser no type for it, so the result was boxed as a heap number on every
   * call, about 16 bytes of garbage per scheduler pop.) */
  peekTime(): number {
    return this.times[0] as number
  }

  /** Id of the earliest entry; -1 when empty. */
  peekId(): number {
    return this.count > 0 ? (this.ids[0] as number) : -1
  }

  /** Sequence number of the earliest entry; -1 when empty (only read to break a tie of
   * times, and an empty queue's time, Infinity, ties with no entry). */
  peekSeq(): number {
    return this.count > 0 ? (this.seqOf[this.ids[0] as number] as number) : -1
  }

  /** Add an entry; `id` must be a non-negative integer not already held. */
  push(time: number, id: number, seq: number): void {
    if (this.count === this.times.length) this.grow(this.count * 2)
    if (id >= this.seqOf.length) this.growSeq(id + 1)
    const times = this.times
    const ids = this.ids
    const seqOf = this.seqOf
    seqOf[id] = seq
    let i = this.count++
    // sift up with a hole: each level moves one entry instead of swapping two
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = times[p] as number
      if (pt < time || (pt === time && (seqOf[ids[p] as number] as number) < seq)) break
      times[i] = pt
      ids[i] = ids[p] as number
      i = p
    }
    times[i] = time
    ids[i] = id
  }

  /** Remove the earliest entry and return its id; -1 when empty. */
  pop(): number {
    const n = this.count
    if (n === 0) return -1
    const times = this.times
    const ids = this.ids
    const seqOf = this.seqOf
    const top = ids[0] as number
    const last = n - 1
    this.count = last
    if (last === 0) {
      times[0] = EMPTY
      return top
    }
    const time = times[last] as number
    const id = ids[last] as number
    const seq = seqOf[id] as number
    // bottom-up: walk the hole down to a leaf along the smaller children (one comparison
    // a level), then sift the last entry up from there; it rarely climbs far, being late
    // the vacated last position reads as +Infinity, so a missing right child never wins
    times[last] = EMPTY
    let i = 0
    let c = 1
    while (c < last) {
      const rt = times[c + 1] as number
      const ct = times[c] as number
      if (rt === ct) {
        if ((seqOf[ids[c + 1] as number] as number) < (seqOf[ids[c] as number] as number)) c++
      } else c += +(rt < ct) // arithmetic, not a branch the processor must guess
      times[i] = times[c] as number
      ids[i] = ids[c] as number
      i = c
      c = 2 * i + 1
    }
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = times[p] as number
      if (pt < time || (pt === time && (seqOf[ids[p] as number] as number) < seq)) break
      times[i] = pt
      ids[i] = ids[p] as number
      i = p
    }
    times[i] = time
    ids[i] = id
    return top
  }

  clear(): void {
    this.count = 0
    this.times[0] = EMPTY
  }

  /** The ids currently held, in no particular order (for audits, not for a hot loop). */
  forEachId(fn: (id: number) => void): void {
    for (let i = 0; i < this.count; i++) fn(this.ids[i] as number)
  }

  private grow(n: number): void {
    const times = new Float64Array(n)
    const ids = new Int32Array(n)
    times.set(this.times)
    ids.set(this.ids)
    this.times = times
    this.ids = ids
  }

  private growSeq(min: number): void {
    let n = this.seqOf.length * 2
    while (n < min) n *= 2
    const seqOf = new Float64Array(n)
    seqOf.set(this.seqOf)
    this.seqOf = seqOf
  }
}
