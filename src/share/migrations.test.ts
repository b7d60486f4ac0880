import { describe, expect, it } from 'vitest'
import { DOCUMENT_VERSION } from './document'
import { migrate, MIGRATIONS, type Migration } from './migrations'

describe('document migrations', () => {
  it('form one chain from version 1 to the current version, with a name each', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: DOCUMENT_VERSION - 1 }, (_, i) => i + 1))
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length)
  })

  it('apply the steps in order and stamp each new version', () => {
    const steps: Migration[] = [
      { from: 1, name: 'rename a to b', up: ({ a, ...rest }) => ({ ...rest, b: a }) },
      { from: 2, name: 'double b', up: (d) => ({ ...d, b: (d.b as number) * 2 }) },
    ]
    expect(migrate({ wireplay: 1, a: 21 }, 1, 3, steps)).toEqual({ ok: true, value: { wireplay: 3, b: 42 } })
    expect(migrate({ wireplay: 2, b: 5 }, 2, 3, steps)).toEqual({ ok: true, value: { wireplay: 3, b: 10 } })
    expect(migrate({ wireplay: 3, b: 5 }, 3, 3, steps)).toEqual({ ok: true, value: { wireplay: 3, b: 5 } })
  })

  it('say which version cannot be read when a step is missing', () => {
    const r = migrate({ wireplay: 1 }, 1, 2, [])
    expect(r.ok ? null : r.error[0]?.message).toBe('No way is known to read a version 1 document.')
  })
})
