import type { Hop } from '../../sim/types'
import { answeredInTime, answerOf, deadlineOf } from './answers'

/** How the broker settled one delivery, as far as the hops seen tell it. */
export interface DeliveryOutcome {
  /** when the broker stops waiting for the consumer: the delivery's departure + the ack timeout */
  deadline: number
  /** the consumer's ack or nack when it arrives by the deadline (it may still be on its way at `now`) */
  answer: Hop | null
  /** an ack or nack arriving after the deadline: the broker has gone on, and ignores it */
  late: Hop | null
}

/** Whether `delivery`'s answer among `seen` came in time (answeredInTime). Pure. */
export function deliveryOutcome(seen: readonly Hop[], delivery: Hop, ackTimeoutMs: number): DeliveryOutcome {
  const deadline = deadlineOf(delivery, ackTimeoutMs)
  const answer = answerOf(seen, delivery, ['ack', 'nack']) ?? null
  const onTime = answer !== null && answeredInTime(answer, delivery, ackTimeoutMs)
  return { deadline, answer: onTime ? answer : null, late: onTime ? null : answer }
}
