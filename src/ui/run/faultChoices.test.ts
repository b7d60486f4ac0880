import { describe, expect, it } from 'vitest'
import type { Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { STARTER_DOCUMENT } from '../../scenarios/starter'
import type { SimSnapshot } from '../../sim/types'
import { faultChoices, offeredReplicaStates, type RunReplicaView } from './faultChoices'

function starter(replicas = 1): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter')
  return { ...r.value, nodes: r.value.nodes.map((n) => (n.id === 'service-1' && n.kind === 'service' ? { ...n, settings: { ...n.settings, replicas } } : n)) }
}

/** A run's snapshot that has every replica of service-1 up (as one is before it applies the faults of 0 s). */
const allUp = (replicas: number): SimSnapshot =>
  ({ time: 0, events: 0, nodes: [{ id: 'service-1', replicas: Array.from({ length: replicas }, () => ({ state: 'up' })) }], totals: { created: 0, ended: 0, inFlight: 0 } }) as unknown as SimSnapshot

const run = (faults: Fault[], over: Partial<RunReplicaView> = {}, replicas = 1): RunReplicaView => ({ playing: false, seeking: null, time: 0, snapshot: allUp(replicas), faults, ...over })

const labels = (d: Diagram, view: RunReplicaView) => {
  const states = offeredReplicaStates(view, d, 'service-1')
  return faultChoices(d, { node: 'service-1' }, undefined, states ? (states.split(',') as ('up' | 'crashed' | 'restarting')[]) : undefined).map((c) => c.label)
}

describe('the replicas the fault choices go by', () => {
  it('before Run or after Reset, follows the timeline: a service crashed at 0 s offers Restart, not Crash', () => {
    const d = starter()
    const crashed = run([{ at: 0, action: 'crash', node: 'service-1' }])
    expect(offeredReplicaStates(crashed, d, 'service-1')).toBe('crashed')
    expect(labels(d, crashed)).toContain('Restart Orders')
    expect(labels(d, crashed)).not.toContain('Crash Orders')
    // restarted later on the timeline: paused there, it is up again
    const restarted = run([{ at: 0, action: 'crash', node: 'service-1' }, { at: 5000, action: 'restart', node: 'service-1' }], { time: 6000 })
    expect(labels(d, restarted)).toContain('Crash Orders')
    expect(labels(d, restarted)).not.toContain('Restart Orders')
  })

  it('does not offer crashing a replica the timeline has crashed', () => {
    const d = starter(3)
    const view = run([{ at: 0, action: 'crash', node: 'service-1', replica: 2 }], {}, 3)
    expect(offeredReplicaStates(view, d, 'service-1')).toBe('up,crashed,up')
    expect(labels(d, view)).toEqual(expect.arrayContaining(['Crash Orders', 'Restart Orders', 'Crash replica 1', 'Crash replica 3']))
    expect(labels(d, view)).not.toContain('Crash replica 2')
  })

  it('counts a fault at the instant a new one would land (the next whole ms), not one after it', () => {
    const d = starter()
    expect(offeredReplicaStates(run([{ at: 1001, action: 'crash', node: 'service-1' }], { time: 1000 }), d, 'service-1')).toBe('crashed')
    expect(offeredReplicaStates(run([{ at: 1002, action: 'crash', node: 'service-1' }], { time: 1000 }), d, 'service-1')).toBe('up')
  })

  it('goes by the run’s own replicas while it plays or seeks', () => {
    const d = starter()
    const faults: Fault[] = [{ at: 0, action: 'crash', node: 'service-1' }]
    expect(offeredReplicaStates(run(faults, { playing: true }), d, 'service-1')).toBe('up')
    expect(offeredReplicaStates(run(faults, { seeking: { target: 5000, from: 0 } }), d, 'service-1')).toBe('up')
  })

  it('knows nothing of replicas for what has none', () => {
    const d = starter()
    expect(offeredReplicaStates(run([]), d, null)).toBe('')
    expect(offeredReplicaStates(run([]), d, 'queue-1')).toBe('')
    expect(offeredReplicaStates(run([]), d, 'nobody')).toBe('')
  })
})
