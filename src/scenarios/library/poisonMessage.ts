import type { Scenario } from '../types'

/** Failure mode: messages that fail every delivery end in the dead-letter queue. */
export const poisonMessage: Scenario = {
  id: 'poison-message',
  title: 'Poison messages go to the dead-letter queue',
  group: 'failures',
  summary:
    'For half a second the Ledger fails every message it gets, as if a bug choked on them. The broker delivers each of those messages again, up to three times in all, then parks it in the dead-letter queue so the rest of the queue can move on.',
  watch:
    'Just after 10 s a few messages bounce between the queue and the Ledger and are refused each time. After the third try each is dead-lettered: the queue’s dead-letter count goes up, and the other messages flow as before.',
  tryFault: {
    text: 'Set the Ledger’s error rate to 50 %. Most messages succeed on a second or third try, but about one in eight fails all three times and is dead-lettered.',
    fault: { action: 'errorRate', node: 'ledger', errorRate: 50 },
  },
  document: {
    wireplay: 1,
    seed: 3,
    nodes: [
      { id: 'payments', kind: 'client', label: 'Card payments', x: 40, y: 190, settings: { rate: 4 } },
      { id: 'billing', kind: 'service', label: 'Billing', x: 320, y: 190 },
      { id: 'ledger-queue', kind: 'queue', label: 'Ledger entries', x: 600, y: 190, settings: { maxDeliveries: 3, ackTimeoutMs: 5000 } },
      { id: 'ledger', kind: 'service', label: 'Ledger', x: 880, y: 190, settings: { workers: 2, timeMs: 30 } },
    ],
    links: [
      { id: 'payments-billing', source: 'payments', target: 'billing', kind: 'sync' },
      { id: 'billing-queue', source: 'billing', target: 'ledger-queue', kind: 'message', settings: { contract: 'LedgerEntry v1' } },
      { id: 'queue-ledger', source: 'ledger-queue', target: 'ledger', kind: 'message', settings: { contract: 'LedgerEntry v1' } },
    ],
    faults: [
      { at: 10000, action: 'errorRate', node: 'ledger', errorRate: 100 },
      { at: 10500, action: 'errorRate', node: 'ledger', errorRate: 0 },
    ],
  },
}
