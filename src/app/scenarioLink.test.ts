import { describe, expect, it, vi } from 'vitest'
import { checkScenarioTarget, parseScenarioFragment, scenarioFragment } from './scenarioLink'

const LIB = [
  { id: 'sync-call-chain', title: 'A chain of synchronous calls', lesson: [1, 2, 3, 4, 5, 6] },
  { id: 'retry-storm', title: 'A retry storm' },
]

describe('scenario links', () => {
  it('are not diagram links, and diagram links are not scenario links', () => {
    expect(parseScenarioFragment('#w1.abc')).toBeNull()
    expect(parseScenarioFragment('')).toBeNull()
    expect(parseScenarioFragment('#something')).toBeNull()
    expect(parseScenarioFragment('#sx.abc')).toBeNull()
  })

  it('read a scenario, and a step counted from 1 as an index from 0', () => {
    expect(parseScenarioFragment('#s.sync-call-chain')).toEqual({ ok: true, value: { scenario: 'sync-call-chain', step: null } })
    expect(parseScenarioFragment('s.sync-call-chain.3')).toEqual({ ok: true, value: { scenario: 'sync-call-chain', step: 2 } })
  })

  it('round-trip through scenarioFragment', () => {
    for (const step of [null, 0, 5]) expect(parseScenarioFragment(scenarioFragment('event-fan-out', step))).toEqual({ ok: true, value: { scenario: 'event-fan-out', step } })
    expect(scenarioFragment('event-fan-out', 0)).toBe('s.event-fan-out.1')
  })

  it('refuse a missing or odd name and a step that is not a whole number from 1', () => {
    for (const bad of ['#s', '#s.', '#s.Sync Chain', '#s.a..b', '#s.%E0%A4%A', '#s.a.b.c', `#s.${'a'.repeat(81)}`]) {
      const r = parseScenarioFragment(bad)
      expect(r?.ok, bad).toBe(false)
    }
    for (const bad of ['0', '-1', '1.5', 'x', '', '1000']) {
      expect(parseScenarioFragment(`#s.sync-call-chain.${bad}`), bad).toEqual({ ok: false, error: expect.stringMatching(/step/) })
    }
  })

  it('say when the library has no such scenario or step', () => {
    expect(checkScenarioTarget({ scenario: 'sync-call-chain', step: 5 }, LIB).ok).toBe(true)
    expect(checkScenarioTarget({ scenario: 'retry-storm', step: null }, LIB).ok).toBe(true)
    const unknown = checkScenarioTarget({ scenario: 'no-such', step: null }, LIB)
    expect(unknown).toEqual({ ok: false, error: expect.stringContaining('“no-such”') })
    const past = checkScenarioTarget({ scenario: 'sync-call-chain', step: 6 }, LIB)
    expect(past).toEqual({ ok: false, error: expect.stringContaining('step 7 of “A chain of synchronous calls”, whose lesson has 6 steps') })
    const none = checkScenarioTarget({ scenario: 'retry-storm', step: 0 }, LIB)
    expect(none).toEqual({ ok: false, error: expect.stringContaining('which has no lesson') })
  })
})

describe('an incoming fragment', () => {
  it('is read as a scenario link before the diagram-link decoder sees it', async () => {
    const { readFragment } = await import('./shareLinks')
    expect(await readFragment('#s.event-fan-out.2')).toEqual({ ok: true, value: { scenario: 'event-fan-out', step: 1 } })
    expect(await readFragment('#s.')).toEqual({ ok: false, error: { kind: 'invalid', message: expect.stringContaining('should name a built-in scenario') } })
    // anything else is still a diagram link, with the diagram decoder's own errors
    expect(await readFragment('#w9.abc')).toEqual({ ok: false, error: expect.objectContaining({ kind: 'newer-version' }) })
  })

  it('that is a diagram link, when its decoder cannot be loaded, says so instead of throwing', async () => {
    vi.resetModules()
    vi.doMock('../share/link', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    try {
      const { readFragment } = await import('./shareLinks')
      expect(await readFragment('#w1.abc')).toEqual({ ok: false, error: { kind: 'unavailable', message: expect.stringContaining('did not load') } })
      // a scenario link needs no decoder
      expect(await readFragment('#s.event-fan-out')).toEqual({ ok: true, value: { scenario: 'event-fan-out', step: null } })
    } finally {
      vi.doUnmock('../share/link')
      vi.resetModules()
    }
  })
})
