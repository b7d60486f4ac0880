import { describe, expect, it } from 'vitest'
import { count } from '../run/figures'
import { alignRows } from './alignRows'

describe('compared figures', () => {
  it('match rows by label: a failure row only one design has is 0 in the others, and nothing shifts', () => {
    const crashed = { caption: '', rows: [count('Operations failed', 35), count('Failed: 503 no replica up', 35), count('Operations in flight', 1)] }
    const fine = { caption: '', rows: [count('Operations failed', 0), count('Operations in flight', 0)] }
    const rows = alignRows([crashed, fine, fine])
    expect(rows.map((r) => r.label)).toEqual(['Operations failed', 'Failed: 503 no replica up', 'Operations in flight'])
    expect(rows.map((r) => r.cells.map((c) => c?.value ?? null))).toEqual([
      [35, 0, 0],
      [35, 0, 0],
      [1, 0, 0],
    ])
  })

  it('keep rows only a later design has, after the row they follow there, and leave other missing values empty', () => {
    const one = { caption: '', rows: [count('Operations issued', 5), count('Latency p95', 20)] }
    const two = { caption: '', rows: [count('Operations issued', 5), count('Redelivered', 2), count('Latency p95', 30)] }
    const rows = alignRows([one, two])
    expect(rows.map((r) => r.label)).toEqual(['Operations issued', 'Redelivered', 'Latency p95'])
    expect(rows[1]!.cells[0]).toBeUndefined()
  })
})
