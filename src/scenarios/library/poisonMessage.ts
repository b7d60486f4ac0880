import type { Scenario } from '../types'

/** Failure mode: a message that fails every delivery ends in the dead-letter queue. */
export const poisonMessage: Scenario = {
  id: 'poison-message',
  title: 'Poison messages go to the dead-letter queue',
  group: 'failures',
  summary:
    'At 10 s and again at 16 s Billing sends a ledger entry that the Ledger cannot process: a poison message, failing every time anyone tries it. The broker delivers it again, up to three times in all, then parks it in the dead-letter queue, so the messages behind it move on.',
  watch:
    'At 10 s one message bounces between the queue and the Ledger, refused each time. After its third try it is dead-lettered: the queue’s dead-letter count goes up by one, and the other messages flow as before. The same happens at 16 s.',
  tryFault: {
    text: 'Set the Ledger’s error rate to 50 %. Now failures are passing glitches, not poison: most messages succeed on a second or third try, but about one in eight fails all three times and is dead-lettered too, though nothing was wrong with it.',
    fault: { action: 'errorRate', node: 'ledger', errorRate: 50 },
  },
  document: {
    wireplay: 1,
    seed: 3,
    nodes: [
      { id: 'payments', kind: 'client', label: 'Card payments', x: 40, y: 190, settings: { rate: 4 } },
      { id: 'billing', kind: 'service', label: 'Billing', x: 400, y: 190 },
      { id: 'ledger-queue', kind: 'queue', label: 'Ledger entries', x: 760, y: 190, settings: { maxDeliveries: 3, ackTimeoutMs: 5000 } },
      { id: 'ledger', kind: 'service', label: 'Ledger', x: 1120, y: 190, settings: { workers: 2, timeMs: 30 } },
    ],
    links: [
      { id: 'payments-billing', source: 'payments', target: 'billing', kind: 'sync' },
      { id: 'billing-queue', source: 'billing', target: 'ledger-queue', kind: 'message', settings: { latencyMs: 150, contract: 'LedgerEntry v1' } },
      { id: 'queue-ledger', source: 'ledger-queue', target: 'ledger', kind: 'message', settings: { latencyMs: 150, contract: 'LedgerEntry v1' } },
    ],
    faults: [
      { at: 10000, action: 'poison', link: 'billing-queue' },
      { at: 16000, action: 'poison', link: 'billing-queue' },
    ],
  },
}
