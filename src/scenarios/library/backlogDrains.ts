import type { Scenario } from '../types'

/** Failure mode made harmless: a queue holds the work while its only consumer is down. */
export const backlogDrains: Scenario = {
  id: 'backlog-drains',
  title: 'A backlog that waits out an outage',
  group: 'failures',
  summary:
    'Fulfilment is down for twenty seconds. Orders keeps putting messages into the queue and keeps answering the shop, so no customer sees an error. When Fulfilment returns it works through the backlog, and every order is handled once.',
  watch:
    'From 10 s the queue’s count climbs while the shop’s requests still succeed. At 30 s Fulfilment is back: its workers are all busy until the queue is empty again.',
  tryFault: {
    text: 'Detach Fulfilment from the queue instead of crashing it, then attach it again: the same backlog builds and drains.',
    fault: { action: 'detach', link: 'queue-fulfilment' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190 },
      { id: 'order-queue', kind: 'queue', label: 'Orders to fulfil', x: 600, y: 190, settings: { ackTimeoutMs: 5000 } },
      { id: 'fulfilment', kind: 'service', label: 'Fulfilment', x: 880, y: 190, settings: { workers: 4, timeMs: 100 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' },
      { id: 'orders-queue', source: 'orders', target: 'order-queue', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
      { id: 'queue-fulfilment', source: 'order-queue', target: 'fulfilment', kind: 'message', settings: { contract: 'FulfilOrder v1' } },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'fulfilment' },
      { at: 30000, action: 'restart', node: 'fulfilment' },
    ],
  },
}
