import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { createSimulation } from '../../sim/index'
import { diagram as testDiagram } from '../../sim/testing/diagrams'
import type { Hop } from '../../sim/types'
import { describeEvent, spanWords } from './logWords'

const doc = parseDocument({
  wireplay: 1,
  nodes: [
    { id: 'orders', kind: 'service', label: 'Orders', x: 0, y: 0 },
    { id: 'jobs', kind: 'queue', label: 'Jobs', x: 300, y: 0 },
    { id: 'worker', kind: 'service', label: 'Worker', x: 600, y: 0 },
    { id: 'store', kind: 'database', label: 'Jobs DB', x: 900, y: 0 },
  ],
  links: [
    { id: 'send', source: 'orders', target: 'jobs', kind: 'message', settings: { contract: 'Job v1' } },
    { id: 'take', source: 'jobs', target: 'worker', kind: 'message', settings: { contract: 'Job v1' } },
    { id: 'save', source: 'worker', target: 'store', kind: 'sync' },
  ],
})
if (!doc.ok) throw new Error('test document')
const d: Diagram = { ...doc.value, faults: [{ at: 5000, action: 'contract', link: 'send', contract: 'Job v2' }, { at: 6000, action: 'poison', link: 'send' }] }
const sent = (depart: number): Hop => ({ link: 'send', direction: 'forward', carries: 'message', depart, arrive: depart + 1, requestId: 9, correlationId: 4 })

const topicDoc = parseDocument({
  wireplay: 1,
  nodes: [
    { id: 'events', kind: 'topic', label: 'Events', x: 0, y: 0 },
    { id: 'mail', kind: 'service', label: 'Mail', x: 300, y: 0 },
  ],
  links: [{ id: 'sub', source: 'events', target: 'mail', kind: 'event' }],
})
if (!topicDoc.ok) throw new Error('topic document')
const out = (carries: Hop['carries'], direction: Hop['direction']): Hop => ({ link: 'sub', direction, carries, depart: 1, arrive: 2, requestId: 9, correlationId: 7 })

