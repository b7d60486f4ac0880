import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../model/scenario'
import { groupScenarios, matchesQuery } from './search'

const s = (title: string, group: Scenario['group'], summary = ''): Pick<Scenario, 'title' | 'summary' | 'group'> => ({ title, group, summary })
const LIB = [
  s('A chain of synchronous calls', 'patterns', 'Each service calls the next one over HTTP and waits.'),
  s('A retry storm', 'failures', 'Short timeouts and retries multiply the load.'),
  s('Events fanned out', 'patterns', 'One event, every subscriber gets a copy.'),
  s('A new subscriber', 'decoupling', 'Added without touching the publisher.'),
  s('Café orders', 'decoupling', 'Placing an order.'),
]

describe('gallery search', () => {
  it('matches every word anywhere in title, summary or group name, in any order, ignoring case', () => {
    expect(matchesQuery(LIB[1]!, 'retry')).toBe(true)
    expect(matchesQuery(LIB[1]!, 'TIMEOUTS storm')).toBe(true)
    expect(matchesQuery(LIB[1]!, 'retry subscriber')).toBe(false)
    expect(matchesQuery(LIB[1]!, 'when things fail')).toBe(true)
    expect(matchesQuery(LIB[0]!, 'http')).toBe(true)
  })

  it('ignores accents and surrounding space; an empty query matches all', () => {
    expect(matchesQuery(LIB[4]!, 'cafe')).toBe(true)
    expect(matchesQuery(LIB[4]!, '  Café  ')).toBe(true)
    expect(LIB.every((x) => matchesQuery(x, '   '))).toBe(true)
  })

  it('groups in the gallery order, leaving out empty groups', () => {
    expect(groupScenarios(LIB, '').map((g) => [g.id, g.scenarios.length])).toEqual([
      ['patterns', 2],
      ['failures', 1],
      ['decoupling', 2],
    ])
    const subs = groupScenarios(LIB, 'subscriber')
    expect(subs.map((g) => g.id)).toEqual(['patterns', 'decoupling'])
    expect(subs[0]!.title).toBe('The four patterns')
    expect(groupScenarios(LIB, 'nothing like this')).toEqual([])
  })
})
