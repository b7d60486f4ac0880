import { describe, expect, it } from 'vitest'
import { type Fault, timelineAt } from '../../model/faults'
import { parseDocument } from '../../share/document'
import { STARTER_DOCUMENT } from '../../scenarios/starter'
import { faultAmounts, faultChoices, faultsBy, nextVersion } from './faultChoices'
import { runNote } from './runNote'
import { formatSimTime, formatSpan } from './formatTime'

const starter = () => {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter')
  return r.value
}

describe('the simulated clock', () => {
  it('reads in seconds, then minutes, then hours', () => {
    expect(formatSimTime(0)).toBe('0.000 s')
    expect(formatSimTime(12_345)).toBe('12.345 s')
    expect(formatSimTime(245_120)).toBe('4:05.120')
    expect(formatSimTime(3_723_000)).toBe('1:02:03')
    expect(formatSpan(90_000)).toBe('2 min')
    expect(formatSpan(3_900_000)).toBe('1 h 5 min')
  })
})

describe('the faults one can inject', () => {
  it('offers crash, restart, per-replica crash and error rate for a service', () => {
    const d = starter()
    const orders = faultChoices(d, { node: 'service-1' })
    expect(orders.map((c) => c.label)).toEqual(['Crash Orders', 'Restart Orders', 'Raise the error rate to 50 %', 'Slow Orders to 100 ms'])
    const two = { ...d, nodes: d.nodes.map((n) => (n.id === 'service-1' && n.kind === 'service' ? { ...n, settings: { ...n.settings, replicas: 2 } } : n)) }
    expect(faultChoices(two, { node: 'service-1' }).map((c) => c.fault)).toContainEqual({ action: 'crash', node: 'service-1', replica: 2 })
  })

  it('offers nothing for clients and brokers, latency for calls, detach or attach for consumers', () => {
    const d = starter()
    expect(faultChoices(d, { node: 'client-1' })).toEqual([])
    expect(faultChoices(d, { node: 'queue-1' })).toEqual([])
    expect(faultChoices(d, { link: 'l-1' }).map((c) => c.label)).toEqual(['Slow this link by 200 ms'])
    const slowed = timelineAt([{ at: 1000, action: 'latency', link: 'l-1', addMs: 200 }], 1000)
    expect(faultChoices(d, { link: 'l-1' }, slowed).map((c) => c.fault)).toEqual([{ action: 'latency', link: 'l-1', addMs: 0 }])
    expect(faultChoices(d, { link: 'l-4' }).map((c) => c.fault)).toEqual([{ action: 'detach', link: 'l-4' }])
    const faults: Fault[] = [{ at: 1000, action: 'detach', link: 'l-4' }]
    expect(faultChoices(d, { link: 'l-4' }, timelineAt(faults, 1500)).map((c) => c.fault)).toEqual([{ action: 'attach', link: 'l-4' }])
    expect(timelineAt(faults, 500).detached.size).toBe(0)
    expect(timelineAt([...faults, { at: 2000, action: 'attach', link: 'l-4' }], 2500).detached.size).toBe(0)
  })

  it('offers a poison message and the next contract version on a producer’s link, and catching up on the consumer’s', () => {
    const d = starter()
    expect(faultChoices(d, { link: 'l-3' }).map((c) => c.label)).toEqual(['Slow this link by 200 ms', 'Send a poison message', 'Send “ShipOrder v2” from now on'])
    expect(faultChoices(d, { link: 'l-3' })[2]!.fault).toEqual({ action: 'contract', link: 'l-3', contract: 'ShipOrder v2' })
    // an event link has no contract to change
    expect(faultChoices(d, { link: 'l-5' }).map((c) => c.fault.action)).toEqual(['latency', 'poison'])
    // once the producer sends v2, the next bump is v3 and the consumer may accept v2
    const later = timelineAt([{ at: 1000, action: 'contract', link: 'l-3', contract: 'ShipOrder v2' }], 2000)
    expect(faultChoices(d, { link: 'l-3' }, later).at(-1)!.label).toBe('Send “ShipOrder v3” from now on')
    expect(faultChoices(d, { link: 'l-4' }, later).map((c) => c.fault)).toEqual([
      { action: 'detach', link: 'l-4' },
      { action: 'contract', link: 'l-4', contract: 'ShipOrder v2' },
    ])
    expect(nextVersion('Job v9')).toBe('Job v10')
    expect(nextVersion('Job v9999')).toBeNull()
  })

  it('counts the faults of a timeline up to an instant', () => {
    const faults: Fault[] = [
      { at: 0, action: 'detach', link: 'l-4' },
      { at: 1000, action: 'attach', link: 'l-4' },
      { at: 1000, action: 'detach', link: 'l-4' },
    ]
    expect([faultsBy(faults, 0), faultsBy(faults, 999), faultsBy(faults, 1000), faultsBy([], 5)]).toEqual([1, 1, 3, 0])
  })

  it('offers unsubscribing a topic’s subscriber, and subscribing again once it has', () => {
    const d = starter()
    expect(faultChoices(d, { link: 'l-6' }).map((c) => c.fault)).toEqual([
      { action: 'detach', link: 'l-6' },
      { action: 'unsubscribe', link: 'l-6' },
    ])
    const gone = timelineAt([{ at: 1000, action: 'unsubscribe', link: 'l-6' }], 1000)
    expect(faultChoices(d, { link: 'l-6' }, gone).map((c) => c.label)).toEqual(['Detach this consumer', 'Subscribe to the topic'])
  })

  it('offers setting the error rate back to 0 % once the timeline has raised it', () => {
    const d = starter()
    const raised = timelineAt([{ at: 1000, action: 'errorRate', node: 'service-1', errorRate: 50 }], 1000)
    expect(faultChoices(d, { node: 'service-1' }, raised).map((c) => c.fault)).toContainEqual({ action: 'errorRate', node: 'service-1', errorRate: 0 })
  })

  it('slows a service to five times its service time, and offers it back once the timeline changed it', () => {
    const d = starter()
    expect(faultChoices(d, { node: 'service-1' }).at(-1)!.fault).toEqual({ action: 'serviceTime', node: 'service-1', timeMs: 100 })
    const slowed = timelineAt([{ at: 1000, action: 'serviceTime', node: 'service-1', timeMs: 1500 }], 1000)
    // a service already at the longest time cannot be slowed further: nothing offered
    const longest = { ...d, nodes: d.nodes.map((n) => (n.id === 'service-1' && n.kind === 'service' ? { ...n, settings: { ...n.settings, timeMs: 3_600_000 } } : n)) }
    expect(faultChoices(longest, { node: 'service-1' }).some((c) => c.fault.action === 'serviceTime')).toBe(false)
    expect(faultChoices(d, { node: 'service-1' }, slowed).at(-1)).toMatchObject({ label: 'Restore the service time (20 ms)', fault: { action: 'serviceTime', node: 'service-1', timeMs: 20 }, harmful: false })
  })

  it('offers typed amounts that start from what the timeline has made them', () => {
    const d = starter()
    const [service] = faultAmounts(d, { node: 'service-1' })
    expect(service).toMatchObject({ label: 'Service time from now', value: 20, min: 0, max: 3_600_000 })
    expect(service!.fault(1500)).toEqual({ action: 'serviceTime', node: 'service-1', timeMs: 1500 })
    const timeline = timelineAt([{ at: 1, action: 'serviceTime', node: 'service-1', timeMs: 1500 }, { at: 1, action: 'latency', link: 'l-1', addMs: 300 }], 1)
    expect(faultAmounts(d, { node: 'service-1' }, timeline)[0]!.value).toBe(1500)
    const [link] = faultAmounts(d, { link: 'l-1' }, timeline)
    expect(link).toMatchObject({ label: 'Added latency from now', value: 300, max: 60_000 })
    expect(link!.fault(0)).toEqual({ action: 'latency', link: 'l-1', addMs: 0 })
    expect(faultAmounts(d, { node: 'queue-1' })).toEqual([])
  })

  it('offers only what can happen now: no restart for a service that is up, no crash for one that is down', () => {
    const d = starter()
    const two = { ...d, nodes: d.nodes.map((n) => (n.id === 'service-1' && n.kind === 'service' ? { ...n, settings: { ...n.settings, replicas: 2 } } : n)) }
    const labels = (states: ('up' | 'crashed' | 'restarting')[]) => faultChoices(two, { node: 'service-1' }, undefined, states).map((c) => c.label)
    expect(labels(['up', 'up'])).toEqual(['Crash Orders', 'Crash replica 1', 'Crash replica 2', 'Raise the error rate to 50 %', 'Slow Orders to 100 ms'])
    expect(labels(['up', 'crashed'])).toEqual(['Crash Orders', 'Restart Orders', 'Crash replica 1', 'Raise the error rate to 50 %', 'Slow Orders to 100 ms'])
    expect(labels(['crashed', 'restarting'])).toEqual(['Restart Orders', 'Raise the error rate to 50 %', 'Slow Orders to 100 ms'])
  })
})