describe('the event log in words', () => {
  it('calls what a topic hands out an event, from delivery to ack', () => {
    const t = topicDoc.value
    expect(describeEvent({ type: 'hop', hop: out('delivery', 'forward') }, t, 1).text).toBe('Events → Mail: event 7 delivered')
    // a redelivery is the broker doing its job: a retry, not an error
    expect(describeEvent({ type: 'hop', hop: { ...out('delivery', 'forward'), attempt: 2 } }, t, 2)).toMatchObject({ text: 'Events → Mail: event 7 redelivered, attempt 2', outcome: 'retry' })
    expect(describeEvent({ type: 'hop', hop: { ...out('nack', 'back'), reason: 'error', origin: 'mail' } }, t, 3).text).toBe('Mail → Events: event 7 failed (nack): error while processing')
    expect(describeEvent({ type: 'hop', hop: out('ack', 'back') }, t, 4).text).toBe('Mail → Events: ack, event 7 done')
  })

  it('tells a refusal for the contract from a failure in the work, and says why a call failed', () => {
    const nack = (reason: Hop['reason'], origin?: string): Hop => ({ link: 'take', direction: 'back', carries: 'nack', depart: 1, arrive: 2, requestId: 9, correlationId: 4, reason, origin })
    expect(describeEvent({ type: 'hop', hop: nack('contract', 'worker') }, d, 1)).toMatchObject({ text: 'Worker → Jobs: message 4 refused (nack): contract mismatch', outcome: 'error' })
    // a consumer's own failure has no HTTP status; one from a call it made names where it happened
    expect(describeEvent({ type: 'hop', hop: nack('crashed', 'worker') }, d, 2).text).toBe('Worker → Jobs: message 4 failed (nack): crashed mid-delivery')
    expect(describeEvent({ type: 'hop', hop: nack('rejected', 'store') }, d, 2).text).toBe('Worker → Jobs: message 4 failed (nack): Jobs DB answered 503 queue full')
    expect(describeEvent({ type: 'hop', hop: nack('timeout', 'store') }, d, 2).text).toBe('Worker → Jobs: message 4 failed (nack): Jobs DB did not answer in time')
    const error: Hop = { link: 'l', direction: 'back', carries: 'error', depart: 1, arrive: 2, requestId: 3, correlationId: 3, reason: 'rejected', origin: 'b' }
    const sync = parseDocument({
      wireplay: 1,
      nodes: [
        { id: 'a', kind: 'service', label: 'API', x: 0, y: 0 },
        { id: 'b', kind: 'service', label: 'Orders', x: 300, y: 0 },
        { id: 'db', kind: 'database', label: 'Orders DB', x: 600, y: 0 },
      ],
      links: [
        { id: 'l', source: 'a', target: 'b', kind: 'sync' },
        { id: 'm', source: 'b', target: 'db', kind: 'sync' },
      ],
    })
    if (!sync.ok) throw new Error('sync document')
    expect(describeEvent({ type: 'hop', hop: error }, sync.value, 3)).toMatchObject({ text: 'Orders → API: 503 queue full', outcome: 'error' })
    // a failure passed on from further down says so, and where it happened
    expect(describeEvent({ type: 'hop', hop: { ...error, origin: 'db' } }, sync.value, 4).text).toBe('Orders → API: error, passed on: Orders DB answered 503 queue full')
    // a timeout of Orders' own call is its own failure; the same timeout told further up is passed on
    expect(describeEvent({ type: 'hop', hop: { ...error, reason: 'timeout', origin: 'db' } }, sync.value, 4).text).toBe('Orders → API: error: timed out waiting for Orders DB')
    const up = { ...error, link: 'm', reason: 'timeout' as const, origin: 'x' }
    expect(describeEvent({ type: 'hop', hop: up }, { ...sync.value, nodes: [...sync.value.nodes, { ...sync.value.nodes[2]!, id: 'x', label: 'Ledger' }] }, 4).text).toBe('Orders DB → Orders: error, passed on: Ledger did not answer in time')
    expect(describeEvent({ type: 'hop', hop: { ...error, reason: 'crashed' } }, sync.value, 4).text).toBe('Orders → API: error: crashed mid-request')
    expect(describeEvent({ type: 'hop', hop: { ...error, reason: undefined } }, sync.value, 5).text).toBe('Orders → API: error')
  })

  it('keeps an error’s reason on its line, for the Timeouts filter', () => {
    const nack: Hop = { link: 'take', direction: 'back', carries: 'nack', depart: 1, arrive: 2, requestId: 9, correlationId: 4, reason: 'timeout', origin: 'store' }
    expect(describeEvent({ type: 'hop', hop: nack }, d, 1)).toMatchObject({ outcome: 'error', reason: 'timeout' })
    expect(describeEvent({ type: 'timeout', link: 'save', requestId: 5, correlationId: 4, at: 10 }, d, 2)).toMatchObject({ text: 'Worker → Jobs DB: timed out: no reply within 1 s', outcome: 'error', reason: 'timeout' })
    expect(describeEvent({ type: 'hop', hop: sent(1) }, d, 3).reason).toBeUndefined()
  })

  it('gives an ack timeout a line of its own: who did not acknowledge what, within what, and what the broker does next', () => {
    const e = describeEvent({ type: 'ackTimeout', node: 'jobs', link: 'take', requestId: 12, correlationId: 4, deliveries: 1, redeliver: true, at: 31_000 }, d, 6)
    expect(e).toMatchObject({
      text: 'Jobs: ack timeout: Worker did not acknowledge message 4 within 30 s; back in the queue for redelivery',
      outcome: 'error',
      reason: 'timeout',
      pattern: 'message',
      nodes: ['jobs', 'worker'],
      link: 'take',
      requestId: 12,
      correlationId: 4,
      at: 31_000,
    })
    const last = describeEvent({ type: 'ackTimeout', node: 'jobs', link: 'take', requestId: 13, correlationId: 4, deliveries: 5, redeliver: false, at: 95_000 }, d, 7)
    expect(last.text).toBe('Jobs: ack timeout: Worker did not acknowledge message 4 within 30 s; no delivery left (5 made)')
    // a topic's subscription hands out events
    const t = topicDoc.value
    expect(describeEvent({ type: 'ackTimeout', node: 'events', link: 'sub', requestId: 3, correlationId: 7, deliveries: 2, redeliver: true, at: 1 }, t, 8)).toMatchObject({
      text: 'Events: ack timeout: Mail did not acknowledge event 7 within 30 s; back in the subscription for redelivery',
      pattern: 'event',
    })
  })

  it('words the ack timeouts a run makes, each before the redelivery it causes', () => {
    const run = testDiagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q', { ackTimeoutMs: 100, maxDeliveries: 2 })
      .service('w', { workers: 1, timeDist: 'constant', timeMs: 300 })
      .link('c', 'q', 'message', { latencyMs: 0 })
      .link('q', 'w', 'message', { latencyMs: 0 })
      .build()
    const sim = createSimulation({ diagram: run, seed: 1 })
    const lines: ReturnType<typeof describeEvent>[] = []
    sim.subscribe((e) => lines.push(describeEvent(e, run, lines.length + 1)))
    sim.runUntil(1500)
    const texts = lines.filter((l) => l.correlationId === 1).map((l) => `${l.at} ${l.text}`)
    expect(texts).toEqual([
      '1000 c → q: message 1 sent (Job v1)',
      '1000 q → w: message 1 delivered',
      '1000 q → c: stored by the broker',
      '1100 q: ack timeout: w did not acknowledge message 1 within 100 ms; back in the queue for redelivery',
      // the only worker is still busy with the first delivery: the redelivery waits for it
      '1300 w → q: ack, message 1 done',
      '1300 q → w: message 1 redelivered, attempt 2',
      '1400 q: ack timeout: w did not acknowledge message 1 within 100 ms; no delivery left (2 made)',
      '1400 q: message 1 dead-lettered after 2 deliveries (for w)',
    ])
    expect(lines.filter((l) => l.text.includes('ack timeout')).every((l) => l.outcome === 'error' && l.reason === 'timeout' && l.pattern === 'message')).toBe(true)
  })

  it('says a duration as people do, to the millisecond like the instants beside it', () => {
    expect([0, 250, 999, 1000, 1500, 30_000, 1234].map(spanWords)).toEqual(['0 ms', '250 ms', '999 ms', '1 s', '1.5 s', '30 s', '1.234 s'])
    // a measured wait: a tenth of a millisecond below a second, and never "1000 ms"
    expect([0.4, 80.04, 80.06, 999.96, 1214.4].map(spanWords)).toEqual(['0.4 ms', '80 ms', '80.1 ms', '1 s', '1.214 s'])
  })

  it('marks a synchronous call’s later attempts as retries', () => {
    const request: Hop = { link: 'save', direction: 'forward', carries: 'request', depart: 1, arrive: 2, requestId: 5, correlationId: 4 }
    expect(describeEvent({ type: 'hop', hop: request }, d, 1)).toMatchObject({ text: 'Worker → Jobs DB: POST, waiting for the reply', outcome: 'info' })
    expect(describeEvent({ type: 'hop', hop: { ...request, attempt: 3 } }, d, 2)).toMatchObject({ text: 'Worker → Jobs DB: POST, waiting for the reply (retry, attempt 3)', outcome: 'retry' })
  })

  it('names a message by the contract its producer spoke when it was sent', () => {
    expect(describeEvent({ type: 'hop', hop: sent(4999) }, d, 1).text).toBe('Orders → Jobs: message 4 sent (Job v1)')
    expect(describeEvent({ type: 'hop', hop: sent(5000) }, d, 2).text).toBe('Orders → Jobs: message 4 sent (Job v2)')
  })

  it('says why a message was dead-lettered for its contract', () => {
    const e = describeEvent({ type: 'deadLetter', node: 'jobs', link: 'take', correlationId: 4, deliveries: 1, at: 7000, mismatch: { sent: 'Job v2', expected: 'Job v1' } }, d, 4)
    expect(e.text).toBe('Jobs: message 4 dead-lettered after its first delivery (for Worker): it is “Job v2”, Worker expects “Job v1”')
    const tries = describeEvent({ type: 'deadLetter', node: 'jobs', link: 'take', correlationId: 5, deliveries: 3, at: 7000, mismatch: null }, d, 5)
    expect(tries.text).toBe('Jobs: message 5 dead-lettered after 3 deliveries (for Worker)')
  })

  it('says a fault in words, on the nodes it touches', () => {
    const e = describeEvent({ type: 'fault', fault: d.faults![1]!, at: 6000 }, d, 3)
    expect(e.text).toBe('Fault: Orders sends a poison message to Jobs')
    expect(e.nodes).toEqual(['orders', 'jobs'])
  })
})
