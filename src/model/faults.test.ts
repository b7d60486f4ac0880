import { describe, expect, it } from 'vitest'
import { describeFault, type Fault, linkStateKey, removeFaults, replicasAt, timelineAt, readLinkStateKey } from './faults'
import type { Diagram } from './types'

const timeline: Fault[] = [
  { at: 1000, action: 'detach', link: 'a' },
  { at: 2000, action: 'unsubscribe', link: 'b' },
  { at: 3000, action: 'contract', link: 'c', contract: 'Job v2' },
  { at: 4000, action: 'attach', link: 'a' },
  { at: 5000, action: 'subscribe', link: 'b' },
  { at: 6000, action: 'contract', link: 'c', contract: 'Job v3' },
]

describe('what the timeline has done to the links by an instant', () => {
  it('applies every fault at or before the instant, the last one winning', () => {
    expect(timelineAt(timeline, 999)).toEqual({ detached: new Set(), unsubscribed: new Set(), contracts: new Map(), slowed: new Map(), errorRates: new Map(), serviceTimes: new Map() })
    expect(timelineAt(timeline, 3000)).toEqual({ detached: new Set(['a']), unsubscribed: new Set(['b']), contracts: new Map([['c', 'Job v2']]), slowed: new Map(), errorRates: new Map(), serviceTimes: new Map() })
    expect(timelineAt(timeline, 9000)).toEqual({ detached: new Set(), unsubscribed: new Set(), contracts: new Map([['c', 'Job v3']]), slowed: new Map(), errorRates: new Map(), serviceTimes: new Map() })
    const slow: Fault[] = [{ at: 1, action: 'latency', link: 'a', addMs: 50 }, { at: 2, action: 'latency', link: 'a', addMs: 0 }]
    expect(timelineAt(slow, 1).slowed).toEqual(new Map([['a', 50]]))
    expect(timelineAt(slow, 2).slowed.size).toBe(0)
    expect(timelineAt([{ at: 1, action: 'errorRate', node: 's', errorRate: 50 }], 1).errorRates).toEqual(new Map([['s', 50]]))
    const slower: Fault[] = [{ at: 1, action: 'serviceTime', node: 's', timeMs: 1500 }, { at: 5, action: 'serviceTime', node: 's', timeMs: 300 }]
    expect(timelineAt(slower, 4).serviceTimes).toEqual(new Map([['s', 1500]]))
    expect(timelineAt(slower, 5).serviceTimes).toEqual(new Map([['s', 300]]))
  })

  it('packs one link’s state in a short key that is empty when nothing touched it', () => {
    expect(linkStateKey(timeline, 500, 'a')).toBe('')
    expect(readLinkStateKey(linkStateKey(timeline, 1500, 'a'))).toEqual({ detached: true, unsubscribed: false, contract: null, addedMs: 0 })
    expect(readLinkStateKey(linkStateKey(timeline, 2500, 'b'))).toEqual({ detached: false, unsubscribed: true, contract: null, addedMs: 0 })
    expect(readLinkStateKey(linkStateKey(timeline, 6000, 'c'))).toEqual({ detached: false, unsubscribed: false, contract: 'Job v3', addedMs: 0 })
    expect(linkStateKey(timeline, 9000, 'a')).toBe('')
    expect(linkStateKey(timeline, 9000, 'other')).toBe('')
    // a slowed link, and a contract holding the key's own separator
    const slowed: Fault[] = [
      { at: 1, action: 'latency', link: 'a', addMs: 200 },
      { at: 2, action: 'contract', link: 'a', contract: 'odd;name v2' },
      { at: 3, action: 'latency', link: 'a', addMs: 0 },
    ]
    expect(readLinkStateKey(linkStateKey(slowed, 1, 'a'))).toEqual({ detached: false, unsubscribed: false, contract: null, addedMs: 200 })
    expect(readLinkStateKey(linkStateKey(slowed, 2, 'a'))).toEqual({ detached: false, unsubscribed: false, contract: 'odd;name v2', addedMs: 200 })
    expect(readLinkStateKey(linkStateKey(slowed, 3, 'a'))).toEqual({ detached: false, unsubscribed: false, contract: 'odd;name v2', addedMs: 0 })
  })
})

