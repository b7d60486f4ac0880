import type { Scenario } from '../types'

/** The order flow, way 1 of 3: Orders calls stock, payment and email synchronously. */
export const orderFlowSync: Scenario = {
  id: 'order-flow-sync',
  title: 'Placing an order, built with synchronous calls',
  group: 'decoupling',
  summary:
    'Orders reserves stock, takes the payment and sends the email by calling each service and waiting for it. When Payment is down from 10 s to 20 s, no order can be placed: the shop sees every request fail.',
  watch:
    'Orders’ worker is held through all three calls, so the shop waits for the sum of them. At 10 s, errors run back from Payment through Orders to the shop until Payment returns at 20 s. Stock has already reserved items for those failed orders, and no email goes out.',
  tryFault: {
    text: 'Crash Stock as well, and compare with the message and event versions of the same flow.',
    fault: { action: 'crash', node: 'stock' },
  },
  document: {
    wireplay: 1,
    seed: 7,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190, settings: { workers: 16 } },
      { id: 'stock', kind: 'service', label: 'Stock', x: 600, y: 60, settings: { timeMs: 30 } },
      { id: 'payment', kind: 'service', label: 'Payment', x: 600, y: 190, settings: { timeMs: 50 } },
      { id: 'email', kind: 'service', label: 'Email', x: 600, y: 320, settings: { timeMs: 40 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync', settings: { timeoutMs: 3000 } },
      { id: 'orders-stock', source: 'orders', target: 'stock', kind: 'sync' },
      { id: 'orders-payment', source: 'orders', target: 'payment', kind: 'sync' },
      { id: 'orders-email', source: 'orders', target: 'email', kind: 'sync' },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'payment' },
      { at: 20000, action: 'restart', node: 'payment' },
    ],
  },
}
