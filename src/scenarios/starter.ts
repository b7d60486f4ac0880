/**
 * The diagram a first visit opens with: one of each node kind that matters and all four
 * link kinds, small enough to read at a glance. A plain document (see share/document.ts).
 * Columns at x = 40, 310, 570, 890 (the brokers' out-links get more room for their labels);
 * rows at y = 60 + 130·r. Links take 120 ms each way: long enough that a request, its
 * reply and every message are seen travelling when the run plays at 1×.
 */
export const STARTER_DOCUMENT = {
  wireplay: 1,
  nodes: [
    { id: 'client-1', kind: 'client', label: 'Web shop', x: 40, y: 320, settings: { rate: 5 } },
    { id: 'service-1', kind: 'service', label: 'Orders', x: 310, y: 320 },
    { id: 'service-2', kind: 'service', label: 'Reports', x: 310, y: 60, settings: { workers: 2, timeMs: 800, timeDist: 'lognormal' } },
    { id: 'queue-1', kind: 'queue', label: 'Shipping jobs', x: 570, y: 190 },
    { id: 'topic-1', kind: 'topic', label: 'Order events', x: 570, y: 450 },
    { id: 'service-3', kind: 'service', label: 'Shipping', x: 890, y: 190, settings: { workers: 2, timeMs: 50 } },
    { id: 'service-4', kind: 'service', label: 'Email', x: 890, y: 450 },
    { id: 'service-5', kind: 'service', label: 'Analytics', x: 890, y: 580 },
  ],
  links: [
    { id: 'l-1', source: 'client-1', target: 'service-1', kind: 'sync', settings: { latencyMs: 120 } },
    { id: 'l-2', source: 'client-1', target: 'service-2', kind: 'async', settings: { latencyMs: 120, probability: 10 } },
    { id: 'l-3', source: 'service-1', target: 'queue-1', kind: 'message', settings: { latencyMs: 120, contract: 'ShipOrder v1' } },
    { id: 'l-4', source: 'queue-1', target: 'service-3', kind: 'message', settings: { latencyMs: 120, contract: 'ShipOrder v1' } },
    { id: 'l-5', source: 'service-1', target: 'topic-1', kind: 'event', settings: { latencyMs: 120, eventName: 'OrderPlaced' } },
    { id: 'l-6', source: 'topic-1', target: 'service-4', kind: 'event', settings: { latencyMs: 120 } },
    { id: 'l-7', source: 'topic-1', target: 'service-5', kind: 'event', settings: { latencyMs: 120 } },
  ],
} as const
