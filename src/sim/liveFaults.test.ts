import { describe, expect, it } from 'vitest'
import { type Fault, liveFaultTime } from '../model/faults'
import { createSimulation } from './index'
import { diagram } from './testing/diagrams'

/**
 * A fault added live, at the instant the run stands at, must give exactly the run a replay
 * from 0 gives with it on the timeline: the browser replays from 0 whenever someone scrubs
 * back, and a shared link replays it elsewhere. Uniform arrivals and 1 ms latencies put
 * many events on whole milliseconds, where a fault could tie with them.
 */
describe('a fault added live replays exactly', () => {
  const d = diagram()
    .client('c', { rate: 10, arrivals: 'uniform' })
    .service('p', { workers: 2, timeDist: 'constant', timeMs: 1 })
    .queue('q', { maxDeliveries: 2 })
    .topic('t')
    .service('w', { workers: 2, timeDist: 'constant', timeMs: 3 })
    .service('a', { workers: 2, timeDist: 'constant', timeMs: 2 })
    .service('b', { workers: 2, timeDist: 'constant', timeMs: 2 })
    .link('c', 'p', 'sync', { latencyMs: 1 })
    .link('p', 'q', 'message', { latencyMs: 1, contract: 'Job v1' })
    .link('p', 't', 'event', { latencyMs: 1, eventName: 'Done' })
    .link('q', 'w', 'message', { latencyMs: 1, contract: 'Job v1' })
    .link('t', 'a', 'event', { latencyMs: 1 })
    .link('t', 'b', 'event', { latencyMs: 1 })
    .build()

  type Timeless = Fault extends infer F ? (F extends unknown ? Omit<F, 'at'> : never) : never
  const kinds: Timeless[] = [
    { action: 'unsubscribe', link: 't->b' },
    { action: 'poison', link: 'p->q' },
    { action: 'poison', link: 'p->t' },
    { action: 'contract', link: 'p->q', contract: 'Job v2' },
    { action: 'contract', link: 'q->w', contract: 'Job v2' },
    { action: 'detach', link: 'q->w' },
    { action: 'crash', node: 'w' },
    { action: 'errorRate', node: 'a', errorRate: 100 },
    { action: 'serviceTime', node: 'w', timeMs: 7 },
    { action: 'latency', link: 'p->t', addMs: 4 },
  ]

  // 0, fractional instants, and the very milliseconds on which an arrival at 10 s and the
  // hops, service times and publishes after it land
  const stands = [0, 10_000.4, ...Array.from({ length: 10 }, (_, k) => 10_000 + k)]
  it.each(stands)('at %s ms, for every kind of fault', (stand) => {
    for (const kind of kinds) {
      const live = createSimulation({ diagram: d, seed: 5 })
      live.runUntil(stand)
      const fault = { ...kind, at: liveFaultTime(live.now) } as Fault
      live.inject(fault)
      live.runUntil(20_000)
      const replay = createSimulation({ diagram: d, seed: 5, faults: [fault] })
      replay.runUntil(20_000)
      expect(live.metrics(), `${fault.action} at ${fault.at}`).toEqual(replay.metrics())
    }
  })
})
