import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { STARTER_DOCUMENT } from '../../scenarios/starter'
import type { Hop, SimMetrics } from '../../sim/types'
import { describeEvent } from '../../store/run/logWords'
import type { LogEntry, Sample, SampleFigures } from '../../store/run/types'
import { asyncState, deliveryState, lifecycleView, machineForTrace, syncState } from './currentState'
import { exactValue, partFigures, successRate, systemFigures } from './figures'
import { formatSimTime } from './formatTime'
import { ALL, announcement, filterLog, OUTCOMES } from './logView'
import { layoutSequence, SEQUENCE } from './sequence'
import { createSeriesCache, seriesOf } from './series'

function starter(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  return r.value
}

const fig = (count: number, errors: number, depth = 0, p95 = 0): SampleFigures => ({ count, errors, p50: p95 / 2, p95, p99: p95 * 2, depth })
const sample = (at: number, system: SampleFigures, parts: Record<string, SampleFigures> = {}): Sample => ({ at, system, parts })

const hop = (link: string, carries: Hop['carries'], depart: number, arrive: number, requestId = 1, correlationId = 1, direction: Hop['direction'] = 'forward'): Hop => ({ link, carries, depart, arrive, requestId, correlationId, direction })

describe('chart series from samples', () => {
  const samples = [sample(1000, fig(5, 0, 2, 40), { a: fig(5, 0) }), sample(2000, fig(12, 1, 0, 50), { a: fig(10, 1) }), sample(3000, fig(15, 4, 3, 60))]

  it('turns cumulative counts into rates per second, and keeps percentiles and depth as they are', () => {
    const s = seriesOf(samples, null)
    expect(s.x).toEqual([1, 2, 3])
    expect(s.throughput).toEqual([5, 7, 3])
    expect(s.errors).toEqual([0, 1, 3])
    expect(s.p95).toEqual([40, 50, 60])
    expect(s.p99).toEqual([80, 100, 120])
    expect(s.depth).toEqual([2, 0, 3])
  })

  it('divides by the interval between samples (a step can land off the second)', () => {
    const s = seriesOf([sample(500, fig(2, 0)), sample(2500, fig(10, 2))], null)
    expect(s.throughput).toEqual([4, 4])
    expect(s.errors).toEqual([0, 1])
  })

  it('shows one part, with gaps where it did not exist', () => {
    const s = seriesOf(samples, 'a')
    expect(s.throughput).toEqual([5, 5, null])
    expect(s.errors).toEqual([0, 1, null])
  })

  it('appends new samples to the same arrays and starts again after a reset or a change of part', () => {
    const cache = createSeriesCache()
    const run = samples.slice(0, 2)
    const first = cache(run, null)
    expect(first.changed).toBe(true)
    expect(cache(run, null).changed).toBe(false)
    const grown = cache(samples, null)
    expect(grown.series).toBe(first.series)
    expect(grown.series.throughput).toEqual([5, 7, 3])
    const other = cache(samples, 'a')
    expect(other.series).not.toBe(first.series)
    const reset = cache([sample(1000, fig(1, 0))], 'a')
    expect(reset.changed).toBe(true)
    expect(reset.series.x).toEqual([1])
  })
})

