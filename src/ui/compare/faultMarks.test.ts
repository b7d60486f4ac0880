import { describe, expect, it } from 'vitest'
import type { Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { comparedFaultMarks } from './faultMarks'

const design = (paymentId: string): Diagram => ({
  nodes: [{ id: paymentId, kind: 'service', label: 'Payment', x: 0, y: 0 } as Diagram['nodes'][number]],
  links: [],
})
const crash = (node: string, at: number): Fault => ({ at, action: 'crash', node })

describe('faults on the compare timeline', () => {
  it('draws a fault every design has once, matched by its words and instant, not its ids', () => {
    const marks = comparedFaultMarks([
      { name: 'sync', diagram: design('p1'), faults: [crash('p1', 5_000)] },
      { name: 'queued', diagram: design('pay'), faults: [crash('pay', 5_000)] },
    ])
    expect(marks).toHaveLength(1)
    expect(marks[0]).toMatchObject({ fault: { at: 5_000, node: 'p1' }, where: 'in every design' })
  })
  it('says which designs have a fault the others do not, in time order', () => {
    const marks = comparedFaultMarks([
      { name: 'sync', diagram: design('p'), faults: [crash('p', 9_000)] },
      { name: 'queued', diagram: design('p'), faults: [crash('p', 2_000)] },
      { name: 'events', diagram: design('p'), faults: [crash('p', 9_000)] },
    ])
    expect(marks.map((m) => [m.fault.at, m.where])).toEqual([
      [2_000, 'in queued only'],
      [9_000, 'in sync and events only'],
    ])
  })
  it('names no designs when there is only one', () => {
    expect(comparedFaultMarks([{ name: 'only', diagram: design('p'), faults: [crash('p', 1)] }])[0]!.where).toBe('')
  })
})
