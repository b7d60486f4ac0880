import { describe, expect, it } from 'vitest'
import { lessonStateAt, sameFaults } from './lessonState'
import type { Scenario } from './scenario'

const scenario: Pick<Scenario, 'document' | 'lesson'> = {
  document: {
    wireplay: 1,
    nodes: [],
    links: [],
    faults: [
      { at: 10_000, action: 'crash', node: 'worker' },
      { at: 30_000, action: 'restart', node: 'worker' },
    ],
  },
  lesson: [
    { narration: 'one', action: { kind: 'runTo', at: 5_000 } },
    { narration: 'two', action: { kind: 'fault', fault: { at: 20_000, action: 'latency', link: 'l', addMs: 200 } } },
    { narration: 'three', question: { prompt: '?', choices: ['a', 'b'], answer: 0, explain: '' }, action: { kind: 'runTo', at: 25_000 } },
    { narration: 'four', action: { kind: 'pause' } },
    { narration: 'five', action: { kind: 'fault', fault: { at: 10_000, action: 'errorRate', node: 'worker', errorRate: 50 } } },
  ],
}

describe('lessonStateAt', () => {
  it('starts from the scenario’s own faults at 0 s when the first step has not run', () => {
    expect(lessonStateAt(scenario, 0, false)).toEqual({ faults: scenario.document.faults, at: 0 })
  })

  it('stands at the last runTo so far and adds every lesson fault so far, in time order', () => {
    expect(lessonStateAt(scenario, 0).at).toBe(5_000)
    const s = lessonStateAt(scenario, 1)
    expect(s.at).toBe(5_000)
    expect(s.faults.map((f) => f.at)).toEqual([10_000, 20_000, 30_000])
    expect(lessonStateAt(scenario, 3).at).toBe(25_000)
    const last = lessonStateAt(scenario, 4)
    // same instant as the crash: after it, as it was added later
    expect(last.faults.map((f) => f.action)).toEqual(['crash', 'errorRate', 'latency', 'restart'])
  })

  it('holds a question’s action back until it is answered', () => {
    expect(lessonStateAt(scenario, 2, false).at).toBe(5_000)
    expect(lessonStateAt(scenario, 2, true).at).toBe(25_000)
  })

  it('depends on the step only: walking back gives what walking forward gave', () => {
    const forward = [0, 1, 2, 3, 4].map((k) => lessonStateAt(scenario, k))
    const back = [4, 3, 2, 1, 0].map((k) => lessonStateAt(scenario, k)).reverse()
    expect(back).toEqual(forward)
  })

  it('does not change the scenario', () => {
    const before = JSON.stringify(scenario)
    lessonStateAt(scenario, 4)
    expect(JSON.stringify(scenario)).toBe(before)
  })

  it('a scenario without a lesson stands at 0 with its own faults', () => {
    expect(lessonStateAt({ document: scenario.document }, 3)).toEqual({ faults: scenario.document.faults, at: 0 })
  })
})

describe('sameFaults', () => {
  it('compares field by field', () => {
    expect(sameFaults([{ at: 1, action: 'crash', node: 'a' }], [{ at: 1, action: 'crash', node: 'a' }])).toBe(true)
    expect(sameFaults([{ at: 1, action: 'crash', node: 'a' }], [{ at: 1, action: 'crash', node: 'a', replica: 1 }])).toBe(false)
    expect(sameFaults([], [{ at: 1, action: 'crash', node: 'a' }])).toBe(false)
  })
})