describe('the key numbers', () => {
  const m = {
    time: 1000,
    seed: 1,
    events: 10,
    clients: [{ id: 'c', label: 'Web shop', issued: 10, succeeded: 7, failed: 2, failedBy: { timeout: 1, rejected: 1 }, inFlight: 1, latency: { count: 9, mean: 20, p50: 12.3456, p95: 41.98765, p99: 77, max: 80 } }],
    servers: [],
    brokers: [],
    links: [{ id: 'l', kind: 'sync', role: 'call', calls: 9, attempts: 11, retries: 2, timeouts: 1, failures: 1, polls: 0, expired: 0, outstanding: 0 }],
    totals: { operations: { issued: 10, succeeded: 7, failed: 2, inFlight: 1 } },
  } as unknown as SimMetrics

  it('keeps the engine’s exact values and rounds only the text', () => {
    const t = systemFigures(m)
    const p95 = t.rows.find((r) => r.label === 'Latency p95')!
    expect(p95.value).toBe(41.98765)
    expect(p95.text).toBe('42.0 ms')
    expect(t.rows.find((r) => r.label === 'Operations issued')!.value).toBe(10)
    expect(t.rows.find((r) => r.label === 'Success rate')!.value).toBeCloseTo(7 / 9)
  })

  it('says why operations failed, a row per reason that occurred, under the failed count', () => {
    const labels = systemFigures(m).rows.map((r) => r.label)
    const at = labels.indexOf('Operations failed')
    expect(labels.slice(at, at + 4)).toEqual(['Operations failed', 'Failed: 503 queue full', 'Failed: timed out', 'Operations in flight'])
    // summed over every client
    const two = { ...m, clients: [m.clients[0], { ...m.clients[0], id: 'd', failedBy: { timeout: 3 } }] } as unknown as SimMetrics
    expect(systemFigures(two).rows.find((r) => r.label === 'Failed: timed out')!.value).toBe(4)
    const d = { nodes: [{ id: 'c', label: 'Web shop' }], links: [] } as unknown as Diagram
    expect(partFigures(m, d, 'c')!.rows.find((r) => r.label === 'Failed: 503 queue full')!.value).toBe(1)
  })

  it('counts redeliveries, dead letters and what waits over every broker, when there are brokers', () => {
    const sub = (redelivered: number, deadLettered: number, waiting = 0, oldestReadyMs = 0) => ({ redelivered, deadLettered, depth: { now: waiting }, oldestReadyMs })
    const withBrokers = { ...m, brokers: [{ subscriptions: [sub(4, 2, 10, 1200), sub(1, 0)] }, { subscriptions: [sub(2, 1, 5, 3400)] }] } as unknown as SimMetrics
    const rows = systemFigures(withBrokers).rows
    expect(rows.find((r) => r.label === 'Redelivered')!.value).toBe(7)
    expect(rows.find((r) => r.label === 'Dead-lettered')!.value).toBe(3)
    // the backlog held back now, and how long its oldest message has waited
    expect(rows.find((r) => r.label === 'Messages waiting')!.value).toBe(15)
    expect(rows.find((r) => r.label === 'Oldest waiting')!.value).toBe(3400)
    expect(systemFigures(m).rows.some((r) => r.label === 'Redelivered')).toBe(false)
  })

  it('counts the success rate over operations that ended, and shows none before one has', () => {
    expect(successRate(0, 0)).toBeNull()
    expect(successRate(3, 1)).toBe(0.75)
    const none = { ...m, totals: { operations: { issued: 2, succeeded: 0, failed: 0, inFlight: 2 } } } as unknown as SimMetrics
    // no number behind the "–" either: nothing may compare or colour a 100 % of nothing
    const row = systemFigures(none).rows.find((r) => r.label === 'Success rate')!
    expect(row).toEqual({ label: 'Success rate', value: null, text: '–' })
    expect(exactValue(row)).toEqual({})
    const rate = systemFigures(m).rows.find((r) => r.label === 'Success rate')!
    expect(rate.text).toBe('77.8 %')
    expect(exactValue(rate)).toEqual({ 'data-value': 7 / 9, title: String(7 / 9) })
  })

  it('counts a service’s answers that came after their caller had given up, when there are any', () => {
    const latency = { count: 1, mean: 1, p50: 1, p95: 1, p99: 1, max: 1 }
    const server = (byOutcome: object) => ({ id: 's', label: 'Orders', arrivals: 5, completed: 5, failed: 0, rejected: 0, responseTime: latency, throughput: 1, utilization: 0.5, queueLength: { now: 0 }, replicas: { up: 1 }, records: { byOutcome } })
    const d = { nodes: [{ id: 's', label: 'Orders' }], links: [] } as unknown as Diagram
    const rows = (byOutcome: object) => partFigures({ ...m, servers: [server(byOutcome)] } as unknown as SimMetrics, d, 's')!.rows
    expect(rows({ succeeded: 2, timedOut: 3 }).find((r) => r.label === 'Answered after the caller gave up')!.value).toBe(3)
    expect(rows({ succeeded: 5 }).some((r) => r.label === 'Answered after the caller gave up')).toBe(false)
  })

  it('says how long a queue’s work waits: the oldest waiting message, and publish to ack per subscription', () => {
    const latency = (p95: number) => ({ count: 1, mean: 1, p50: 1, p95, p99: 1, max: 1 })
    const sub = (labels: string[], oldestReadyMs: number, p95: number) => ({ consumerLabels: labels, published: 1, delivered: 1, acked: 1, redelivered: 0, deadLettered: 0, depth: { now: 0 }, oldestReadyMs, publishToAck: latency(p95) })
    const broker = (subscriptions: object[]) => ({ id: 'b', label: 'Jobs', published: 3, refused: 0, subscriptions })
    const d = { nodes: [{ id: 'b', label: 'Jobs' }], links: [] } as unknown as Diagram
    const rows = (subs: object[]) => partFigures({ ...m, brokers: [broker(subs)] } as unknown as SimMetrics, d, 'b')!.rows
    const queue = rows([sub(['W1', 'W2'], 1234.5, 40)])
    expect(queue.find((r) => r.label === 'Oldest waiting')).toMatchObject({ value: 1234.5, text: '1,235 ms' })
    expect(queue.find((r) => r.label === 'Publish to ack p95')!.value).toBe(40)
    const topic = rows([sub(['Mail'], 10, 20), sub(['Audit'], 900, 700)])
    expect(topic.find((r) => r.label === 'Oldest waiting')!.value).toBe(900)
    expect(topic.filter((r) => r.label.startsWith('Publish to ack p95: ')).map((r) => [r.label, r.value])).toEqual([
      ['Publish to ack p95: Mail', 20],
      ['Publish to ack p95: Audit', 700],
    ])
  })

  it('describes a selected client or link, and nothing for an unknown id', () => {
    const d = { nodes: [{ id: 'c', label: 'Web shop' }, { id: 's', label: 'Orders' }], links: [{ id: 'l', source: 'c', target: 's' }] } as unknown as Diagram
    expect(partFigures(m, d, 'c')!.rows.map((r) => r.label)).toContain('Latency p99')
    const link = partFigures(m, d, 'l')!
    expect(link.caption).toBe('Web shop → Orders')
    expect(link.rows.find((r) => r.label === 'Retries')!.value).toBe(2)
    expect(partFigures(m, d, 'nope')).toBeNull()
  })
})

