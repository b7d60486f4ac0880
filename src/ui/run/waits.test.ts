import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import type { Hop } from '../../sim/types'
import { spanWords } from '../../store/run/logWords'
import { machineForTrace } from './currentState'
import { layoutSequence, SEQUENCE } from './sequence'
import { hop } from './testHop'
import { waitsOf } from './waits'

const doc = parseDocument({
  wireplay: 1,
  nodes: [
    { id: 'c', kind: 'client', label: 'Shop', x: 0, y: 0 },
    { id: 'o', kind: 'service', label: 'Orders', x: 300, y: 0, settings: { timeDist: 'constant', timeMs: 100 } },
    { id: 'q', kind: 'queue', label: 'Jobs', x: 600, y: 0, settings: { ackTimeoutMs: 300, maxDeliveries: 3 } },
    { id: 'w', kind: 'service', label: 'Worker', x: 900, y: 0, settings: { timeDist: 'constant', timeMs: 50 } },
    { id: 't', kind: 'topic', label: 'Events', x: 600, y: 200 },
    { id: 'm', kind: 'service', label: 'Mail', x: 900, y: 200 },
    { id: 'a', kind: 'service', label: 'Audit', x: 900, y: 400 },
  ],
  links: [
    { id: 'c-o', source: 'c', target: 'o', kind: 'sync' },
    { id: 'o-q', source: 'o', target: 'q', kind: 'message' },
    { id: 'q-w', source: 'q', target: 'w', kind: 'message' },
    { id: 'o-t', source: 'o', target: 't', kind: 'event' },
    { id: 't-m', source: 't', target: 'm', kind: 'event' },
    { id: 't-a', source: 't', target: 'a', kind: 'event' },
  ],
})
if (!doc.ok) throw new Error('test document')
const d: Diagram = doc.value

// Orders takes a worker at 100 (arrived at 10, its 100 ms of work end when it publishes at
// 200); the message is stored at 210, waits 1 s for a consumer, is not acked within 300 ms
// (its ack at 1610 comes too late), waits again from 1510 to 1700, is nacked at 1810 and
// waits once more
const request = hop('c-o', 'request', 0, 10, 1)
const publish = hop('o-q', 'message', 200, 210, 2)
const stored = hop('o-q', 'brokerAck', 210, 220, 2)
const reply = hop('c-o', 'reply', 220, 230, 1)
const first = hop('q-w', 'delivery', 1210, 1220, 5, { attempt: 1 })
const lateAck = hop('q-w', 'ack', 1600, 1610, 5)
const second = hop('q-w', 'delivery', 1700, 1710, 6, { attempt: 2 })
const nack = hop('q-w', 'nack', 1800, 1810, 6, { reason: 'error', origin: 'w' })
const journey = [request, publish, stored, reply, first, lateAck, second, nack]

const brief = (now: number, j: readonly Hop[] = journey, diagram = d) => waitsOf(j, diagram, now).map((w) => [w.kind, w.node, w.since, w.until, w.open])

describe('waiting, as the hops tell it', () => {
  it('in a queue: from being stored to its delivery, from an ack timeout or a nack to its redelivery, and still waiting now', () => {
    const queue = brief(2000).filter(([kind]) => kind === 'broker')
    expect(queue).toEqual([
      ['broker', 'q', 210, 1210, false],
      ['broker', 'q', 1510, 1700, false],
      ['broker', 'q', 1810, 2000, true],
    ])
  })

  it('shows a wait still going on only while the message is in the queue, not while it is out for delivery', () => {
    expect(brief(1000).filter(([kind]) => kind === 'broker')).toEqual([['broker', 'q', 210, 1000, true]])
    expect(brief(1400).filter(([kind]) => kind === 'broker')).toEqual([['broker', 'q', 210, 1210, false]])
    // nothing before it is stored
    expect(brief(205).filter(([kind]) => kind === 'broker')).toEqual([])
  })

  it('for a worker: its answer or its first call, less the constant service time', () => {
    const workers = brief(2000).filter(([kind]) => kind === 'worker')
    expect(workers).toEqual([
      ['worker', 'o', 10, 100, false],
      // the late ack still ends the delivery's work: 1600 − 50
      ['worker', 'w', 1220, 1550, false],
      // a failure in its own work comes after the work too
      ['worker', 'w', 1710, 1750, false],
    ])
  })

  it('says nothing it cannot know', () => {
    // a service time drawn at random: the wait and the work cannot be told apart
    const random: Diagram = { ...d, nodes: d.nodes.map((n) => (n.id === 'o' && n.kind === 'service' ? { ...n, settings: { ...n.settings, timeDist: 'exponential' } } : n)) }
    expect(brief(2000, journey, random).filter(([, node]) => node === 'o')).toEqual([])
    // the service time changed by a fault while it was there
    const slowed: Diagram = { ...d, faults: [{ at: 50, action: 'serviceTime', node: 'o', timeMs: 150 }] }
    expect(brief(2000, journey, slowed).filter(([, node]) => node === 'o')).toEqual([])
    // answered without working: 503
    const refused = [hop('c-o', 'request', 0, 10, 1), hop('c-o', 'error', 10, 20, 1, { reason: 'rejected', origin: 'o' })]
    expect(brief(100, refused)).toEqual([])
    // two messages of the operation in one queue: which delivery carries which is unknown
    const twice = [...journey, hop('o-q', 'message', 205, 215, 3), hop('o-q', 'brokerAck', 215, 225, 3)]
    expect(brief(2000, twice).filter(([kind]) => kind === 'broker')).toEqual([])
    // a second job of the operation in Orders: whose publish it is would be a guess
    const crowded = [...journey, hop('c-o', 'request', 5, 15, 9)]
    expect(brief(2000, crowded).filter(([, node]) => node === 'o')).toEqual([])
    // refused for its contract: dead-lettered, not waiting
    const refusedContract = [...journey.slice(0, 7), hop('q-w', 'nack', 1710, 1720, 6, { reason: 'contract', origin: 'w' })]
    expect(brief(2000, refusedContract).filter(([kind]) => kind === 'broker')).toEqual([
      ['broker', 'q', 210, 1210, false],
      ['broker', 'q', 1510, 1700, false],
    ])
  })

  it('after the last delivery allowed, a message is dead-lettered, not waiting', () => {
    const once: Diagram = { ...d, nodes: d.nodes.map((n) => (n.id === 'q' && n.kind === 'queue' ? { ...n, settings: { ...n.settings, maxDeliveries: 2 } } : n)) }
    expect(brief(2000, journey, once).filter(([kind]) => kind === 'broker')).toEqual([
      ['broker', 'q', 210, 1210, false],
      ['broker', 'q', 1510, 1700, false],
    ])
  })

  it('in a topic: each subscription’s copy waits on its own', () => {
    const event = [hop('o-t', 'event', 200, 210, 2), hop('o-t', 'brokerAck', 210, 220, 2), hop('t-m', 'delivery', 210, 220, 3, { attempt: 1 }), hop('t-a', 'delivery', 900, 910, 4, { attempt: 1 })]
    expect(brief(1000, event).filter(([kind]) => kind === 'broker')).toEqual([['broker', 't', 210, 900, false]])
  })
})

