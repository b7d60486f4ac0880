/**
 * A first-in, first-out queue on a growable ring buffer: O(1) push and shift without the
 * O(n) cost of Array.prototype.shift. Pure.
 */
export class Deque<T> {
  private items: (T | undefined)[]
  private head = 0
  private count = 0
  private mask: number

  constructor(initialCapacity = 16) {
    let n = 16
    while (n < initialCapacity) n *= 2
    this.items = new Array<T | undefined>(n)
    this.mask = n - 1
  }

  get size(): number {
    return this.count
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow()
    this.items[(this.head + this.count) & this.mask] = item
    this.count++
  }

  /** Remove and return the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined
    const item = this.items[this.head]
    this.items[this.head] = undefined
    this.head = (this.head + 1) & this.mask
    this.count--
    return item
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head]
  }

  /** The i-th oldest item (0 = next out). */
  at(i: number): T | undefined {
    return i >= 0 && i < this.count ? this.items[(this.head + i) & this.mask] : undefined
  }

  clear(): void {
    this.items.fill(undefined)
    this.head = 0
    this.count = 0
  }

  private grow(): void {
    const n = this.items.length * 2
    const items = new Array<T | undefined>(n)
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & this.mask]
    this.items = items
    this.head = 0
    this.mask = n - 1
  }
}
