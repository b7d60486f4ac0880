/**
 * Seeded pseudo-random numbers: sfc32 (small fast counting generator, 128-bit state),
 * which passes PractRand to many terabytes and runs on 32-bit integer arithmetic only, so
 * the same seed gives the same numbers in every JavaScript engine. Pure apart from the
 * generator's own state; never reads the clock or Math.random.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0
    this.b = b | 0
    this.c = c | 0
    this.d = d | 0
    // the first outputs of a fresh state are correlated with the seed: discard them
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  nextUint32(): number {
    const a = this.a
    const b = this.b
    const c = this.c
    const d = this.d
    const t = (((a + b) | 0) + d) | 0
    this.d = (d + 1) | 0
    this.a = b ^ (b >>> 9)
    this.b = (c + (c << 3)) | 0
    const r = (c << 21) | (c >>> 11)
    this.c = (r + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296
  }
}

/** 32-bit FNV-1a of a string, then a murmur3 finaliser so similar ids spread apart. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h)
}

function fmix32(x: number): number {
  let h = x | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * An independent stream for (seed, key), e.g. (42, "service-3/time"): changing one node's
 * key (or adding a node) leaves every other stream's draws unchanged.
 */
export function rngStream(seed: number, key: string): Rng {
  const s = Math.trunc(seed) >>> 0
  const hi = Math.floor(Math.trunc(seed) / 4294967296) >>> 0
  return new Rng(hashString(key, s), hashString(key, s ^ 0x9e3779b9), hashString(key, hi ^ 0x7f4a7c15), fmix32(s ^ Math.imul(hi, 0x27d4eb2f)))
}
