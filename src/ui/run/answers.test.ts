import { describe, expect, it } from 'vitest'
import { answeredInTime, answerOf, deadlineOf, JOB_ANSWERS } from './answers'
import { hop } from './testHop'

describe('the answer to a request', () => {
  const request = hop('a-b', 'request', 0, 10, 7)

  it('is the hop back on the same link with the same requestId', () => {
    const reply = hop('a-b', 'reply', 50, 60, 7)
    const seen = [request, hop('a-b', 'reply', 20, 30, 8), hop('x-b', 'reply', 30, 40, 7), reply]
    expect(answerOf(seen, request, JOB_ANSWERS)).toBe(reply)
  })

  it('counts only the answers asked for, and never the request itself', () => {
    const stored = hop('a-b', 'brokerAck', 50, 60, 7)
    expect(answerOf([request, stored], request, JOB_ANSWERS)).toBeUndefined()
    expect(answerOf([request, stored], request, ['brokerAck'])).toBe(stored)
    expect(answerOf([request, hop('a-b', 'request', 5, 15, 7)], request, ['request'])).toBeUndefined()
  })

  it('is the first such answer among the hops', () => {
    const first = hop('a-b', 'error', 40, 50, 7)
    expect(answerOf([request, first, hop('a-b', 'reply', 60, 70, 7)], request, JOB_ANSWERS)).toBe(first)
  })
})

describe('an answer in time', () => {
  const request = hop('a-b', 'request', 100, 110, 7)

  it('arrives by the request’s departure + the timeout, the deadline’s own instant included', () => {
    expect(deadlineOf(request, 2000)).toBe(2100)
    expect(answeredInTime(hop('a-b', 'reply', 2000, 2100, 7), request, 2000)).toBe(true)
    expect(answeredInTime(hop('a-b', 'reply', 2000, 2101, 7), request, 2000)).toBe(false)
  })
})
