import type { Scenario } from '../types'

/** Failure mode: one crashed service fails every synchronous caller above it. */
export const cascadeFailure: Scenario = {
  id: 'cascade-failure',
  title: 'A crash that cascades up a call chain',
  group: 'failures',
  summary:
    'Payments crashes for ten seconds. Storefront and Checkout are healthy, but they call Payments synchronously and cannot answer without it, so every shopper’s request fails while Payments is down.',
  watch:
    'At 10 s Payments goes down and red error replies run back up the chain: Checkout fails, then Storefront, then the shoppers. At 20 s Payments is restarted and everything recovers at once.',
  tryFault: {
    text: 'Slow the link to Payments by 1.5 s instead of crashing it. Now Checkout’s workers hang on until their 1 s timeout: a slow service can hurt its callers more than a dead one.',
    fault: { action: 'latency', link: 'checkout-payments', addMs: 1500 },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', x: 40, y: 190, settings: { rate: 10 } },
      { id: 'storefront', kind: 'service', label: 'Storefront', x: 320, y: 190, settings: { workers: 8, timeMs: 10 } },
      { id: 'checkout', kind: 'service', label: 'Checkout', x: 600, y: 190, settings: { workers: 8, timeMs: 20 } },
      { id: 'payments', kind: 'service', label: 'Payments', x: 880, y: 190, settings: { timeMs: 40 } },
    ],
    links: [
      { id: 'shoppers-storefront', source: 'shoppers', target: 'storefront', kind: 'sync', settings: { timeoutMs: 3000 } },
      { id: 'storefront-checkout', source: 'storefront', target: 'checkout', kind: 'sync', settings: { timeoutMs: 2000 } },
      { id: 'checkout-payments', source: 'checkout', target: 'payments', kind: 'sync' },
    ],
    faults: [
      { at: 10000, action: 'crash', node: 'payments' },
      { at: 20000, action: 'restart', node: 'payments' },
    ],
  },
}