describe('the sequence diagram shows the waits and the ack timeout', () => {
  it('a wait is a row where it ended, before the delivery it ended in; an ack timeout is a row, and the late ack is ignored', () => {
    const s = layoutSequence(journey, d, 2000)
    expect(s.arrows.map((a) => [a.at, a.mark ?? 'hop', a.label])).toEqual([
      [0, 'hop', 'request'],
      [100, 'wait', 'waited 90 ms for a worker'],
      [200, 'hop', 'message'],
      [210, 'hop', 'stored'],
      [220, 'hop', '200 OK'],
      [1210, 'wait', 'waited 1 s in Jobs'],
      [1210, 'hop', 'delivery'],
      [1510, 'timeout', 'ack timeout (300 ms)'],
      [1550, 'wait', 'waited 330 ms for a worker'],
      [1600, 'hop', 'ack (ignored)'],
      [1700, 'wait', 'waited 190 ms in Jobs'],
      [1700, 'hop', 'delivery'],
      [1750, 'wait', 'waited 40 ms for a worker'],
      [1800, 'hop', 'failed (nack): error while processing'],
      [2000, 'wait', 'waiting in Jobs, 190 ms so far'],
    ])
    const ack = s.arrows.find((a) => a.label === 'ack (ignored)')!
    expect(ack.ignoredWhy).toBe('the broker stopped waiting for it (ack timeout)')
    const x = Object.fromEntries(s.lifelines.map((l) => [l.id, l.x]))
    const queued = s.arrows[5]!
    // drawn on the queue's lifeline, its band starting at the row where it was stored
    expect([queued.x1, queued.x2, queued.wait?.fromY]).toEqual([x['q'], x['q'], s.arrows[3]!.y])
    const timeout = s.arrows[7]!
    expect([timeout.from, timeout.to, timeout.timeoutMs]).toEqual(['q', 'w', 300])
    expect(s.arrows.at(-1)!.inFlight).toBe(true)
    // the drawing is wide enough for a wait's words, right of its lifeline
    for (const a of s.arrows.filter((x) => x.mark === 'wait')) expect(s.width).toBeGreaterThanOrEqual(a.x1 + SEQUENCE.waitLabelGap + a.label.length * SEQUENCE.charWidth)
  })
})

describe('a wait’s length in the sequence diagram', () => {
  it('reads to the millisecond, as the log says a span and the instants it lies between', () => {
    // stored at 0.210 s, delivered at 1.424 s: 1.214 s in Jobs, not "1.21 s"
    const later = [request, publish, stored, reply, hop('q-w', 'delivery', 1424, 1434, 5, { attempt: 1 })]
    const wait = layoutSequence(later, d, 1500).arrows.find((a) => a.mark === 'wait' && a.wait?.node === 'q')
    expect(wait?.label).toBe(`waited ${spanWords(1214)} in Jobs`)
    expect(wait?.label).toBe('waited 1.214 s in Jobs')
  })
})

describe('the message’s state machine after an ack timeout', () => {
  const traced = { correlationId: 1, requestId: 5 }
  it('is back in the queue, not acked, when the ack comes after the timeout', () => {
    expect(machineForTrace(traced, journey, d, 1400)?.state).toBe('delivering')
    expect(machineForTrace(traced, journey, d, 1510)).toMatchObject({ machine: 'messageDelivery', state: 'ready' })
    expect(machineForTrace(traced, journey, d, 1650)).toMatchObject({ state: 'ready', why: 'No ack within 300 ms (delivery 1 of at most 3): back in the queue for redelivery. Its late ack, at 1.610 s, was ignored.' })
    // redelivered, and failed
    expect(machineForTrace(traced, journey, d, 1750)?.state).toBe('delivering')
    expect(machineForTrace(traced, journey, d, 2000)?.state).toBe('ready')
  })

  it('is acked by an ack on time, even on the very instant of the timeout', () => {
    const onTime = [...journey.slice(0, 5), hop('q-w', 'ack', 1500, 1510, 5)]
    expect(machineForTrace(traced, onTime, d, 2000)?.state).toBe('acked')
  })
})