describe('the event log', () => {
  const e = (seq: number, pattern: LogEntry['pattern'], outcome: LogEntry['outcome'], nodes: string[]): LogEntry => ({ seq, at: seq * 10, text: `line ${seq}`, nodes, link: null, pattern, outcome, requestId: 0, correlationId: 0 })
  const lines = [e(1, 'sync', 'info', ['a', 'b']), e(2, 'sync', 'ok', ['b', 'a']), e(3, 'message', 'error', ['b', 'q']), e(4, 'node', 'error', ['q'])]

  it('filters by node, pattern and outcome together, keeping the newest last', () => {
    expect(filterLog(lines, ALL).map((x) => x.seq)).toEqual([1, 2, 3, 4])
    expect(filterLog(lines, { ...ALL, node: 'b' }).map((x) => x.seq)).toEqual([1, 2, 3])
    expect(filterLog(lines, { ...ALL, outcome: 'error' }).map((x) => x.seq)).toEqual([3, 4])
    expect(filterLog(lines, { node: 'q', pattern: 'message', outcome: 'error' }).map((x) => x.seq)).toEqual([3])
    expect(filterLog(lines, ALL, 2).map((x) => x.seq)).toEqual([3, 4])
  })

  it('keeps timeouts (error lines whose reason is a timeout or a poll deadline) and retries (sync retries, redeliveries)', () => {
    const more = [
      ...lines,
      { ...e(5, 'sync', 'error', ['a', 'b']), reason: 'timeout' as const },
      { ...e(6, 'message', 'error', ['w', 'q']), reason: 'timeout' as const },
      { ...e(7, 'sync', 'error', ['b', 'a']), reason: 'rejected' as const },
      e(8, 'sync', 'retry', ['a', 'b']),
      e(9, 'message', 'retry', ['q', 'w']),
      // a poll deadline is the async caller giving up: a timeout too
      { ...e(10, 'async', 'error', ['a', 'b']), reason: 'deadline' as const },
    ]
    expect(filterLog(more, { ...ALL, outcome: 'timeout' }).map((x) => x.seq)).toEqual([5, 6, 10])
    expect(filterLog(more, { ...ALL, outcome: 'retry' }).map((x) => x.seq)).toEqual([8, 9])
    // a retry is not an error, and a timeout still is one
    expect(filterLog(more, { ...ALL, outcome: 'error' }).map((x) => x.seq)).toEqual([3, 4, 5, 6, 7, 10])
    expect(OUTCOMES.map((o) => o.label)).toEqual(['OK', 'Error', 'Info', 'Timeouts', 'Retries'])
  })

  it('finds an ack timeout under Timeouts, and the redelivery after it under Retries', () => {
    const d = parseDocument({
      wireplay: 1,
      nodes: [
        { id: 'q', kind: 'queue', label: 'Orders queue', x: 0, y: 0 },
        { id: 'w', kind: 'service', label: 'Worker 1', x: 300, y: 0 },
      ],
      links: [{ id: 'take', source: 'q', target: 'w', kind: 'message' }],
    })
    if (!d.ok) throw new Error('test document')
    const timedOut = describeEvent({ type: 'ackTimeout', node: 'q', link: 'take', requestId: 8, correlationId: 123, deliveries: 1, redeliver: true, at: 30_500 }, d.value, 1)
    const again = describeEvent({ type: 'hop', hop: { link: 'take', direction: 'forward', carries: 'delivery', depart: 30_500, arrive: 30_501, requestId: 9, correlationId: 123, attempt: 2 } }, d.value, 2)
    expect(timedOut.text).toBe('Orders queue: ack timeout: Worker 1 did not acknowledge message 123 within 30 s; back in the queue for redelivery')
    expect(filterLog([timedOut, again], { ...ALL, outcome: 'timeout' })).toEqual([timedOut])
    expect(filterLog([timedOut, again], { ...ALL, outcome: 'retry' })).toEqual([again])
    expect(filterLog([timedOut, again], { ...ALL, node: 'w', pattern: 'message' })).toEqual([timedOut, again])
  })

  it('prints simulated time in seconds to the millisecond', () => {
    expect(formatSimTime(12345.6)).toBe('12.346 s')
    expect(formatSimTime(0)).toBe('0.000 s')
  })

  it('announces a few lines as they are and many as a summary', () => {
    expect(announcement([])).toBe('')
    expect(announcement(lines.slice(0, 2))).toBe('0.010 s: line 1. 0.020 s: line 2')
    expect(announcement(lines)).toBe('4 new events, 2 of them errors. Latest at 0.040 s: line 4')
  })
})

