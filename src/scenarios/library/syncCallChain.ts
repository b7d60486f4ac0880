import type { Scenario } from '../types'

/** Pattern 1: synchronous HTTP, a chain of callers each waiting for the one below. */
export const syncCallChain: Scenario = {
  id: 'sync-call-chain',
  title: 'A chain of synchronous calls',
  group: 'patterns',
  summary:
    'Each service calls the next one over HTTP and waits for the answer before it can reply. The time at the top is the sum of every step below it, and a caller’s worker stays busy for that whole time, even while it only waits.',
  watch:
    'Follow one request down to the database and back. The API gateway does almost no work of its own, yet its worker dots stay filled as long as Orders and the database take: that is the caller waiting.',
  tryFault: {
    text: 'Crash the Orders DB. Every shopper’s request now fails, although only the database is down: the error travels back up the whole chain.',
    fault: { action: 'crash', node: 'orders-db' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', x: 40, y: 190, settings: { rate: 20 } },
      { id: 'gateway', kind: 'service', label: 'API gateway', x: 320, y: 190, settings: { workers: 8, timeMs: 5 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 600, y: 190, settings: { workers: 8, timeMs: 30 } },
      { id: 'orders-db', kind: 'database', label: 'Orders DB', x: 880, y: 190, settings: { timeMs: 15 } },
    ],
    links: [
      { id: 'shoppers-gateway', source: 'shoppers', target: 'gateway', kind: 'sync', settings: { timeoutMs: 3000 } },
      { id: 'gateway-orders', source: 'gateway', target: 'orders', kind: 'sync', settings: { timeoutMs: 2000 } },
      { id: 'orders-db-call', source: 'orders', target: 'orders-db', kind: 'sync' },
    ],
  },
  lesson: [
    {
      narration:
        'Shoppers call the API gateway, the gateway calls Orders, Orders calls its database. Every arrow is a request that waits for its answer. Let it run for a few seconds.',
      highlight: { links: ['shoppers-gateway', 'gateway-orders', 'orders-db-call'] },
      action: { kind: 'runTo', at: 5000 },
    },
    {
      narration:
        'The gateway itself needs about 5 ms per request, yet each of its workers is busy for the whole trip below it: Orders’ 30 ms, the database’s 15 ms and every network hop. Compare the response times of the three boxes in the metrics.',
      highlight: { nodes: ['gateway', 'orders', 'orders-db'] },
      action: { kind: 'runTo', at: 10000 },
    },
    {
      narration: 'Now the network between Orders and its database gets slow: 200 ms more each way.',
      highlight: { links: ['orders-db-call'] },
      question: {
        prompt: 'The API gateway never talks to the database. What happens to it?',
        choices: [
          'Nothing: the database is not its problem',
          'Its workers stay busy longer, fill up, and requests start to queue at the gateway too',
          'It answers faster, because Orders does less',
        ],
        answer: 1,
        explain:
          'Each gateway worker waits for Orders, and Orders waits for the database. 400 ms more per request means every worker up the chain is held 400 ms longer. With 20 requests a second, 8 workers are no longer enough.',
      },
      action: { kind: 'fault', fault: { at: 10000, action: 'latency', link: 'orders-db-call', addMs: 200 } },
    },
    {
      narration: 'Watch the gateway’s worker dots: all eight are busy now, and requests queue in front of it. Shoppers wait longer and longer, though the gateway itself is no slower.',
      highlight: { nodes: ['gateway', 'orders'] },
      action: { kind: 'runTo', at: 20000 },
    },
    {
      narration: 'The network recovers. The queues that built up still have to be worked off before the times return to normal.',
      highlight: { links: ['orders-db-call'] },
      action: { kind: 'fault', fault: { at: 20000, action: 'latency', link: 'orders-db-call', addMs: 0 } },
    },
    {
      narration:
        'Synchronous calls are simple to follow, and the caller gets its answer at once. The price: the caller is tied in time to everything below it. A slow step anywhere is slow for everyone above.',
      action: { kind: 'runTo', at: 30000 },
    },
  ],
}
