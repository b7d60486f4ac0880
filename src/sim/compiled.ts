import { asyncCallMachine, eventDeliveryMachine, messageDeliveryMachine, nodeLifecycleMachine, syncCallMachine } from './machines'
import { compileMachine, indexOf, type CompiledMachine } from './table'

/**
 * The lifecycle machines compiled once, at module load, with the indices the engine uses
 * for their states, events, actions, guards and delays resolved by name. The engine never
 * hard-codes a transition: it asks the table where an event leads and runs what it names.
 */
export const SYNC = compileMachine(syncCallMachine)
export const ASYNC = compileMachine(asyncCallMachine)
export const MESSAGE = compileMachine(messageDeliveryMachine)
export const EVENT = compileMachine(eventDeliveryMachine)
export const LIFECYCLE = compileMachine(nodeLifecycleMachine)

const state = (m: CompiledMachine, name: string) => indexOf(m.states, name, `${m.id} state`)
const event = (m: CompiledMachine, name: string) => indexOf(m.events, name, `${m.id} event`)
const action = (m: CompiledMachine, name: string) => indexOf(m.actions, name, `${m.id} action`)
const guardBit = (m: CompiledMachine, name: string) => 1 << indexOf(m.guards, name, `${m.id} guard`)
const delay = (m: CompiledMachine, name: string) => indexOf(m.delays, name, `${m.id} delay`)

export const SYNC_ABANDONED = state(SYNC, 'abandoned')
export const SYNC_TIMED_OUT = state(SYNC, 'timedOut')
export const SYNC_REPLY_OK = event(SYNC, 'REPLY_OK')
export const SYNC_REPLY_ERROR = event(SYNC, 'REPLY_ERROR')
export const SYNC_ABANDON = event(SYNC, 'ABANDON')
export const SYNC_AFTER_TIMEOUT = event(SYNC, 'after.timeout')
export const SYNC_AFTER_BACKOFF = event(SYNC, 'after.backoff')
export const SYNC_SEND = action(SYNC, 'sendAttempt')
export const SYNC_ABANDON_ATTEMPT = action(SYNC, 'abandonAttempt')
export const SYNC_RESUME = action(SYNC, 'resumeCaller')
export const SYNC_FAIL = action(SYNC, 'failCaller')
export const SYNC_CAN_RETRY = guardBit(SYNC, 'canRetry')
export const SYNC_DELAY_TIMEOUT = delay(SYNC, 'timeout')
export const SYNC_DELAY_BACKOFF = delay(SYNC, 'backoff')

export const ASYNC_DONE = state(ASYNC, 'done')
export const ASYNC_EXPIRED = state(ASYNC, 'expired')
export const ASYNC_ABANDONED = state(ASYNC, 'abandoned')
export const ASYNC_ACCEPTED = event(ASYNC, 'ACCEPTED')
export const ASYNC_REJECTED = event(ASYNC, 'REJECTED')
export const ASYNC_PENDING = event(ASYNC, 'PENDING')
export const ASYNC_DONE_EVENT = event(ASYNC, 'DONE')
export const ASYNC_FAILED_EVENT = event(ASYNC, 'FAILED')
export const ASYNC_POLL_ERROR = event(ASYNC, 'POLL_ERROR')
export const ASYNC_DEADLINE = event(ASYNC, 'DEADLINE')
export const ASYNC_ABANDON = event(ASYNC, 'ABANDON')
export const ASYNC_AFTER_POLL = event(ASYNC, 'after.pollInterval')
export const ASYNC_SEND_SUBMIT = action(ASYNC, 'sendSubmit')
export const ASYNC_START_DEADLINE = action(ASYNC, 'startDeadline')
export const ASYNC_RESUME = action(ASYNC, 'resumeCaller')
export const ASYNC_FAIL = action(ASYNC, 'failCaller')
export const ASYNC_SEND_POLL = action(ASYNC, 'sendPoll')
export const ASYNC_ABANDON_POLL = action(ASYNC, 'abandonPoll')
export const ASYNC_SETTLE = action(ASYNC, 'settle')

/** Message and event deliveries share one driver: each machine's indices map onto these codes. */
export const D_ENQUEUE = 0
export const D_DELIVER = 1
export const D_ABANDON = 2
export const D_COUNT_REDELIVERY = 3
export const D_SETTLE_ACK = 4
export const D_DEAD_LETTER = 5
const DELIVERY_ACTIONS = ['enqueue', 'deliver', 'abandonDelivery', 'countRedelivery', 'settleAck', 'deadLetter']

export interface DeliveryTable {
  machine: CompiledMachine
  /** machine action index → D_* code */
  actionCode: readonly number[]
  deliver: number
  ack: number
  nack: number
  /** -1 where the machine has no such event (events cannot be rejected) */
  reject: number
  afterAck: number
  canRedeliver: number
}

function deliveryTable(m: CompiledMachine): DeliveryTable {
  return {
    machine: m,
    actionCode: m.actions.map((a) => indexOf(DELIVERY_ACTIONS, a, `${m.id} action`)),
    deliver: event(m, 'DELIVER'),
    ack: event(m, 'ACK'),
    nack: event(m, 'NACK'),
    reject: m.events.indexOf('REJECT'),
    afterAck: event(m, 'after.ackTimeout'),
    canRedeliver: guardBit(m, 'canRedeliver'),
  }
}

export const MESSAGE_TABLE = deliveryTable(MESSAGE)
export const EVENT_TABLE = deliveryTable(EVENT)

export const NODE_UP = state(LIFECYCLE, 'up')
export const NODE_CRASH = event(LIFECYCLE, 'CRASH')
export const NODE_RESTART = event(LIFECYCLE, 'RESTART')
export const NODE_AFTER_HEAL = event(LIFECYCLE, 'after.heal')
export const NODE_RESUME = action(LIFECYCLE, 'resumeWork')
export const NODE_FAIL = action(LIFECYCLE, 'failWork')
export const NODE_AUTO_HEAL = guardBit(LIFECYCLE, 'autoHeal')
export const NODE_DELAY_HEAL = delay(LIFECYCLE, 'heal')
