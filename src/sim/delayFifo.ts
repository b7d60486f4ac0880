/**
 * Scheduled events that all wait the same delay (a link's latency, a constant service
 * time): as simulated time only grows, they come due in the order they were scheduled,
 * so a ring buffer keeps them sorted for free where a priority queue would pay on the
 * way in and out. The scheduler keeps a few of these beside its heap and takes whichever
 * head is earliest by (time, sequence), so events fire in exactly the order one queue
 * alone would give.
 * An entry holds its event (type, tag, object) itself: no slot to allocate and free.
 */
export class DelayFifo {
  /** the delay every entry shares; NaN until assigned, and reassigned once empty */
  delay = NaN
  size = 0
  private head = 0
  /** capacity − 1; capacity stays a power of two so wrapping is a mask */
  private mask = 63
  private times = new Float64Array(64)
  private seqs = new Float64Array(64)
  private types = new Uint8Array(64)
  private tags = new Int32Array(64)
  private refs: unknown[] = new Array(64).fill(null)

  /** Time of the oldest entry (the caller checks size first). */
  headTime(): number {
    return this.times[this.head] as number
  }

  headSeq(): number {
    return this.seqs[this.head] as number
  }

  headType(): number {
    return this.types[this.head] as number
  }

  headTag(): number {
    return this.tags[this.head] as number
  }

  headRef(): unknown {
    return this.refs[this.head]
  }

  /** Append an event; its time must not be earlier than the last one's. */
  push(time: number, seq: number, type: number, ref: unknown, tag: number): void {
    if (this.size > this.mask) this.grow()
    const i = (this.head + this.size) & this.mask
    this.times[i] = time
    this.seqs[i] = seq
    this.types[i] = type
    this.tags[i] = tag
    this.refs[i] = ref
    this.size++
  }

  /** Drop the oldest entry, once its head fields are read (the caller checks size first). */
  shift(): void {
    this.refs[this.head] = null
    this.head = (this.head + 1) & this.mask
    this.size--
  }

  forEach(fn: (type: number, ref: unknown) => void): void {
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) & this.mask
      fn(this.types[j] as number, this.refs[j])
    }
  }

  clear(): void {
    this.refs.fill(null)
    this.head = 0
    this.size = 0
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2
    const times = new Float64Array(cap)
    const seqs = new Float64Array(cap)
    const types = new Uint8Array(cap)
    const tags = new Int32Array(cap)
    const refs: unknown[] = new Array(cap).fill(null)
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) & this.mask
      times[i] = this.times[j] as number
      seqs[i] = this.seqs[j] as number
      types[i] = this.types[j] as number
      tags[i] = this.tags[j] as number
      refs[i] = this.refs[j]
    }
    this.times = times
    this.seqs = seqs
    this.types = types
    this.tags = tags
    this.refs = refs
    this.head = 0
    this.mask = cap - 1
  }
}
