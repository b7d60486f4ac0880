import type { Scenario } from '../types'

/** Failure mode with a way out: a crashed service restarts by itself after its heal delay. */
export const selfHealing: Scenario = {
  id: 'self-healing',
  title: 'A service that heals itself',
  group: 'failures',
  summary:
    'Both replicas of Orders crash at 10 s. Nobody restarts them by hand: they are set to restart themselves after 5 s, like a container orchestrator would. Requests fail only during those five seconds.',
  watch:
    'At 10 s Orders’ replicas turn crashed, then restarting, and the shop’s requests fail. At 15 s they are up again and requests succeed without anyone touching anything.',
  tryFault: {
    text: 'Crash only replica 1. The other replica takes all the traffic; at most the few requests replica 1 was holding at that instant fail.',
    fault: { action: 'crash', node: 'orders', replica: 1 },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190, settings: { replicas: 2, timeMs: 30, healMs: 5000 } },
      { id: 'orders-db', kind: 'database', label: 'Orders DB', x: 600, y: 190 },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' },
      { id: 'orders-db-call', source: 'orders', target: 'orders-db', kind: 'sync' },
    ],
    faults: [{ at: 10000, action: 'crash', node: 'orders' }],
  },
}
