/**
 * A log-linear histogram of non-negative values (milliseconds) with fixed memory: exact
 * below 0.128 ms steps of 1 µs, then 64 sub-buckets per power of two, so any percentile is
 * within 0.8 % of the true sample (HdrHistogram's layout, simplified). Count, sum, min and
 * max are exact, so the mean is exact. Values above about 35 minutes share the last
 * bucket. Pure.
 */
const SUB = 64
const LINEAR = 2 * SUB // values below this many µs get a bucket each
const MAX_EXP = 31
export const HISTOGRAM_BUCKETS = LINEAR + (MAX_EXP - 7 + 1) * SUB

export class Histogram {
  /** Uint32: half the memory of Float64, and no bucket of a run reaches 4 billion */
  readonly counts = new Uint32Array(HISTOGRAM_BUCKETS)
  count = 0
  sum = 0
  min = Infinity
  max = 0

  add(ms: number): void {
    this.count++
    this.sum += ms
    if (ms > this.max) this.max = ms
    else if (ms < this.min) this.min = ms
    if (this.count === 1) this.min = ms
    const c = this.counts
    const b = bucketOf(ms)
    c[b] = (c[b] as number) + 1
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0
  }

  /** The q-quantile (0 < q ≤ 1) as the midpoint of the bucket that holds it, clamped to [min, max]. */
  quantile(q: number): number {
    if (this.count === 0) return 0
    const rank = Math.max(1, Math.ceil(q * this.count))
    let seen = 0
    const c = this.counts
    for (let i = 0; i < c.length; i++) {
      seen += c[i] as number
      // the last bucket is open-ended: its midpoint means nothing, the maximum does
      if (seen >= rank) return i === c.length - 1 ? this.max : Math.min(this.max, Math.max(this.min, bucketMid(i)))
    }
    return this.max
  }

  clear(): void {
    this.counts.fill(0)
    this.count = 0
    this.sum = 0
    this.min = Infinity
    this.max = 0
  }
}

function bucketOf(ms: number): number {
  const us = ms * 1000
  if (!(us < 2147483648)) return HISTOGRAM_BUCKETS - 1
  const v = us | 0
  if (v < LINEAR) return v < 0 ? 0 : v
  const exp = 31 - Math.clz32(v) // ≥ 7
  const shift = exp - 6
  return LINEAR + (shift - 1) * SUB + ((v >>> shift) - SUB)
}

function bucketMid(i: number): number {
  if (i < LINEAR) return (i + 0.5) / 1000
  const k = i - LINEAR
  const shift = Math.floor(k / SUB) + 1
  const low = (SUB + (k % SUB)) * 2 ** shift
  return (low + 2 ** shift / 2) / 1000
}