describe('a fault in words', () => {
  const d: Diagram = {
    nodes: [
      { id: 'p', kind: 'service', label: 'Orders', x: 0, y: 0, settings: { replicas: 1, workers: 1, timeDist: 'exponential', timeMs: 10, queueLimit: 10, errorRate: 0, healMs: 0, balancing: 'round-robin' } },
      { id: 'q', kind: 'queue', label: 'Jobs', x: 0, y: 0, settings: { capacity: 10, ackTimeoutMs: 1000, maxDeliveries: 3 } },
      { id: 't', kind: 'topic', label: 'Events', x: 0, y: 0, settings: { capacity: 10, ackTimeoutMs: 1000, maxDeliveries: 3 } },
    ],
    links: [],
  }
  const link = (id: string, source: string, target: string) => ({ id, source, target, kind: 'message' as const, settings: { latencyMs: 1, probability: 100, timeoutMs: 1000, retries: 0, backoffMs: 100, pollMs: 100, deadlineMs: 1000, contract: 'Job v1', eventName: 'E', filter: '' } })
  const withLinks: Diagram = { ...d, links: [link('pq', 'p', 'q'), link('qp', 'q', 'p'), link('tp', 't', 'p')] }

  it('names the nodes at the ends of the link by their labels', () => {
    expect(describeFault({ at: 0, action: 'poison', link: 'pq' }, withLinks)).toBe('Orders sends a poison message to Jobs')
    expect(describeFault({ at: 0, action: 'contract', link: 'pq', contract: 'Job v2' }, withLinks)).toBe('Orders now sends “Job v2” to Jobs')
    expect(describeFault({ at: 0, action: 'contract', link: 'qp', contract: 'Job v2' }, withLinks)).toBe('Orders now expects “Job v2” from Jobs')
    expect(describeFault({ at: 0, action: 'unsubscribe', link: 'tp' }, withLinks)).toBe('Unsubscribe Orders from Events')
    expect(describeFault({ at: 0, action: 'subscribe', link: 'tp' }, withLinks)).toBe('Subscribe Orders to Events')
    expect(describeFault({ at: 0, action: 'serviceTime', node: 'p', timeMs: 1500 }, withLinks)).toBe('Set the service time of Orders to 1,500 ms')
  })
})

describe('replicas as the timeline leaves them', () => {
  const orders = (replicas: number, healMs = 0) => ({ id: 's', settings: { replicas, healMs } })

  it('crashes and restarts the whole service or one replica, from the instant of the fault', () => {
    const faults: Fault[] = [
      { at: 0, action: 'crash', node: 's' },
      { at: 10, action: 'restart', node: 's', replica: 2 },
      { at: 20, action: 'crash', node: 'other' },
      { at: 30, action: 'restart', node: 's' },
    ]
    expect(replicasAt([], orders(2), 100)).toEqual(['up', 'up'])
    expect(replicasAt(faults, orders(2), 0)).toEqual(['crashed', 'crashed'])
    expect(replicasAt(faults, orders(2), 9)).toEqual(['crashed', 'crashed'])
    expect(replicasAt(faults, orders(2), 10)).toEqual(['crashed', 'up'])
    expect(replicasAt(faults, orders(2), 30)).toEqual(['up', 'up'])
  })

  it('heals a crash by itself after healMs, but not before a fault of the same instant acts', () => {
    const faults: Fault[] = [{ at: 100, action: 'crash', node: 's', replica: 1 }]
    expect(replicasAt(faults, orders(2, 500), 100)).toEqual(['restarting', 'up'])
    expect(replicasAt(faults, orders(2, 500), 600)).toEqual(['restarting', 'up'])
    expect(replicasAt(faults, orders(2, 500), 601)).toEqual(['up', 'up'])
    // a crash while restarting changes nothing (the first heal still comes); after the heal it crashes again
    const again: Fault[] = [...faults, { at: 300, action: 'crash', node: 's', replica: 1 }, { at: 601, action: 'crash', node: 's', replica: 1 }]
    expect(replicasAt(again, orders(2, 500), 601)).toEqual(['restarting', 'up'])
    expect(replicasAt(again, orders(2, 500), 1102)).toEqual(['up', 'up'])
  })
})

describe('removing faults', () => {
  const d: Diagram = { nodes: [], links: [], faults: [{ at: 1, action: 'crash', node: 'a' }, { at: 2, action: 'restart', node: 'a' }] }

  it('takes off the very faults given, and the timeline with the last one', () => {
    const [crash, restart] = d.faults!
    expect(removeFaults(d, [crash!]).faults).toEqual([restart])
    expect(removeFaults(d, [crash!, restart!])).not.toHaveProperty('faults')
    // an equal fault that is not on the timeline is not taken for one that is
    expect(removeFaults(d, [{ at: 1, action: 'crash', node: 'a' }])).toBe(d)
  })
})
