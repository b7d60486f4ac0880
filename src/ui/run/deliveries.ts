import type { Hop } from '../../sim/types'
import { answerOf } from './answers'

/** How the broker settled one delivery, as far as the hops seen tell it. */
export interface DeliveryOutcome {
  /** when the broker stops waiting for the consumer: the delivery's departure + the ack timeout */
  deadline: number
  /** the consumer's ack or nack when it arrives by the deadline (it may still be on its way at `now`) */
  answer: Hop | null
  /** an ack or nack arriving after the deadline: the broker has gone on, and ignores it */
  late: Hop | null
}

/**
 * Whether `delivery`'s answer among `seen` came in time. An answer arriving on the very
 * instant of the deadline is on time: the engine fires the ack timeout after everything
 * else of its instant. Pure.
 */
export function deliveryOutcome(seen: readonly Hop[], delivery: Hop, ackTimeoutMs: number): DeliveryOutcome {
  const deadline = delivery.depart + ackTimeoutMs
  const answer = answerOf(seen, delivery, ['ack', 'nack']) ?? null
  const onTime = answer !== null && answer.arrive <= deadline
  return { deadline, answer: onTime ? answer : null, late: onTime ? null : answer }
}
