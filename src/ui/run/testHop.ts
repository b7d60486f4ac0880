import type { Hop } from '../../sim/types'

/** Answers travel back to the sender; everything else goes forward. ui may not import the
 * engine's own table (sim internals), and tests may not import canvas/, so it is listed here. */
const BACK: readonly Hop['carries'][] = ['reply', 'error', 'accepted', 'status', 'brokerAck', 'ack', 'nack']

/** A hop made by hand for a unit test, in operation 1, its direction following what it carries. For tests only. */
export const hop = (link: string, carries: Hop['carries'], depart: number, arrive: number, requestId: number, more: Partial<Hop> = {}): Hop => ({
  link,
  carries,
  depart,
  arrive,
  requestId,
  correlationId: 1,
  direction: BACK.includes(carries) ? 'back' : 'forward',
  ...more,
})
