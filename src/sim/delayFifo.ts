/**
 * Scheduled events that all wait the same delay (a link's latency): as simulated time
 * only grows, they come due in the order they were scheduled, so a ring buffer keeps them
 * sorted for free where the heap would pay O(log n) on the way in and out. The scheduler
 * keeps a few of these beside its heap and takes whichever head is earliest by (time,
 * sequence), so events fire in exactly the order the heap alone would give.
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
  private slots = new Int32Array(64)

  /** Time of the oldest entry (the caller checks size first). */
  headTime(): number {
    return this.times[this.head] as number
  }

  headSeq(): number {
    return this.seqs[this.head] as number
  }

  /** Append an entry; its time must not be earlier than the last one's. */
  push(time: number, seq: number, slot: number): void {
    if (this.size > this.mask) this.grow()
    const i = (this.head + this.size) & this.mask
    this.times[i] = time
    this.seqs[i] = seq
    this.slots[i] = slot
    this.size++
  }

  /** Remove the oldest entry and return its slot (the caller checks size first). */
  shift(): number {
    const slot = this.slots[this.head] as number
    this.head = (this.head + 1) & this.mask
    this.size--
    return slot
  }

  forEachSlot(fn: (slot: number) => void): void {
    for (let i = 0; i < this.size; i++) fn(this.slots[(this.head + i) & this.mask] as number)
  }

  clear(): void {
    this.head = 0
    this.size = 0
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2
    const times = new Float64Array(cap)
    const seqs = new Float64Array(cap)
    const slots = new Int32Array(cap)
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) & this.mask
      times[i] = this.times[j] as number
      seqs[i] = this.seqs[j] as number
      slots[i] = this.slots[j] as number
    }
    this.times = times
    this.seqs = seqs
    this.slots = slots
    this.head = 0
    this.mask = cap - 1
  }
}
