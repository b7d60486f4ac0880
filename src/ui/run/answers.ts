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

/** When whoever waits for `sent`'s answer stops waiting: its departure + the timeout (a caller's timeout, a broker's ack timeout). */
export const deadlineOf = (sent: Hop, timeoutMs: number): number => sent.depart + timeoutMs

/**
 * Whether `answer` to `sent` arrived before its waiter gave up. An answer arriving on the
 * very instant of the deadline is on time: the engine fires a deadline after everything
 * else of its instant. Pure.
 */
export const answeredInTime = (answer: Hop, sent: Hop, timeoutMs: number): boolean => answer.arrive <= deadlineOf(sent, timeoutMs)
