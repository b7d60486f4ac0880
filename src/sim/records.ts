/**
 * The vocabulary of a run as small integers (the loop compares numbers, not strings):
 * where a record is, how it ended, why it failed, what it is, what a hop carries.
 */

/** Places a live record can be in. */
export const AT_TRAVELLING = 0
export const AT_QUEUED = 1
export const AT_PROCESSING = 2
/** holding a worker while its outgoing calls run */
export const AT_CALLING = 3
/** the answer is on its way back to the caller */
export const AT_REPLYING = 4
/** a message waiting in a queue or subscription */
export const AT_READY = 5
/** a message out with a consumer, not yet acked */
export const AT_DELIVERING = 6
/** parked in the dead-letter queue for good */
export const AT_DEAD_LETTERED = 7
export const PLACES = ['travelling', 'queued', 'processing', 'calling', 'replying', 'inBroker', 'delivering', 'deadLettered'] as const
export type PlaceName = (typeof PLACES)[number]

/** How a record ended. */
export const O_SUCCEEDED = 0
export const O_FAILED = 1
export const O_REJECTED = 2
export const O_TIMED_OUT = 3
/** its caller went away (crashed, or stopped polling) before the answer came */
export const O_ABANDONED = 4
export const O_ACKED = 5
export const OUTCOMES = ['succeeded', 'failed', 'rejected', 'timedOut', 'abandoned', 'acked'] as const
export type OutcomeName = (typeof OUTCOMES)[number]

/** Why something failed; 0 = it did not. */
export const R_NONE = 0
/** the service's error rate struck (HTTP 500) */
export const R_ERROR = 1
/** the replica's queue was full (HTTP 503) */
export const R_REJECTED = 2
/** no replica was up to take the request */
export const R_UNAVAILABLE = 3
/** the replica crashed while holding the request */
export const R_CRASHED = 4
export const R_TIMEOUT = 5
export const R_BROKER_FULL = 6
export const R_DEADLINE = 7
export const R_CONTRACT = 8
export const REASONS = ['none', 'error', 'rejected', 'unavailable', 'crashed', 'timeout', 'brokerFull', 'deadline', 'contract'] as const
export type ReasonName = (typeof REASONS)[number]
/** why something failed: every reason but none */
export type FailureName = Exclude<ReasonName, 'none'>

/**
 * A failure as the engine carries it: the reason (R_*) in the low four bits and, above
 * them, the node where it happened plus one (the node that rejected, errored, crashed,
 * refused the contract or did not answer in time). A failure passed up a chain of calls
 * keeps both, so whoever hears it learns where it began; 0 is still "no failure".
 */
export const REASON_MASK = 15

/** `reason` happening at node `node` (its index), unless it already says where it happened. */
export function failureAt(reason: number, node: number): number {
  return reason === R_NONE || reason > REASON_MASK ? reason : reason + (node + 1) * (REASON_MASK + 1)
}

/** Where a failure happened (a node index), or -1 when it does not say. */
export function originOf(failure: number): number {
  return (failure >> 4) - 1
}

/** How the record of a node that answered with `failure` ends: rejected only where the
 * rejection happened; a rejection passed on from further down is a failure here. */
export function outcomeOf(failure: number, node: number): number {
  if (failure === R_NONE) return O_SUCCEEDED
  const reason = failure & REASON_MASK
  return (reason === R_REJECTED || reason === R_BROKER_FULL) && originOf(failure) === node ? O_REJECTED : O_FAILED
}

/** What a record is. */
export const K_OP = 0
export const K_SYNC = 1
export const K_SUBMIT = 2
export const K_ASYNC_JOB = 3
export const K_POLL = 4
export const K_PUBLISH = 5
export const K_DELIVER = 6
export const K_MESSAGE = 7
export const RECORD_KINDS = ['operation', 'syncRequest', 'asyncSubmit', 'asyncJob', 'poll', 'publish', 'delivery', 'message'] as const

/** What a hop carries. */
export const C_REQUEST = 0
export const C_REPLY = 1
export const C_ERROR = 2
export const C_ACCEPTED = 3
export const C_POLL = 4
export const C_STATUS = 5
export const C_MESSAGE = 6
export const C_EVENT = 7
export const C_BROKER_ACK = 8
export const C_DELIVERY = 9
export const C_ACK = 10
export const C_NACK = 11
export const CARRIES = ['request', 'reply', 'error', 'accepted', 'poll', 'status', 'message', 'event', 'brokerAck', 'delivery', 'ack', 'nack'] as const
export type CarriesName = (typeof CARRIES)[number]

export const DIR_FORWARD = 0
export const DIR_BACK = 1