describe('the sequence diagram', () => {
  const d = starter()
  // Web shop → Orders (l-1), Orders → Shipping jobs (l-3), Shipping jobs → Shipping (l-4)
  const journey = [
    hop('l-1', 'request', 100, 102, 2),
    hop('l-3', 'message', 120, 122, 3),
    hop('l-4', 'delivery', 122, 124, 5),
    hop('l-3', 'brokerAck', 122, 124, 3, 1, 'back'),
    hop('l-1', 'reply', 130, 132, 2, 1, 'back'),
    hop('l-4', 'ack', 160, 162, 5, 1, 'back'),
  ]

  it('puts lifelines in the order the request first reached the nodes', () => {
    const s = layoutSequence(journey, d, 1000)
    expect(s.lifelines.map((l) => l.label)).toEqual(['Web shop', 'Orders', 'Shipping jobs', 'Shipping'])
    expect(s.lifelines[1]!.x - s.lifelines[0]!.x).toBe(SEQUENCE.gap)
  })

  it('draws one arrow per hop, in order, from sender to receiver', () => {
    const s = layoutSequence(journey, d, 1000)
    const x = Object.fromEntries(s.lifelines.map((l) => [l.label, l.x]))
    expect(s.arrows).toHaveLength(6)
    expect([s.arrows[0]!.x1, s.arrows[0]!.x2]).toEqual([x['Web shop'], x['Orders']])
    const reply = s.arrows[4]!
    expect([reply.x1, reply.x2, reply.label]).toEqual([x['Orders'], x['Web shop'], '200 OK'])
    const ys = s.arrows.map((a) => a.y)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
    expect(ys[1]! - ys[0]!).toBe(SEQUENCE.row)
    expect(s.height).toBeGreaterThan(ys.at(-1)!)
  })

  it('labels a failed answer with why it failed', () => {
    const failed = journey.map((h) => (h.carries === 'reply' ? { ...h, carries: 'error' as const, reason: 'rejected' as const } : h))
    expect(layoutSequence(failed, d, 1000).arrows[4]!.label).toBe('503 queue full')
    // passed on from further down: says so, and where
    const passedOn = failed.map((h) => (h.carries === 'error' ? { ...h, origin: 'service-3' } : h))
    expect(layoutSequence(passedOn, d, 1000).arrows[4]!.label).toBe('error, passed on: Shipping answered 503 queue full')
  })

  it('shows only hops departed by now, dashes those in flight, and caps the rows', () => {
    const s = layoutSequence(journey, d, 123)
    expect(s.arrows.map((a) => [a.hop.carries, a.inFlight])).toEqual([
      ['request', false],
      ['message', false],
      ['delivery', true],
      ['brokerAck', true],
    ])
    const capped = layoutSequence(journey, d, 1000, 2)
    expect(capped.arrows).toHaveLength(2)
    expect(capped.omitted).toBe(4)
  })
})

