import { setup } from 'xstate'
import { BROKER_DEFAULTS } from '../../model/defaults'

/**
 * One message in a queue, from the broker's side: it waits `ready`, is delivered to one
 * consumer, and is acked, redelivered (nack, crash or no ack within the ack timeout) or
 * dead-lettered (max deliveries reached, or the consumer expects another contract).
 */
export const messageDeliveryMachine = setup({
  types: {} as { events: { type: 'DELIVER' } | { type: 'ACK' } | { type: 'NACK' } | { type: 'REJECT' } },
  actions: {
    /** join the back of the queue and wake the dispatcher */
    enqueue: () => {},
    /** send to the consumer the dispatcher chose */
    deliver: () => {},
    /** the consumer never answered in time: its late answer will be dropped */
    abandonDelivery: () => {},
    countRedelivery: () => {},
    settleAck: () => {},
    deadLetter: () => {},
  },
  guards: {
    /** deliveries so far < maxDeliveries */
    canRedeliver: () => false,
  },
  delays: {
    /** broker setting ackTimeoutMs */
    ackTimeout: BROKER_DEFAULTS.ackTimeoutMs,
  },
}).createMachine({
  id: 'messageDelivery',
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
        /** contract mismatch: retrying cannot help */
        REJECT: 'deadLettered',
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
