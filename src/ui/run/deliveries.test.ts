import { describe, expect, it } from 'vitest'
import { deliveryOutcome } from './deliveries'
import { hop } from './testHop'

const delivery = hop('q-w', 'delivery', 1000, 1010, 5, { attempt: 1 })

describe('a delivery’s ack timeout', () => {
  it('passes at the delivery’s departure plus the ack timeout', () => {
    expect(deliveryOutcome([delivery], delivery, 300)).toEqual({ deadline: 1300, answer: null, late: null })
  })

  it('is beaten by an ack or a nack arriving before it, even one still on its way', () => {
    const ack = hop('q-w', 'ack', 1100, 1110, 5)
    expect(deliveryOutcome([delivery, ack], delivery, 300)).toEqual({ deadline: 1300, answer: ack, late: null })
    const nack = hop('q-w', 'nack', 1100, 1290, 5, { reason: 'error', origin: 'w' })
    expect(deliveryOutcome([delivery, nack], delivery, 300).answer).toBe(nack)
  })

  it('is beaten by an answer arriving on its very instant: the engine fires the timeout last', () => {
    const ack = hop('q-w', 'ack', 1290, 1300, 5)
    expect(deliveryOutcome([delivery, ack], delivery, 300)).toEqual({ deadline: 1300, answer: ack, late: null })
  })

  it('makes an answer arriving after it late, for the broker to ignore', () => {
    const ack = hop('q-w', 'ack', 1290, 1301, 5)
    expect(deliveryOutcome([delivery, ack], delivery, 300)).toEqual({ deadline: 1300, answer: null, late: ack })
  })

  it('looks only at this delivery’s answers', () => {
    const others = [hop('q-w', 'ack', 1100, 1110, 6), hop('q-x', 'ack', 1100, 1110, 5), hop('q-w', 'reply', 1100, 1110, 5)]
    expect(deliveryOutcome([delivery, ...others], delivery, 300)).toEqual({ deadline: 1300, answer: null, late: null })
  })
})
