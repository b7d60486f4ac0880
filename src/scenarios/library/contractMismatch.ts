import type { Scenario } from '../types'

/** Failure mode: a producer sends a new message version its consumer does not understand. */
export const contractMismatch: Scenario = {
  id: 'contract-mismatch',
  title: 'A new message version nobody expected',
  group: 'failures',
  summary:
    'Orders sends “ShipOrder v1” messages to Shipping through a queue. At 15 s a new release of Orders goes out and sends “ShipOrder v2” instead; nobody told Shipping, which still expects v1. It refuses every v2 message and the broker moves each straight to the dead-letter queue, while the shop sees only success: the broker took every message.',
  watch:
    'Until 15 s every message is handled. From then on messages reach Shipping and come straight back refused, with no retries: trying again cannot change a message’s shape. The dead-letter count climbs with every order while every request from the shop succeeds.',
  tryFault: {
    text: 'Make Shipping expect “ShipOrder v2” from 20 s on. The dead-letter count stops growing; the messages already there stay until someone replays them. (Pressed after 20 s, it happens at once; right-clicking the link into Shipping does the same by hand.)',
    fault: { at: 20000, action: 'contract', link: 'queue-shipping', contract: 'ShipOrder v2' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 8 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 400, y: 190 },
      { id: 'ship-queue', kind: 'queue', label: 'Orders to ship', x: 760, y: 190 },
      { id: 'shipping', kind: 'service', label: 'Shipping', x: 1120, y: 190, settings: { workers: 4, timeMs: 50 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' },
      { id: 'orders-queue', source: 'orders', target: 'ship-queue', kind: 'message', settings: { latencyMs: 120, contract: 'ShipOrder v1' } },
      { id: 'queue-shipping', source: 'ship-queue', target: 'shipping', kind: 'message', settings: { latencyMs: 120, contract: 'ShipOrder v1' } },
    ],
    faults: [{ at: 15000, action: 'contract', link: 'orders-queue', contract: 'ShipOrder v2' }],
  },
}
