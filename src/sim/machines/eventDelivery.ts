import { setup } from 'xstate'
import { BROKER_DEFAULTS } from '../../model/defaults'

/**
 * One event's copy in one subscription of a topic. Each subscriber link has its own
 * durable subscription, so a copy lives like a queued message with a single consumer:
 * delivered, then acked, redelivered or dead-lettered. Events carry a name, not a
 * contract, so there is no rejection; filtering happens before a copy is made.
 */
export const eventDeliveryMachine = setup({
  types: {} as { events: { type: 'DELIVER' } | { type: 'ACK' } | { type: 'NACK' } },
  actions: {
    enqueue: () => {},
    deliver: () => {},
    abandonDelivery: () => {},
    countRedelivery: () => {},
    settleAck: () => {},
    deadLetter: () => {},
  },
  guards: {
    canRedeliver: () => false,
  },
  delays: {
    ackTimeout: BROKER_DEFAULTS.ackTimeoutMs,
  },
}).createMachine({
  id: 'eventDelivery',
  initial: 'ready',
  states: {
    ready: {
      entry: 'enqueue',
      on: { DELIVER: { target: 'delivering', actions: 'deliver' } },
    },
    delivering: {
      on: {
        ACK: 'acked',
        NACK: [{ guard: 'canRedeliver', target: 'ready', actions: 'countRedelivery' }, { target: 'deadLettered' }],
      },
      after: {
        ackTimeout: [
          { guard: 'canRedeliver', target: 'ready', actions: ['abandonDelivery', 'countRedelivery'] },
          { target: 'deadLettered', actions: 'abandonDelivery' },
        ],
      },
    },
    acked: { type: 'final', entry: 'settleAck' },
    deadLettered: { type: 'final', entry: 'deadLetter' },
  },
})
