import type { Scenario } from '../types'

/** Failure mode: a producer sends a new message version its consumer does not understand. */
export const contractMismatch: Scenario = {
  id: 'contract-mismatch',
  title: 'A new message version nobody expected',
  group: 'failures',
  summary:
    'A new release of Orders is rolled out to part of the traffic, and it sends “ShipOrder v2”. Shipping still expects version 1, so it refuses every v2 message and the broker moves them straight to the dead-letter queue. Both versions of Orders see only success: the broker took their messages.',
  watch:
    'Messages from the new Orders reach Shipping and come straight back refused, with no retries: trying again cannot change a message’s shape. The dead-letter count grows while every request from the shop succeeds.',
  tryFault: {
    text: 'Crash the old Orders. Its share of the shop now fails, while the new one keeps producing messages that all end in the dead-letter queue.',
    fault: { action: 'crash', node: 'orders-v1' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 60, settings: { rate: 8 } },
      { id: 'canary-shop', kind: 'client', label: 'Web shop (canary share)', x: 40, y: 320, settings: { rate: 2 } },
      { id: 'orders-v1', kind: 'service', label: 'Orders (release 1)', x: 320, y: 60 },
      { id: 'orders-v2', kind: 'service', label: 'Orders (release 2)', x: 320, y: 320 },
      { id: 'ship-queue', kind: 'queue', label: 'Orders to ship', x: 600, y: 190 },
      { id: 'shipping', kind: 'service', label: 'Shipping', x: 880, y: 190, settings: { workers: 2, timeMs: 50 } },
    ],
    links: [
      { id: 'shop-orders-v1', source: 'shop', target: 'orders-v1', kind: 'sync' },
      { id: 'canary-orders-v2', source: 'canary-shop', target: 'orders-v2', kind: 'sync' },
      { id: 'orders-v1-queue', source: 'orders-v1', target: 'ship-queue', kind: 'message', settings: { contract: 'ShipOrder v1' } },
      { id: 'orders-v2-queue', source: 'orders-v2', target: 'ship-queue', kind: 'message', settings: { contract: 'ShipOrder v2' } },
      { id: 'queue-shipping', source: 'ship-queue', target: 'shipping', kind: 'message', settings: { contract: 'ShipOrder v1' } },
    ],
  },
}
