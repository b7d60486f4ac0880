import { describe, expect, it } from 'vitest'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { STARTER_DOCUMENT } from '../../scenarios/starter'
import type { Hop } from '../../sim/types'
import { deliveryState, machineForTrace, syncAttemptsOf, syncCallsOf, syncState } from './currentState'
import { layoutSequence } from './sequence'

/** The starter diagram with Web shop → Orders (l-1) given a 2 s timeout and two retries. */
function diagram(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  const d = r.value
  return { ...d, links: d.links.map((l) => (l.id === 'l-1' ? { ...l, settings: { ...l.settings, timeoutMs: 2000, retries: 2, backoffMs: 50 } } : l)) }
}

const hop = (link: string, carries: Hop['carries'], depart: number, arrive: number, requestId: number, direction: Hop['direction'] = 'forward', correlationId = 1): Hop => ({
  link,
  carries,
  depart,
  arrive,
  requestId,
  correlationId,
  direction,
})

// attempt 1 (request 11) gets no answer within 2 s; the caller gives up at 2.224 s and retries
// (request 12), whose 200 OK arrives at 2.496 s; attempt 1's answer comes at 2.939 s, to nobody
const first = hop('l-1', 'request', 224, 226, 11)
const retry = hop('l-1', 'request', 2280, 2282, 12)
const retryReply = hop('l-1', 'reply', 2494, 2496, 12, 'back')
const lateReply = hop('l-1', 'reply', 2937, 2939, 11, 'back')
const journey = [first, retry, retryReply, lateReply]

describe('a sync call that timed out and was retried', () => {
  const d = diagram()
  const link = d.links.find((l) => l.id === 'l-1')!

  it('follows the latest attempt: succeeded with the retry’s reply, not the late answer to the abandoned one', () => {
    const at3s = syncState(journey, link, 3000)
    expect(at3s.state).toBe('succeeded')
    expect(at3s.why).toContain('200 OK arrived at 2.496 s (attempt 2 of 3)')
    expect(at3s.why).not.toContain('arrived at 2.939 s')
    expect(at3s.why).toContain('The late answer of an earlier attempt, at 2.939 s, was ignored.')
    expect(syncState(journey, link, 2500)).toEqual({ state: 'succeeded', why: '200 OK arrived at 2.496 s (attempt 2 of 3): the caller goes on.' })
  })

  it('is in backoff between the timeout and the retry, and waits for the retry’s answer', () => {
    expect(syncState(journey, link, 2000).state).toBe('waiting')
    expect(syncState(journey, link, 2224).state).toBe('backoff')
    expect(syncState(journey, link, 2300)).toMatchObject({ state: 'waiting', why: expect.stringContaining('attempt 2 of 3') })
    expect(syncState(journey, link, 2495).state).toBe('waiting')
  })

  it('ignores a late answer that arrives during the backoff', () => {
    const early = hop('l-1', 'reply', 2240, 2250, 11, 'back')
    expect(syncState([first, early], link, 2260).state).toBe('backoff')
    expect(syncState([first, early, retry], link, 2300).state).toBe('waiting')
  })

  it('follows the traced request’s call to its latest attempt, even when the first attempt is traced', () => {
    for (const requestId of [11, 12]) {
      const v = machineForTrace({ correlationId: 1, requestId }, journey, d, 3000)
      expect(v).toMatchObject({ machine: 'syncCall', state: 'succeeded', link: 'l-1' })
      expect(v!.why).toContain('2.496 s')
    }
  })

  it('tells two calls of one operation apart: one starting while the other waits is not a retry', () => {
    const a = hop('l-1', 'request', 100, 102, 21)
    const b = hop('l-1', 'request', 150, 152, 22)
    const aReply = hop('l-1', 'reply', 300, 302, 21, 'back')
    const calls = syncCallsOf(syncAttemptsOf([a, b, aReply], link), link)
    expect(calls.map((c) => c.map((x) => x.request.requestId))).toEqual([[21], [22]])
    expect(syncState([a, b, aReply], link, 320, 21).state).toBe('succeeded')
    expect(syncState([a, b, aReply], link, 320, 22).state).toBe('waiting')
    // the retry after the timeout joins the call that timed out
    const bRetry = hop('l-1', 'request', 2200, 2202, 23)
    expect(syncCallsOf(syncAttemptsOf([a, b, aReply, bRetry], link), link).map((c) => c.map((x) => x.request.requestId))).toEqual([[21], [22, 23]])
  })

  it('groups by the attempt numbers the engine gives: a first attempt after a timeout is a call of its own', () => {
    const a1 = { ...hop('l-1', 'request', 100, 102, 31), attempt: 1 }
    // a's attempt 1 times out at 2.1 s; b starts at 2.15 s: by timing alone it looks like a's retry
    const b1 = { ...hop('l-1', 'request', 2150, 2152, 32), attempt: 1 }
    const a2 = { ...hop('l-1', 'request', 2180, 2182, 33), attempt: 2 }
    const calls = syncCallsOf(syncAttemptsOf([a1, b1, a2], link), link)
    expect(calls.map((c) => c.map((x) => x.request.requestId))).toEqual([[31, 33], [32]])
    expect(syncState([a1, b1, a2], link, 2200, 32)).toMatchObject({ state: 'waiting', why: expect.stringContaining('attempt 1 of 3') })
    expect(syncState([a1, b1, a2], link, 2200, 31)).toMatchObject({ state: 'waiting', why: expect.stringContaining('attempt 2 of 3') })
  })
})

