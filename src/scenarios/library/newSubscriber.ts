import type { Scenario } from '../types'

/** Decoupling: a subscriber joins a topic mid-run and the publisher does not change at all. */
export const newSubscriber: Scenario = {
  id: 'new-subscriber',
  title: 'A new subscriber, publisher untouched',
  group: 'decoupling',
  summary:
    'The loyalty team wants to give points for every order. At 20 s they subscribe a new Loyalty service to the existing Order events topic; Orders is not changed, redeployed or even told, and its numbers stay exactly what they would be without Loyalty.',
  watch:
    'Orders sends one event per order throughout. Loyalty’s link is drawn from the start but faint, “not subscribed”, until 20 s (the mark at 0 s on the timeline): until then the topic hands out two copies of each event, from then on three. Loyalty gets every event published after it subscribed, none from before. Orders’ response time and the shop’s latency do not move.',
  tryFault: {
    text: 'Crash Loyalty. Its events wait in its own subscription; Orders, Email and Warehouse do not notice.',
    fault: { action: 'crash', node: 'loyalty' },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Web shop', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'orders', kind: 'service', label: 'Orders', x: 400, y: 190 },
      { id: 'order-events', kind: 'topic', label: 'Order events', x: 760, y: 190 },
      { id: 'email', kind: 'service', label: 'Email', x: 1120, y: 60, settings: { timeMs: 40 } },
      { id: 'warehouse', kind: 'service', label: 'Warehouse', x: 1120, y: 190, settings: { timeMs: 60 } },
      { id: 'loyalty', kind: 'service', label: 'Loyalty (new)', x: 1120, y: 320, settings: { workers: 2, timeMs: 80 } },
    ],
    links: [
      { id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' },
      { id: 'orders-events', source: 'orders', target: 'order-events', kind: 'event', settings: { eventName: 'OrderPlaced' } },
      { id: 'events-email', source: 'order-events', target: 'email', kind: 'event' },
      { id: 'events-warehouse', source: 'order-events', target: 'warehouse', kind: 'event' },
      { id: 'events-loyalty', source: 'order-events', target: 'loyalty', kind: 'event', settings: { filter: 'OrderPlaced' } },
    ],
    // not subscribed yet when the run starts; it subscribes at 20 s
    faults: [
      { at: 0, action: 'unsubscribe', link: 'events-loyalty' },
      { at: 20000, action: 'subscribe', link: 'events-loyalty' },
    ],
  },
}
