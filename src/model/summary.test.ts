import { describe, expect, it } from 'vitest'
import { defaultSettings } from './defaults'
import type { Fault } from './faults'
import { nodeChangesAt } from './summary'
import type { DiagramNode } from './types'

const node = { id: 'pay', kind: 'service', label: 'Payments', x: 0, y: 0, settings: { ...defaultSettings('service'), timeMs: 40, errorRate: 0 } } as DiagramNode

describe('what the fault timeline has changed about a node', () => {
  const faults: Fault[] = [
    { at: 1000, action: 'serviceTime', node: 'pay', timeMs: 1500 },
    { at: 2000, action: 'errorRate', node: 'pay', errorRate: 50 },
    { at: 2500, action: 'serviceTime', node: 'other', timeMs: 9 },
    { at: 3000, action: 'serviceTime', node: 'pay', timeMs: 40 },
  ]

  it('says the service time and error rate in force at the instant, and nothing once they are back to the settings', () => {
    expect(nodeChangesAt(node, faults, 999)).toBe('')
    expect(nodeChangesAt(node, faults, 1000)).toBe('service time 1500 ms')
    expect(nodeChangesAt(node, faults, 2000)).toBe('service time 1500 ms · errors 50 %')
    expect(nodeChangesAt(node, faults, 3000)).toBe('errors 50 %')
    expect(nodeChangesAt(node, undefined, 3000)).toBe('')
  })

  it('has nothing to say of a queue or a client', () => {
    const queue = { id: 'pay', kind: 'queue', label: 'Q', x: 0, y: 0, settings: defaultSettings('queue') } as DiagramNode
    expect(nodeChangesAt(queue, faults, 5000)).toBe('')
  })
})