describe('the sequence diagram of a retried call', () => {
  const d = diagram()

  it('shows the timeout as a row where it happened, then the retry, its 200 OK, and the late answer marked ignored', () => {
    const s = layoutSequence(journey, d, 3000)
    expect(s.arrows.map((a) => [a.at, a.label, a.mark ?? 'hop', a.ignored])).toEqual([
      [224, 'request', 'hop', false],
      [2224, 'timeout (2 s)', 'timeout', false],
      [2280, 'request', 'hop', false],
      [2494, '200 OK', 'hop', false],
      [2937, '200 OK (ignored)', 'hop', true],
    ])
    const timeout = s.arrows[1]!
    const [shop, orders] = s.lifelines
    expect([timeout.from, timeout.to, timeout.x1, timeout.x2]).toEqual([shop!.id, orders!.id, shop!.x, orders!.x])
    expect(timeout.hop).toBe(first)
    const ys = s.arrows.map((a) => a.y)
    expect(ys).toEqual([...ys].sort((p, q) => p - q))
    expect(s.height).toBeGreaterThan(ys.at(-1)!)
  })

  it('draws the timeout only once it has happened, and none for an attempt answered in time', () => {
    expect(layoutSequence(journey, d, 2000).arrows.map((a) => a.label)).toEqual(['request'])
    const answered = [first, hop('l-1', 'reply', 500, 502, 11, 'back')]
    expect(layoutSequence(answered, d, 5000).arrows.map((a) => a.label)).toEqual(['request', '200 OK'])
  })

  it('puts the timeout before a retry sent at the same instant, and counts it against the row cap', () => {
    const instant = hop('l-1', 'request', 2224, 2226, 12)
    expect(layoutSequence([first, instant], d, 3000).arrows.map((a) => a.mark ?? a.label)).toEqual(['request', 'timeout', 'request'])
    const capped = layoutSequence(journey, d, 3000, 2)
    expect(capped.arrows.map((a) => a.mark ?? a.label)).toEqual(['request', 'timeout'])
    expect(capped.omitted).toBe(3)
  })
})

describe('an answer on the very instant of the timeout', () => {
  it('counts as on time, as the engine usually takes it', () => {
    const d = diagram()
    const link = d.links.find((l) => l.id === 'l-1')!
    const request = hop('l-1', 'request', 100, 102, 31)
    const reply = hop('l-1', 'reply', 2098, 2100, 31, 'back')
    const [attempt] = syncAttemptsOf([request, reply], link)
    expect(attempt!.answer).toBe(reply)
    expect(attempt!.timedOutAt).toBeNull()
    expect(syncState([request, reply], link, 2100).state).toBe('succeeded')
  })
})

describe('a topic subscription’s copy that is not acknowledged', () => {
  // Orders publishes OrderPlaced to Order events (l-5); Email's subscription (l-6) delivers it
  const d = diagram()
  const published = hop('l-5', 'event', 100, 102, 6)
  const toEmail = hop('l-6', 'delivery', 102, 104, 8)
  const ackTimeoutMs = 30_000 // Order events' default

  it('is back in the subscription, not a queue, after a nack', () => {
    const nack: Hop = { ...hop('l-6', 'nack', 110, 112, 8, 'back'), reason: 'error', origin: 'service-4' }
    expect(deliveryState([published, toEmail, nack], toEmail, 'topic-1', d, 120)).toEqual({
      state: 'ready',
      why: 'Failed (nack) at 0.112 s (delivery 1 of at most 5), error while processing: back in the subscription.',
    })
  })

  it('is back in the subscription for redelivery after the ack timeout', () => {
    const { why } = deliveryState([published, toEmail], toEmail, 'topic-1', d, 102 + ackTimeoutMs)
    expect(why).toBe('No ack within 30 s (delivery 1 of at most 5): back in the subscription for redelivery.')
  })
})
