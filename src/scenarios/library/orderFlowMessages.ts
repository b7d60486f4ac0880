import type { Scenario } from '../types'

/** The order flow, way 2 of 3: Orders sends a command message to each service's queue. */
export const orderFlowMessages: Scenario = {
  id: 'order-flow-messages',
  title: 'Placing an order, built with messages',
  group: 'decoupling',
  summary:
    'Orders sends three commands, one into each service’s queue, and answers the shop as soon as the broker has them. When Payment is down from 10 s to 20 s, the shop sees no errors: payment commands wait in their queue and are handled when Payment returns.',
  watch:
    'At 10 s the Payment queue starts to fill while the shop’s requests keep succeeding. At 20 s Payment works it off. Orders still knows all three queues and what each command looks like.',
  tryFault: {
    text: 'Crash Stock as well: its commands wait in the Stock queue too, and the shop still sees no errors.',
    fault: { action: 'crash', node: 'stock' },
  },
  document: {
    wireplay: 1,
    seed: 7,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190, settings: { workers: 16 } },
      { id: 'stock-queue', kind: 'queue', label: 'Stock commands', x: 600, y: 60 },
      { id: 'payment-queue', kind: 'queue', label: 'Payment commands', x: 600, y: 190 },
      { id: 'email-queue', kind: 'queue', label: 'Email commands', x: 600, y: 320 },
      { id: 'stock', kind: 'service', label: 'Stock', x: 880, y: 60, settings: { timeMs: 30 } },
      { id: 'payment', kind: 'service', label: 'Payment', x: 880, y: 190, settings: { timeMs: 50 } },
      { id: 'email', kind: 'service', label: 'Email', x: 880, y: 320, settings: { timeMs: 40 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync', settings: { timeoutMs: 3000 } },
      { id: 'orders-stock-queue', source: 'orders', target: 'stock-queue', kind: 'message', settings: { contract: 'ReserveStock v1' } },
      { id: 'orders-payment-queue', source: 'orders', target: 'payment-queue', kind: 'message', settings: { contract: 'TakePayment v1' } },
      { id: 'orders-email-queue', source: 'orders', target: 'email-queue', kind: 'message', settings: { contract: 'SendOrderEmail v1' } },
      { id: 'stock-queue-stock', source: 'stock-queue', target: 'stock', kind: 'message', settings: { contract: 'ReserveStock v1' } },
      { id: 'payment-queue-payment', source: 'payment-queue', target: 'payment', kind: 'message', settings: { contract: 'TakePayment v1' } },
      { id: 'email-queue-email', source: 'email-queue', target: 'email', kind: 'message', settings: { contract: 'SendOrderEmail v1' } },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'payment' },
      { at: 20000, action: 'restart', node: 'payment' },
    ],
  },
}
