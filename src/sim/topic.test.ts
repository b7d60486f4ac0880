import { describe, expect, it } from 'vitest'
import { diagram } from './testing/diagrams'
import { broker, client, expectConserved, run, server } from './testing/run'

describe('events through a topic', () => {
  const build = (subscribers: { id: string; filter?: string; s?: object }[]) => {
    const b = diagram().client('c', { rate: 20 }).service('p', { workers: 4, timeMs: 2 }).topic('t')
    for (const s of subscribers) b.service(s.id, { workers: 4, timeMs: 5, ...s.s })
    b.link('c', 'p', 'sync', { latencyMs: 1 }).link('p', 't', 'event', { latencyMs: 1, eventName: 'OrderPlaced' })
    for (const s of subscribers) b.link('t', s.id, 'event', { latencyMs: 1, filter: s.filter ?? '' })
    return b.build()
  }

  it('copies every event to every subscription', () => {
    const { sim, m } = run(build([{ id: 'a' }, { id: 'b' }, { id: 'n' }]), 30_000)
    const t = broker(m, 't')
    expect(t.subscriptions).toHaveLength(3)
    for (const s of t.subscriptions) {
      expect(s.published).toBe(t.published)
      expect(s.acked + s.depth.now).toBe(s.published)
    }
    expect(server(m, 'a').arrivals).toBeGreaterThan(500)
    expectConserved(sim)
  })

  it('honours each subscription’s filter', () => {
    const { m } = run(build([{ id: 'a', filter: 'OrderPlaced, OrderShipped' }, { id: 'b', filter: 'Other' }]), 10_000)
    const [a, b] = broker(m, 't').subscriptions
    expect(a!.published).toBe(broker(m, 't').published)
    expect(b!.published).toBe(0)
    expect(server(m, 'b').arrivals).toBe(0)
  })

  it('changes nothing for the publisher when subscribers come and go', () => {
    const one = run(build([{ id: 'a' }]), 20_000).m
    const three = run(build([{ id: 'a' }, { id: 'b', s: { timeMs: 500, workers: 1 } }, { id: 'n' }]), 20_000).m
    expect(client(three)).toEqual(client(one))
    expect(server(three, 'p').responseTime).toEqual(server(one, 'p').responseTime)
  })

  it('redelivers and dead-letters per subscription', () => {
    const { sim, m } = run(build([{ id: 'a' }, { id: 'bad', s: { errorRate: 100 } }]), 10_000)
    const [a, bad] = broker(m, 't').subscriptions
    expect(a!.deadLettered).toBe(0)
    expect(bad!.deadLettered).toBeGreaterThan(50)
    expect(bad!.redelivered).toBe(bad!.deadLettered * 4 + (bad!.delivered - bad!.deadLettered * 5))
    expectConserved(sim)
  })

  it('copies events only to subscribed subscriptions: a subscriber that joins late gets what is published from then on', () => {
    const faults = [
      { at: 0, action: 'unsubscribe' as const, link: 't->late' },
      { at: 10_000, action: 'subscribe' as const, link: 't->late' },
      { at: 20_000, action: 'unsubscribe' as const, link: 't->late' },
    ]
    const { sim, m } = run(build([{ id: 'a' }, { id: 'late' }]), 9999, { faults })
    const [a, late] = broker(m, 't').subscriptions
    expect(a!.published).toBeGreaterThan(150)
    expect(late!.published).toBe(0)
    expect(server(m, 'late').arrivals).toBe(0)
    sim.runUntil(19_999)
    const before = broker(sim.metrics(), 't').published
    const [a2, late2] = broker(sim.metrics(), 't').subscriptions
    // from 10 s on, every event is copied to both
    expect(late2!.published).toBe(a2!.published - a!.published)
    sim.runUntil(30_000)
    const [a3, late3] = broker(sim.metrics(), 't').subscriptions
    expect(broker(sim.metrics(), 't').published).toBeGreaterThan(before + 150)
    // unsubscribed again: no new copies, and what it held was still delivered and acked
    expect(late3!.published).toBe(late2!.published)
    expect(late3!.acked).toBe(late3!.published)
    expect(a3!.published).toBe(broker(sim.metrics(), 't').published)
    expectConserved(sim)
  })

  it('poisons every copy of a poison event: each subscription dead-letters its own, each subscriber failing it every time', () => {
    const faults = [{ at: 3000, action: 'poison' as const, link: 'p->t' }]
    const { sim, m } = run(build([{ id: 'a' }, { id: 'b' }]), 10_000, { faults })
    for (const s of broker(m, 't').subscriptions) {
      expect(s.deadLettered).toBe(1)
      expect(s.acked + s.depth.now).toBe(s.published - 1)
    }
    // maxDeliveries defaults to 5: five failed tries at each subscriber
    expect(server(m, 'a').failed).toBe(5)
    expect(server(m, 'b').failed).toBe(5)
    expectConserved(sim)
  })

  it('keeps a poison for the next event when nobody is subscribed to get a copy', () => {
    const faults = [
      { at: 0, action: 'unsubscribe' as const, link: 't->a' },
      { at: 1000, action: 'poison' as const, link: 'p->t' },
      { at: 5000, action: 'subscribe' as const, link: 't->a' },
    ]
    const { sim, m } = run(build([{ id: 'a' }]), 10_000, { faults })
    const [a] = broker(m, 't').subscriptions
    expect(a!.deadLettered).toBe(1)
    expect(server(m, 'a').failed).toBe(5)
    expectConserved(sim)
  })

  it('does not refuse a publish for an unsubscribed subscription that is full', () => {
    const d = diagram()
      .client('c', { rate: 10, arrivals: 'uniform' })
      .topic('t', { capacity: 2 })
      .service('a', { workers: 1 })
      .service('b', { workers: 1 })
      .link('c', 't', 'event', { latencyMs: 0, eventName: 'E' })
      .link('t', 'a', 'event', { latencyMs: 0 })
      .link('t', 'b', 'event', { latencyMs: 0 })
      .build()
    // b is away and fills its two places, then unsubscribes: a keeps getting every event
    const faults = [
      { at: 0, action: 'detach' as const, link: 't->b' },
      { at: 500, action: 'unsubscribe' as const, link: 't->b' },
    ]
    const { sim, m } = run(d, 2000, { faults })
    const [a, b] = broker(m, 't').subscriptions
    expect(b!.published).toBe(2)
    expect(broker(m, 't').refused).toBe(2)
    expect(a!.published).toBe(broker(m, 't').published)
    expect(a!.published).toBe(18)
    expectConserved(sim)
  })

  it('keeps a detached subscriber’s events and delivers the backlog when it is back', () => {
    const faults = [
      { at: 1000, action: 'detach' as const, link: 't->a' },
      { at: 11_000, action: 'attach' as const, link: 't->a' },
    ]
    const { sim, m } = run(build([{ id: 'a' }, { id: 'b' }]), 10_999, { faults })
    const [a, b] = broker(m, 't').subscriptions
    expect(a!.ready).toBeGreaterThan(150)
    expect(b!.ready).toBe(0)
    sim.runUntil(20_000)
    const [a2] = broker(sim.metrics(), 't').subscriptions
    expect(a2!.acked + a2!.depth.now).toBe(a2!.published)
    expect(a2!.depth.now).toBeLessThan(5)
    expectConserved(sim)
  })
})
