import type { Scenario } from '../types'

/** The order flow, way 3 of 3: Orders publishes one event; the services subscribe to it. */
export const orderFlowEvents: Scenario = {
  id: 'order-flow-events',
  title: 'Placing an order, built with events',
  group: 'decoupling',
  summary:
    'Orders publishes a single “OrderPlaced” event and answers the shop. Stock, Payment and Email each subscribe and react on their own. When Payment is down from 10 s to 20 s, the shop sees no errors, and Orders does not even know Payment exists.',
  watch:
    'One event leaves Orders, three copies leave the topic. At 10 s only Payment’s subscription fills; at 20 s it drains. Orders makes one call per order instead of three.',
  tryFault: {
    text: 'Crash Stock as well: only its subscription and Payment’s fill; Email and the shop carry on.',
    fault: { action: 'crash', node: 'stock' },
  },
  document: {
    wireplay: 1,
    seed: 7,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190, settings: { workers: 16 } },
      { id: 'order-events', kind: 'topic', label: 'Order events', x: 600, y: 190 },
      { id: 'stock', kind: 'service', label: 'Stock', x: 880, y: 60, settings: { timeMs: 30 } },
      { id: 'payment', kind: 'service', label: 'Payment', x: 880, y: 190, settings: { timeMs: 50 } },
      { id: 'email', kind: 'service', label: 'Email', x: 880, y: 320, settings: { timeMs: 40 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync', settings: { timeoutMs: 3000 } },
      { id: 'orders-events', source: 'orders', target: 'order-events', kind: 'event', settings: { eventName: 'OrderPlaced' } },
      { id: 'events-stock', source: 'order-events', target: 'stock', kind: 'event' },
      { id: 'events-payment', source: 'order-events', target: 'payment', kind: 'event' },
      { id: 'events-email', source: 'order-events', target: 'email', kind: 'event' },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'payment' },
      { at: 20000, action: 'restart', node: 'payment' },
    ],
  },
}
