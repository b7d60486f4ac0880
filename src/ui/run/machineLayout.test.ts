import { describe, expect, it } from 'vitest'
import { machineCatalog } from '../../store/run/machines'
import { layoutMachine, transitionLabel } from './machineLayout'

describe('a state machine laid out', () => {
  const sync = layoutMachine(machineCatalog().syncCall)

  it('places every state once, inside the drawing, without overlaps', () => {
    expect(sync.states.map((s) => s.name)).toEqual(['waiting', 'backoff', 'succeeded', 'failed', 'timedOut', 'abandoned'])
    for (const s of sync.states) {
      expect(s.x - s.width / 2).toBeGreaterThanOrEqual(0)
      expect(s.y + s.height / 2).toBeLessThanOrEqual(sync.height)
    }
    for (const a of sync.states)
      for (const b of sync.states) {
        if (a === b) continue
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2
        expect(apart).toBe(true)
      }
    expect(sync.states.find((s) => s.initial)!.name).toBe('waiting')
  })

  it('draws the initial state left of where it leads, and each transition as its own line', () => {
    const x = Object.fromEntries(sync.states.map((s) => [s.name, s.x]))
    expect(x.waiting).toBeLessThan(x.succeeded!)
    expect(sync.transitions).toHaveLength(machineCatalog().syncCall.transitions.length)
    for (const t of sync.transitions) expect(t.points.length).toBeGreaterThanOrEqual(2)
    const twoWays = sync.transitions.filter((t) => t.from === 'waiting' && t.to === 'backoff')
    expect(twoWays.map((t) => t.label)).toEqual(['REPLY_ERROR [canRetry]', 'after timeout [canRetry]'])
    expect(twoWays[0]!.labelY).not.toBe(twoWays[1]!.labelY)
  })

  it('labels a transition by event and guard', () => {
    expect(transitionLabel({ event: 'ACK', guard: null })).toBe('ACK')
    expect(transitionLabel({ event: 'NACK', guard: 'canRedeliver' })).toBe('NACK [canRedeliver]')
  })
})
