import type { Scenario } from '../types'

/** Pattern 4: one event published to a topic, a copy for every subscriber. */
export const eventFanOut: Scenario = {
  id: 'event-fan-out',
  title: 'One event, many subscribers',
  group: 'patterns',
  summary:
    'Orders announces “OrderPlaced” on a topic and is done: it does not know who listens. The topic keeps a copy of every event for each subscriber, and each subscriber works through its copies at its own pace.',
  watch:
    'One event arrives at the topic and three copies leave it. Analytics is slow, yet Orders answers just as fast: its job ends when the broker acknowledges the event.',
  tryFault: {
    text: 'Crash Email. Its copies pile up in its own subscription while Warehouse, Analytics and Orders carry on; it catches up when it is back (it restarts itself after 8 s).',
    fault: { action: 'crash', node: 'email' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'checkout', kind: 'client', label: 'Checkout', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 320, y: 190 },
      { id: 'order-events', kind: 'topic', label: 'Order events', x: 600, y: 190, settings: { ackTimeoutMs: 5000 } },
      { id: 'email', kind: 'service', label: 'Email', x: 880, y: 60, settings: { timeMs: 40, healMs: 8000 } },
      { id: 'warehouse', kind: 'service', label: 'Warehouse', x: 880, y: 190, settings: { timeMs: 60, healMs: 8000 } },
      { id: 'analytics', kind: 'service', label: 'Analytics', x: 880, y: 320, settings: { workers: 4, timeMs: 300, healMs: 8000 } },
    ],
    links: [
      { id: 'checkout-orders', source: 'checkout', target: 'orders', kind: 'sync' },
      { id: 'orders-events', source: 'orders', target: 'order-events', kind: 'event', settings: { eventName: 'OrderPlaced' } },
      { id: 'events-email', source: 'order-events', target: 'email', kind: 'event' },
      { id: 'events-warehouse', source: 'order-events', target: 'warehouse', kind: 'event' },
      { id: 'events-analytics', source: 'order-events', target: 'analytics', kind: 'event' },
    ],
  },
  lesson: [
    {
      narration: 'Checkout places ten orders a second. For each one, Orders publishes an “OrderPlaced” event on the Order events topic.',
      highlight: { nodes: ['orders', 'order-events'], links: ['orders-events'] },
      action: { kind: 'runTo', at: 3000 },
    },
    {
      narration: 'Three services subscribe to the topic: Email, Warehouse and Analytics.',
      highlight: { links: ['events-email', 'events-warehouse', 'events-analytics'] },
      question: {
        prompt: 'Orders publishes one event. How many copies does the topic hand out?',
        choices: ['One, to whichever subscriber is free first', 'Three: one for each subscriber', 'None until a subscriber asks for it'],
        answer: 1,
        explain: 'Each subscriber has its own durable subscription, and every event is copied into each. This is the difference from a queue, where one message goes to one consumer.',
      },
      action: { kind: 'runTo', at: 10000 },
    },
    {
      narration: 'Analytics takes 300 ms per event, Email 40 ms. Yet Orders’ response time stays around 30 ms: it waits only for the broker’s acknowledgement, never for a subscriber.',
      highlight: { nodes: ['orders', 'analytics'] },
      question: {
        prompt: 'Analytics crashes. What happens to Orders and to the shoppers?',
        choices: [
          'Orders’ requests fail, because one subscriber is missing',
          'Nothing they can see: Analytics’ copies wait in its subscription until it is back',
          'The topic stops taking events until Analytics returns',
        ],
        answer: 1,
        explain: 'The publisher is coupled to the topic, not to the subscribers. Analytics’ subscription is durable: its events wait there, and nothing is lost.',
      },
      action: { kind: 'fault', fault: { at: 10000, action: 'crash', node: 'analytics' } },
    },
    {
      narration: 'Analytics is down. Watch its subscription fill at the topic while Email and Warehouse carry on and Checkout sees no errors. Analytics restarts itself after 8 s.',
      highlight: { nodes: ['analytics', 'order-events'] },
      action: { kind: 'runTo', at: 18000 },
    },
    {
      narration: 'Analytics is back and works through what waited for it. Its copies get older, but none are lost; the other subscribers never noticed.',
      highlight: { links: ['events-analytics'] },
      action: { kind: 'runTo', at: 30000 },
    },
  ],
}
