import type { Hop } from '../../sim/types'

/** What can answer a job (a request or a delivery) that reached a node. */
export const JOB_ANSWERS: readonly Hop['carries'][] = ['reply', 'error', 'ack', 'nack']

/**
 * The hop among `seen` that answers request or delivery `h`: the engine sends an answer back
 * on the same link with the same requestId. `carries` says which answers count (a publish is
 * answered by 'brokerAck', a delivery by 'ack' or 'nack'…). Pure.
 */
export const answerOf = (seen: readonly Hop[], h: Hop, carries: readonly Hop['carries'][]): Hop | undefined =>
  seen.find((a) => a.direction === 'back' && a.link === h.link && a.requestId === h.requestId && carries.includes(a.carries))
