import { describe, expect, it } from 'vitest'
import { Engine } from './engine'
import { diagram } from './testing/diagrams'

/**
 * An overloaded diagram that exercises everything that could pile up over a long run:
 * calls that time out and retry, a saturated database, a queue whose consumer is too slow
 * and too late to ack (redeliveries, dead letters), a topic with a slow subscriber.
 */
const overloaded = diagram()
  .client('c', { rate: 300 })
  .service('api', { replicas: 2, workers: 8, timeMs: 5, queueLimit: 50 })
  .database('db', { workers: 2, timeMs: 20, queueLimit: 200 })
  .queue('jobs', { capacity: 500, ackTimeoutMs: 40, maxDeliveries: 2 })
  .service('worker', { workers: 2, timeMs: 30 })
  .topic('events', { capacity: 300 })
  .service('audit', { workers: 1, timeMs: 10 })
  .link('c', 'api', 'sync', { latencyMs: 1, timeoutMs: 400 })
  .link('api', 'db', 'sync', { latencyMs: 2, timeoutMs: 100, retries: 2, backoffMs: 20 })
  .link('api', 'jobs', 'message', { latencyMs: 1, contract: 'Job v1' })
  .link('jobs', 'worker', 'message', { latencyMs: 1, contract: 'Job v1' })
  .link('api', 'events', 'event', { latencyMs: 1, eventName: 'Done' })
  .link('events', 'audit', 'event', { latencyMs: 1 })
  .build()

/** Everything the engine holds that could grow with time: pending events, timers, queues. */
function held(e: Engine): number {
  let n = e.s.pending
  for (const l of e.world.links) n += l.timeoutLane.size + l.deadlineLane.size
  for (const s of e.world.subs) n += s.lane.size + s.ready.size
  for (const node of e.world.nodes) for (const r of node.replicas) n += r.queue.size + r.active.length
  return n
}

describe('memory over a long run', () => {
  it('stays bounded: after 12 minutes the engine holds no more than after 2, and the trace keeps its size', { timeout: 30_000 }, () => {
    const e = new Engine({ diagram: overloaded, seed: 3, faults: [], traceCapacity: 500 })
    e.runUntil(2 * 60_000)
    const early = held(e)
    e.runUntil(12 * 60_000)
    const late = held(e)
    // it is busy: timeouts, retries, redeliveries and dead letters all happen
    const db = e.world.links.find((l) => l.target.id === 'db')!
    const sub = e.world.subs.find((s) => s.broker.id === 'jobs')!
    expect([db.timeouts > 0, db.retried > 0, sub.redelivered > 0, sub.deadLettered > 0]).toEqual([true, true, true, true])
    expect(early).toBeGreaterThan(50)
    // six times the run, not six times the memory: a leak would grow with time
    expect(late).toBeLessThan(early * 2)
    expect(e.trace.read(e.world.links.map((l) => l.id), e.world.nodes.map((n) => n.id))).toHaveLength(500)
  })
})