describe('the current state of a traced request', () => {
  const d = starter()
  const sync = d.links.find((l) => l.id === 'l-1')!
  const async = d.links.find((l) => l.id === 'l-2')!
  const withRetries = { ...sync, settings: { ...sync.settings, retries: 1 } }

  it('sync call: waiting, then succeeded; failed or backoff on an error depending on retries left', () => {
    const req = hop('l-1', 'request', 100, 102)
    expect(syncState([req], sync, 101).state).toBe('waiting')
    const reply = hop('l-1', 'reply', 130, 132, 1, 1, 'back')
    expect(syncState([req, reply], sync, 131).state).toBe('waiting')
    expect(syncState([req, reply], sync, 132).state).toBe('succeeded')
    const error = hop('l-1', 'error', 130, 132, 1, 1, 'back')
    expect(syncState([req, error], sync, 140).state).toBe('failed')
    expect(syncState([req, error], withRetries, 140).state).toBe('backoff')
    expect(syncState([req, error, hop('l-1', 'request', 300, 302)], withRetries, 301).state).toBe('waiting')
    // why, and where it happened: here a 503 Orders passed on from Shipping
    const passedOn: Hop = { ...error, reason: 'rejected', origin: 'service-3' }
    const label = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id
    expect(syncState([req, passedOn], sync, 140, undefined, label).why).toBe('Error at 0.132 s (attempt 1 of 1), Shipping answered 503 queue full, no retries left: the call failed.')
  })

  it('sync call: no answer within the timeout times out, or backs off for a retry', () => {
    const req = hop('l-1', 'request', 100, 102)
    expect(syncState([req], sync, 100 + sync.settings.timeoutMs).state).toBe('timedOut')
    expect(syncState([req], withRetries, 100 + sync.settings.timeoutMs).state).toBe('backoff')
  })

  it('async call: submitting, waiting, asking, done, expired', () => {
    const submit = hop('l-2', 'request', 0, 2)
    const accepted = hop('l-2', 'accepted', 5, 7, 1, 1, 'back')
    const poll = hop('l-2', 'poll', 507, 509, 9)
    const status = hop('l-2', 'status', 509, 511, 9, 1, 'back')
    expect(asyncState([submit], async, 1).state).toBe('submitting')
    expect(asyncState([submit, accepted], async, 6).state).toBe('submitting')
    expect(asyncState([submit, accepted], async, 8).state).toBe('waiting')
    expect(asyncState([submit, accepted, poll], async, 508).state).toBe('asking')
    expect(asyncState([submit, accepted, poll, status], async, 510).state).toBe('asking')
    expect(asyncState([submit, accepted, poll, status], async, 600).state).toBe('waiting')
    expect(asyncState([submit, accepted, poll, status], async, 511 + async.settings.pollMs).state).toBe('done')
    expect(asyncState([submit, accepted], async, async.settings.deadlineMs).state).toBe('expired')
    expect(asyncState([submit, hop('l-2', 'error', 3, 5, 1, 1, 'back')], async, 6).state).toBe('failed')
  })

  it('message: on its way, ready, delivering, acked; redelivered or dead-lettered on a nack', () => {
    const msg = hop('l-3', 'message', 100, 102, 3)
    const delivery = hop('l-4', 'delivery', 110, 112, 5)
    expect(deliveryState([msg], msg, 'queue-1', d, 101).state).toBeNull()
    expect(deliveryState([msg], msg, 'queue-1', d, 105).state).toBe('ready')
    expect(deliveryState([msg, delivery], msg, 'queue-1', d, 111).state).toBe('delivering')
    const ack = hop('l-4', 'ack', 150, 152, 5, 1, 'back')
    expect(deliveryState([msg, delivery, ack], msg, 'queue-1', d, 151).state).toBe('delivering')
    expect(deliveryState([msg, delivery, ack], msg, 'queue-1', d, 152).state).toBe('acked')
    const nack = hop('l-4', 'nack', 150, 152, 5, 1, 'back')
    expect(deliveryState([msg, delivery, nack], msg, 'queue-1', d, 152).state).toBe('ready')
    const five = Array.from({ length: 5 }, (_, i) => [hop('l-4', 'delivery', 200 * i, 200 * i + 2, 5), hop('l-4', 'nack', 200 * i + 50, 200 * i + 52, 5, 1, 'back')]).flat()
    expect(deliveryState([msg, ...five], msg, 'queue-1', d, 2000).state).toBe('deadLettered')
  })

  it('message: the nack says whether it was refused for its contract, named as the timeline had them, or failed in the work', () => {
    const msg = hop('l-3', 'message', 100, 102, 3)
    const delivery = hop('l-4', 'delivery', 110, 112, 5)
    const refused: Hop = { ...hop('l-4', 'nack', 112, 114, 5, 1, 'back'), reason: 'contract' }
    // the producer switched to v2 before it sent this one; the consumer still expects v1
    const switched = { ...d, faults: [{ at: 50, action: 'contract' as const, link: 'l-3', contract: 'ShipOrder v2' }] }
    expect(deliveryState([msg, delivery, refused], msg, 'queue-1', switched, 120)).toEqual({ state: 'deadLettered', why: 'The consumer expects ShipOrder v1, not ShipOrder v2: dead-lettered at once.' })
    // a failure in the work: back in the queue, and why
    const failed: Hop = { ...refused, reason: 'error' }
    expect(deliveryState([msg, delivery, { ...failed, origin: 'service-3' }], msg, 'queue-1', switched, 120)).toEqual({ state: 'ready', why: 'Failed (nack) at 0.114 s (delivery 1 of at most 5), error while processing: back in the queue.' })
    // failed by a call the consumer made: where it happened
    expect(deliveryState([msg, delivery, { ...failed, reason: 'timeout', origin: 'service-1' }], msg, 'queue-1', switched, 120).why).toBe('Failed (nack) at 0.114 s (delivery 1 of at most 5), Orders did not answer in time: back in the queue.')
  })

  it('event: follows the traced subscription', () => {
    const ev = hop('l-5', 'event', 100, 102, 6)
    const toEmail = hop('l-6', 'delivery', 102, 104, 8)
    const toAnalytics = hop('l-7', 'delivery', 102, 104, 10)
    const ackAnalytics = hop('l-7', 'ack', 110, 112, 10, 1, 'back')
    const seen = [ev, toEmail, toAnalytics, ackAnalytics]
    expect(deliveryState(seen, toEmail, 'topic-1', d, 200).state).toBe('delivering')
    expect(deliveryState(seen, toAnalytics, 'topic-1', d, 200).state).toBe('acked')
  })

  it('picks the machine from the traced request’s link', () => {
    const journey = [hop('l-1', 'request', 100, 102, 2), hop('l-3', 'message', 120, 122, 3)]
    expect(machineForTrace({ correlationId: 1, requestId: 2 }, journey, d, 101)).toMatchObject({ machine: 'syncCall', state: 'waiting', link: 'l-1' })
    expect(machineForTrace({ correlationId: 1, requestId: 3 }, journey, d, 130)).toMatchObject({ machine: 'messageDelivery', state: 'ready', link: 'l-3' })
    expect(machineForTrace({ correlationId: 1, requestId: 3 }, [], d, 130)).toBeNull()
  })

  it('lists the states a node’s replicas are in', () => {
    const v = lifecycleView([
      { index: 1, state: 'up', busy: 0, queued: 0 },
      { index: 2, state: 'crashed', busy: 0, queued: 0 },
    ])
    expect(v.states).toEqual(['up', 'crashed'])
    expect(v.why).toBe('replica 1: up, replica 2: crashed')
  })
})