describe('what the run made of a link, under its settings', () => {
  const d = starter()
  const at = (faults: Fault[]) => ({ ...d, faults })
  const l3 = d.links.find((l) => l.id === 'l-3')!
  const l4 = d.links.find((l) => l.id === 'l-4')!
  it('says nothing when the timeline has not touched it or its queue’s contracts', () => {
    expect(runNote(at([]), l3, 5000)).toBe('')
    expect(runNote(at([{ at: 1000, action: 'crash', node: 'service-1' }]), l4, 5000)).toBe('')
  })
  it('says what a contract fault made of both sides of the queue, from the instant it happens', () => {
    const switched = at([{ at: 1000, action: 'contract', link: 'l-3', contract: 'ShipOrder v2' }])
    expect(runNote(switched, l3, 999)).toBe('')
    expect(runNote(switched, l3, 1000)).toBe('In the run, by a fault on its timeline, this link now speaks “ShipOrder v2”. Some of its consumers expect something else: Shipping (“ShipOrder v1”). What it sends now is dead-lettered when it reaches them.')
    expect(runNote(switched, l4, 1000)).toBe('Its producers now send something else: Orders (“ShipOrder v2”). This consumer refuses those messages and they are dead-lettered.')
    const caughtUp = at([...switched.faults, { at: 2000, action: 'contract', link: 'l-4', contract: 'ShipOrder v2' }])
    expect(runNote(caughtUp, l4, 2000)).toBe('In the run, by a fault on its timeline, this link now speaks “ShipOrder v2”.')
  })
  it('says a consumer is detached or a subscriber gone', () => {
    const l6 = d.links.find((l) => l.id === 'l-6')!
    expect(runNote(at([{ at: 0, action: 'detach', link: 'l-6' }, { at: 0, action: 'unsubscribe', link: 'l-6' }]), l6, 0)).toBe('In the run, by a fault on its timeline, this link now is detached and is not subscribed.')
  })
  it('says a link was slowed, until it is restored', () => {
    const slowed = at([{ at: 1000, action: 'latency', link: 'l-3', addMs: 200 }, { at: 3000, action: 'latency', link: 'l-3', addMs: 0 }])
    expect(runNote(slowed, l3, 1000)).toBe('In the run, by a fault on its timeline, this link now takes 200 ms longer each way.')
    expect(runNote(slowed, l3, 3000)).toBe('')
  })
})
