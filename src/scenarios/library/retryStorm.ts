import type { Scenario } from '../types'

/** Failure mode: short timeouts plus retries multiply the load on a struggling service. */
export const retryStorm: Scenario = {
  id: 'retry-storm',
  title: 'A retry storm from short timeouts',
  group: 'failures',
  summary:
    'The API gives Inventory only 250 ms to answer, then tries again, up to three more times. When the network slows down for ten seconds, most calls time out and are retried, so Inventory gets several times the work, most of it for callers that have already given up. The storm outlives its cause: when the network recovers, the retries alone keep Inventory overloaded.',
  watch:
    'From 10 s, compare the calls the API makes with the attempts that reach Inventory. Inventory’s queue fills with requests nobody waits for any more, and it starts refusing. At 20 s the network is fine again, yet almost no shopper succeeds.',
  tryFault: {
    text: 'Give Inventory a 30 % error rate instead. Each failure is retried, so Inventory sees far more requests than the shoppers send.',
    fault: { action: 'errorRate', node: 'inventory', errorRate: 30 },
  },
  document: {
    wireplay: 1,
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', x: 40, y: 190, settings: { rate: 20 } },
      { id: 'api', kind: 'service', label: 'API', x: 320, y: 190, settings: { workers: 64, timeMs: 5 } },
      { id: 'inventory', kind: 'service', label: 'Inventory', x: 600, y: 190, settings: { workers: 4, timeMs: 100 } },
    ],
    links: [
      { id: 'shoppers-api', source: 'shoppers', target: 'api', kind: 'sync', settings: { timeoutMs: 5000 } },
      { id: 'api-inventory', source: 'api', target: 'inventory', kind: 'sync', settings: { timeoutMs: 250, retries: 3, backoffMs: 50 } },
    ],
    faults: [
      { at: 10000, action: 'latency', link: 'api-inventory', addMs: 100 },
      { at: 20000, action: 'latency', link: 'api-inventory', addMs: 0 },
    ],
  },
}
