import { describe, expect, it } from 'vitest'
import { machineCatalog } from './machines'

describe('the lifecycle machines as data', () => {
  const m = machineCatalog()

  it('lists each machine’s states, its initial state and which are final', () => {
    expect(m.syncCall.id).toBe('syncCall')
    expect(m.syncCall.initial).toBe('waiting')
    expect(m.syncCall.states.map((s) => s.name)).toEqual(['waiting', 'backoff', 'succeeded', 'failed', 'timedOut', 'abandoned'])
    expect(m.syncCall.states.filter((s) => s.final).map((s) => s.name)).toEqual(['succeeded', 'failed', 'timedOut', 'abandoned'])
    expect(m.asyncCall.initial).toBe('submitting')
    expect(m.messageDelivery.initial).toBe('ready')
    expect(m.eventDelivery.states.map((s) => s.name)).toEqual(['ready', 'delivering', 'acked', 'deadLettered'])
    expect(m.nodeLifecycle.states.every((s) => !s.final)).toBe(true)
  })

  it('keeps every candidate of a guarded event, in document order, with its guard', () => {
    const replyError = m.syncCall.transitions.filter((t) => t.from === 'waiting' && t.event === 'REPLY_ERROR')
    expect(replyError).toEqual([
      { from: 'waiting', to: 'backoff', event: 'REPLY_ERROR', guard: 'canRetry', delayed: false },
      { from: 'waiting', to: 'failed', event: 'REPLY_ERROR', guard: null, delayed: false },
    ])
  })

  it('names delayed transitions by their delay', () => {
    const timeout = m.syncCall.transitions.filter((t) => t.event === 'after timeout')
    expect(timeout.map((t) => [t.from, t.to, t.guard, t.delayed])).toEqual([
      ['waiting', 'backoff', 'canRetry', true],
      ['waiting', 'timedOut', null, true],
    ])
    expect(m.asyncCall.transitions).toContainEqual({ from: 'waiting', to: 'asking', event: 'after pollInterval', guard: null, delayed: true })
    expect(m.nodeLifecycle.transitions).toContainEqual({ from: 'restarting', to: 'up', event: 'after heal', guard: null, delayed: true })
  })

  it('has every target among the states, and plain data only', () => {
    for (const machine of Object.values(m)) {
      const names = new Set(machine.states.map((s) => s.name))
      for (const t of machine.transitions) {
        expect(names.has(t.from)).toBe(true)
        expect(names.has(t.to)).toBe(true)
      }
      expect(JSON.parse(JSON.stringify(machine))).toEqual(machine)
    }
    expect(m.messageDelivery.transitions).toContainEqual({ from: 'delivering', to: 'deadLettered', event: 'REJECT', guard: null, delayed: false })
  })
})
