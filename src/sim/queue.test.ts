import { describe, expect, it } from 'vitest'
import { createSimulation } from './index'
import { diagram } from './testing/diagrams'
import { broker, client, expectConserved, link, run, server } from './testing/run'

describe('messages through a queue', () => {
  const build = (opts: { q?: object; w1?: object; w2?: object; consume?: object; rate?: number; uniform?: boolean } = {}) =>
    diagram()
      .client('c', { rate: opts.rate ?? 20, arrivals: opts.uniform ? 'uniform' : 'poisson' })
      .service('p', { workers: 8, timeMs: 1 })
      .queue('q', opts.q)
      .service('w1', { workers: 1, timeDist: 'constant', timeMs: 20, ...opts.w1 })
      .service('w2', { workers: 1, timeDist: 'constant', timeMs: 20, ...opts.w2 })
      .link('c', 'p', 'sync', { latencyMs: 1 })
      .link('p', 'q', 'message', { latencyMs: 1, contract: 'Job v1' })
      .link('q', 'w1', 'message', { latencyMs: 1, contract: 'Job v1', ...opts.consume })
      .link('q', 'w2', 'message', { latencyMs: 1, contract: 'Job v1' })
      .build()

  it('releases the producer at the broker’s ack and gives each message to exactly one consumer', () => {
    const { sim, m } = run(build(), 60_000)
    const sub = broker(m, 'q').subscriptions[0]!
    const w1 = server(m, 'w1').arrivals
    const w2 = server(m, 'w2').arrivals
    // competing consumers: both get work, no message twice
    expect(w1).toBeGreaterThan(sub.delivered * 0.3)
    expect(w2).toBeGreaterThan(sub.delivered * 0.3)
    expect(w1 + w2).toBe(sub.delivered)
    expect(sub.redelivered).toBe(0)
    expect(sub.published - sub.acked).toBe(sub.depth.now)
    // the producer waits only for the broker's ack (2 ms round trip), not for the consumer
    expect(server(m, 'p').responseTime.max).toBeLessThan(30)
    expectConserved(sim)
  })

  it('redelivers a crashed consumer’s unacked message to another consumer', () => {
    const d = build({ w1: { timeMs: 500 }, rate: 1, uniform: true })
    const { sim, m } = run(d, 5000, { faults: [{ at: 1200, action: 'crash', node: 'w1' }] })
    const sub = broker(m, 'q').subscriptions[0]!
    expect(server(m, 'w1').failed).toBe(1)
    expect(sub.redelivered).toBe(1)
    expect(sub.acked).toBe(sub.published)
    expect(sub.deadLettered).toBe(0)
    expectConserved(sim)
  })

  it('dead-letters a message whose contract the consumer does not expect, without working on it', () => {
    const d = diagram()
      .client('c', { rate: 5 })
      .queue('q')
      .service('w', { workers: 1 })
      .link('c', 'q', 'message', { contract: 'Job v1' })
      .link('q', 'w', 'message', { contract: 'Job v2' })
      .build()
    const { sim, m, hops } = run(d, 10_000)
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub.published).toBeGreaterThan(20)
    // each refusal on the wire says it was the contract
    const nacks = hops.filter((h) => h.carries === 'nack')
    expect(nacks.length).toBe(sub.deadLettered)
    expect(new Set(nacks.map((h) => `${h.reason} at ${h.origin}`))).toEqual(new Set(['contract at w']))
    expect(sub.deadLettered).toBe(sub.published)
    // a listener hears why: what the message carries and what its consumer expects
    const heard: unknown[] = []
    sim.subscribe((e) => e.type === 'deadLetter' && heard.push(e.mismatch))
    sim.runUntil(12_000)
    expect(heard.length).toBeGreaterThan(3)
    for (const x of heard) expect(x).toEqual({ sent: 'Job v1', expected: 'Job v2' })
    expect(sub.delivered).toBe(sub.published)
    expect(server(m, 'w').arrivals).toBe(0)
    expect(client(m).succeeded).toBe(client(m).issued)
    expectConserved(sim)
  })

  it('dead-letters after max deliveries', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q', { maxDeliveries: 3 })
      .service('w', { workers: 1, errorRate: 100 })
      .link('c', 'q', 'message')
      .link('q', 'w', 'message')
      .build()
    const heard: unknown[] = []
    const sim = createSimulation({ diagram: d, seed: 1 })
    sim.subscribe((e) => e.type === 'deadLetter' && heard.push(e.mismatch))
    sim.runUntil(1900)
    const m = sim.metrics()
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub).toMatchObject({ published: 1, delivered: 3, redelivered: 2, deadLettered: 1, acked: 0 })
    // out of tries, not refused for its contract
    expect(heard).toEqual([null])
    expect(sim.snapshot().nodes.find((n) => n.id === 'q')!.subscriptions[0]!.deadLettered).toBe(1)
    expectConserved(sim)
  })

  it('redelivers when no ack comes within the ack timeout, and drops the late ack', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q', { ackTimeoutMs: 100, maxDeliveries: 2 })
      .service('w', { workers: 2, timeDist: 'constant', timeMs: 300 })
      .link('c', 'q', 'message', { latencyMs: 0 })
      .link('q', 'w', 'message', { latencyMs: 0 })
      .build()
    const { sim, m, hops } = run(d, 1900)
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub).toMatchObject({ published: 1, delivered: 2, redelivered: 1, deadLettered: 1, acked: 0 })
    // each delivery says which it is; the message's own hop is its first and only send
    expect(hops.filter((h) => h.carries === 'delivery').map((h) => h.attempt)).toEqual([1, 2])
    expect(hops.filter((h) => h.carries === 'message').map((h) => h.attempt)).toEqual([1])
    // both deliveries were worked on; their acks came too late
    expect(server(m, 'w').completed).toBe(2)
    expect(server(m, 'w').records.byOutcome).toEqual({ timedOut: 2 })
    expectConserved(sim)
  })

  it('tells listeners of each ack timeout, redelivery or not, and changes nothing for a run nobody listens to', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q', { ackTimeoutMs: 100, maxDeliveries: 2 })
      .service('w', { workers: 2, timeDist: 'constant', timeMs: 300 })
      .link('c', 'q', 'message', { latencyMs: 0 })
      .link('q', 'w', 'message', { latencyMs: 0 })
      .build()
    const heard: { type: string; redeliver?: boolean; deliveries?: number; at: number }[] = []
    const listened = createSimulation({ diagram: d, seed: 3 })
    listened.subscribe((e) => {
      if (e.type === 'ackTimeout') heard.push({ type: e.type, redeliver: e.redeliver, deliveries: e.deliveries, at: e.at })
      else if (e.type === 'deadLetter') heard.push({ type: e.type, at: e.at })
    })
    listened.runUntil(1900)
    const hops = listened.trace()
    const deliveries = hops.filter((h) => h.carries === 'delivery')
    // the first delivery times out and is redelivered; the second times out and is dead-lettered
    expect(heard).toEqual([
      { type: 'ackTimeout', redeliver: true, deliveries: 1, at: deliveries[0]!.depart + 100 },
      { type: 'ackTimeout', redeliver: false, deliveries: 2, at: deliveries[1]!.depart + 100 },
      { type: 'deadLetter', at: deliveries[1]!.depart + 100 },
    ])
    const quiet = createSimulation({ diagram: d, seed: 3 })
    quiet.runUntil(1900)
    expect(quiet.trace()).toEqual(hops)
    expect(quiet.metrics()).toEqual(listened.metrics())
  })

  it('names the unacknowledged delivery and its consumer link in an ack timeout', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q', { ackTimeoutMs: 100, maxDeliveries: 3 })
      .service('w', { workers: 1, timeDist: 'constant', timeMs: 300 })
      .link('c', 'q', 'message', { latencyMs: 0 })
      .link('q', 'w', 'message', { latencyMs: 0 })
      .build()
    const sim = createSimulation({ diagram: d, seed: 1 })
    const heard: { link: string; node: string; requestId: number; correlationId: number }[] = []
    sim.subscribe((e) => e.type === 'ackTimeout' && heard.push({ link: e.link, node: e.node, requestId: e.requestId, correlationId: e.correlationId }))
    sim.runUntil(1150)
    const first = sim.trace().find((h) => h.carries === 'delivery')!
    expect(heard[0]).toEqual({ link: 'q->w', node: 'q', requestId: first.requestId, correlationId: first.correlationId })
  })

  it('keeps messages while every consumer is down and drains the backlog when one returns', () => {
    const faults = [
      { at: 0, action: 'crash' as const, node: 'w1' },
      { at: 0, action: 'crash' as const, node: 'w2' },
      { at: 30_000, action: 'restart' as const, node: 'w2' },
    ]
    const { sim, m } = run(build({ rate: 10, w2: { workers: 4, timeMs: 5 } }), 29_999, { faults })
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub.acked).toBe(0)
    expect(sub.ready).toBe(sub.published)
    expect(sub.ready).toBeGreaterThan(250)
    // the first message has waited almost the whole outage (published within its first second)
    expect(sub.oldestReadyMs).toBeGreaterThan(29_000)
    expect(sub.oldestReadyMs).toBeLessThan(30_000)
    sim.runUntil(60_000)
    const after = broker(sim.metrics(), 'q').subscriptions[0]!
    expect(after.published).toBeGreaterThan(sub.published)
    expect(after.acked + after.depth.now).toBe(after.published)
    expect(after.depth.now).toBeLessThan(5)
    expect(after.deadLettered).toBe(0)
    expect(after.depth.max).toBeGreaterThanOrEqual(sub.published)
    // drained: nothing waits long any more
    expect(after.oldestReadyMs).toBeLessThan(1000)
    expectConserved(sim)
  })

  it('refuses a publish when the queue is full and the producer’s work fails', () => {
    const d = diagram()
      .client('c', { rate: 10, arrivals: 'uniform' })
      .queue('q', { capacity: 3 })
      .service('w', { workers: 1 })
      .link('c', 'q', 'message', { latencyMs: 0 })
      .link('q', 'w', 'message', { latencyMs: 0 })
      .build()
    const { sim, m } = run(d, 1050, { faults: [{ at: 0, action: 'detach', link: 'q->w' }] })
    expect(broker(m, 'q')).toMatchObject({ published: 3, refused: 7 })
    expect(client(m).failedBy).toEqual({ brokerFull: 7 })
    sim.inject({ at: 1100, action: 'attach', link: 'q->w' })
    sim.runUntil(1200)
    expect(broker(sim.metrics(), 'q').subscriptions[0]!.acked).toBeGreaterThanOrEqual(3)
    expectConserved(sim)
  })

  it('dead-letters a poison message after max deliveries, each consumer failing it, while the messages around it are acked', () => {
    const d = build({ q: { maxDeliveries: 3 }, rate: 10, uniform: true })
    const faults = [{ at: 5000, action: 'poison' as const, link: 'p->q' }]
    const { sim, m } = run(d, 20_000, { faults })
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub.deadLettered).toBe(1)
    // one message took three deliveries; every other one was acked at the first
    expect(sub.redelivered).toBe(2)
    expect(sub.delivered).toBe(sub.published + 2)
    expect(sub.acked).toBe(sub.published - 1 - sub.depth.now)
    // each delivery of the poison failed at the consumer that processed it
    expect(server(m, 'w1').failed + server(m, 'w2').failed).toBe(3)
    // the producer saw only the broker's ack
    expect(client(m).succeeded).toBe(client(m).issued - client(m).inFlight)
    expectConserved(sim)
  })

  it('poisons as many messages as the timeline asks, the first ones sent from each fault on', () => {
    const d = build({ q: { maxDeliveries: 2 }, rate: 10, uniform: true })
    const faults = [
      { at: 5000, action: 'poison' as const, link: 'p->q' },
      { at: 5000, action: 'poison' as const, link: 'p->q' },
      { at: 9000, action: 'poison' as const, link: 'p->q' },
    ]
    const { sim, m } = run(d, 20_000, { faults })
    const sub = broker(m, 'q').subscriptions[0]!
    expect(sub.deadLettered).toBe(3)
    expect(sub.redelivered).toBe(3)
    expectConserved(sim)
  })

  it('dead-letters what a producer sends after its contract changes, until the consumers expect the new one', () => {
    const d = build({ rate: 10, uniform: true })
    const faults = [
      { at: 5000, action: 'contract' as const, link: 'p->q', contract: 'Job v2' },
      { at: 10_000, action: 'contract' as const, link: 'q->w1', contract: 'Job v2' },
      { at: 10_000, action: 'contract' as const, link: 'q->w2', contract: 'Job v2' },
    ]
    const { sim, m } = run(d, 4999, { faults })
    expect(broker(m, 'q').subscriptions[0]!.deadLettered).toBe(0)
    sim.runUntil(9999)
    const mid = broker(sim.metrics(), 'q').subscriptions[0]!
    // about 50 v2 messages in those 5 s, each refused by whichever consumer got it, never retried
    expect(mid.deadLettered).toBeGreaterThanOrEqual(48)
    expect(mid.deadLettered).toBeLessThanOrEqual(51)
    expect(mid.redelivered).toBe(0)
    sim.runUntil(20_000)
    const end = broker(sim.metrics(), 'q').subscriptions[0]!
    // once both consumers expect v2, nothing more is dead-lettered (a v2 message in flight at 10 s may still be)
    expect(end.deadLettered - mid.deadLettered).toBeLessThanOrEqual(1)
    expect(end.acked).toBeGreaterThan(mid.acked + 90)
    expect(client(sim.metrics()).failedBy).toEqual({})
    expectConserved(sim)
  })

  describe('a message carries what held when it was sent, not when it reached the broker', () => {
    // uniform sends at 100, 200, … ms, each 500 ms on its way
    const slow = diagram()
      .client('c', { rate: 10, arrivals: 'uniform' })
      .queue('q', { maxDeliveries: 2 })
      .service('w', { workers: 4, timeDist: 'constant', timeMs: 5 })
      .link('c', 'q', 'message', { latencyMs: 500, contract: 'Job v1' })
      .link('q', 'w', 'message', { latencyMs: 1, contract: 'Job v1' })
      .build()

    it('its contract', () => {
      const { sim, m } = run(slow, 1650, { faults: [{ at: 1050, action: 'contract', link: 'c->q', contract: 'Job v2' }] })
      const sub = broker(m, 'q').subscriptions[0]!
      // arrived: the ten sent by 1 s (v1, though they reached the broker after the switch) and the one sent at 1.1 s (v2)
      expect(sub.published).toBe(11)
      expect(sub.acked).toBe(10)
      expect(sub.deadLettered).toBe(1)
      expectConserved(sim)
    })

    it('its poison', () => {
      const { sim, m } = run(slow, 1599, { faults: [{ at: 1050, action: 'poison', link: 'c->q' }] })
      // the message sent at 1 s reached the broker at 1.5 s, after the fault, and is fine
      expect(broker(m, 'q').subscriptions[0]!.acked).toBe(10)
      expect(server(m, 'w').failed).toBe(0)
      sim.runUntil(3000)
      // the one sent at 1.1 s is the poison: two deliveries, two failures, dead-lettered
      expect(server(sim.metrics(), 'w').failed).toBe(2)
      expect(broker(sim.metrics(), 'q').subscriptions[0]!.deadLettered).toBe(1)
      expectConserved(sim)
    })
  })

  it('keeps the producer decoupled: a consumer’s own async call does not hold the operation', () => {
    const d = diagram()
      .client('c', { rate: 1, arrivals: 'uniform' })
      .queue('q')
      .service('w', { workers: 1, timeDist: 'constant', timeMs: 10 })
      .service('slow', { workers: 1, timeDist: 'constant', timeMs: 500 })
      .link('c', 'q', 'message', { latencyMs: 2 })
      .link('q', 'w', 'message', { latencyMs: 2 })
      .link('w', 'slow', 'async', { latencyMs: 2, pollMs: 100 })
      .build()
    const { sim, m } = run(d, 1999)
    // the operation ends with the broker's ack: 2 ms there, 2 ms back
    expect(client(m).latency.mean).toBe(4)
    expect(link(m, 'w->slow').polls).toBeGreaterThan(3)
    expectConserved(sim)
  })
})
