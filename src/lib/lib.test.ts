import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Deque } from './deque'
import { Histogram } from './histogram'
import { Rng, hashString, rngStream } from './rng'
import { TimeQueue } from './timeQueue'

describe('TimeQueue', () => {
  it('pops by time, and equal times first in first out', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new TimeQueue(2)
        times.forEach((t, i) => q.push(t, i, i))
        const out: number[] = []
        while (q.size > 0) out.push(q.pop())
        const expected = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i)
        expect(out).toEqual(expected)
        expect(q.pop()).toBe(-1)
        expect(q.peekTime()).toBe(Infinity)
      }),
    )
  })

  it('interleaves pushes and pops correctly', () => {
    const q = new TimeQueue()
    q.push(5, 1, 0)
    q.push(1, 2, 1)
    expect(q.peekSeq()).toBe(1)
    expect(q.pop()).toBe(2)
    q.push(3, 3, 2)
    q.push(5, 4, 3)
    expect([q.pop(), q.pop(), q.pop()]).toEqual([3, 1, 4])
    // emptied by its last pop or by clear(), it reads as Infinity either way
    expect([q.peekTime(), q.peekSeq()]).toEqual([Infinity, -1])
    q.push(2, 5, 4)
    expect(q.peekTime()).toBe(2)
    q.clear()
    expect([q.size, q.peekTime()]).toEqual([0, Infinity])
  })
})

describe('Deque', () => {
  it('is first in, first out across growth', () => {
    const d = new Deque<number>(2)
    for (let i = 0; i < 10; i++) d.push(i)
    expect(d.shift()).toBe(0)
    for (let i = 10; i < 40; i++) d.push(i)
    expect(d.size).toBe(39)
    expect(d.at(0)).toBe(1)
    const out: number[] = []
    while (d.size) out.push(d.shift() as number)
    expect(out).toEqual(Array.from({ length: 39 }, (_, i) => i + 1))
    expect(d.shift()).toBeUndefined()
  })
})

describe('Rng', () => {
  it('is deterministic per (seed, key) and differs across keys', () => {
    const a = rngStream(42, 'service-1')
    const b = rngStream(42, 'service-1')
    const c = rngStream(42, 'service-2')
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
    expect(hashString('x', 1)).not.toBe(hashString('x', 2))
  })

  it('is uniform enough: mean and variance of [0,1)', () => {
    const r = new Rng(1, 2, 3, 4)
    let sum = 0
    let sq = 0
    let outside = 0
    const n = 200_000
    for (let i = 0; i < n; i++) {
      const u = r.next()
      if (!(u >= 0 && u < 1)) outside++
      sum += u
      sq += u * u
    }
    expect(outside).toBe(0)
    expect(sum / n).toBeCloseTo(0.5, 2)
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2)
  })
})

describe('Histogram', () => {
  it('has an exact mean and percentiles within 1 %', () => {
    const h = new Histogram()
    const values: number[] = []
    const r = new Rng(9, 8, 7, 6)
    for (let i = 0; i < 50_000; i++) {
      const v = -Math.log(1 - r.next()) * 50
      values.push(v)
      h.add(v)
    }
    values.sort((a, b) => a - b)
    expect(h.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9)
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1] as number
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01)
    }
    expect(h.max).toBe(values[values.length - 1])
  })

  it('handles zero, tiny and huge values', () => {
    const h = new Histogram()
    h.add(0)
    h.add(0.0004)
    h.add(1e9)
    expect(h.quantile(0.01)).toBeLessThan(0.001)
    expect(h.quantile(1)).toBe(1e9)
    expect(h.count).toBe(3)
  })
})
