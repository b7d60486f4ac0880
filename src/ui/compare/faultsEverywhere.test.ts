import { describe, expect, it } from 'vitest'
import type { Fault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { orderFlowEvents } from '../../scenarios/library/orderFlowEvents'
import { orderFlowMessages } from '../../scenarios/library/orderFlowMessages'
import { orderFlowSync } from '../../scenarios/library/orderFlowSync'
import { parseDocument } from '../../share/document'
import type { SimSnapshot } from '../../sim/types'
import { type ComparedRun, faultTargets, sharedChoices } from './faultsEverywhere'

const diagramOf = (doc: unknown): Diagram => {
  const r = parseDocument(doc)
  if (!r.ok) throw new Error('scenario does not parse')
  return r.value
}
const NO_SNAPSHOT: SimSnapshot = { time: 0, events: 0, nodes: [], totals: { created: 0, ended: 0, inFlight: 0 } }
/** A design standing still at `time` with these faults on its timeline (not playing: replicas come from the timeline). */
const stopped = (diagram: Diagram, faults: Fault[] = [], time = 0): ComparedRun => ({ diagram, run: { playing: false, seeking: null, time, snapshot: NO_SNAPSHOT, faults } })

const [sync, messages, events] = [orderFlowSync, orderFlowMessages, orderFlowEvents].map((s) => diagramOf(s.document)) as [Diagram, Diagram, Diagram]
const idOf = (d: Diagram, label: string) => d.nodes.find((n) => n.label === label)!.id

describe('the same fault in every compared design', () => {
  it('names each service and database once, with how many designs have it', () => {
    const targets = faultTargets([sync, messages, events])
    expect(targets.find((t) => t.label === 'Payment')).toEqual({ label: 'Payment', count: 3 })
    // queues and topics cannot be crashed: not offered
    expect(targets.some((t) => t.label === 'Payment commands')).toBe(false)
  })

  it('sends one choice to the node of that name in each design, by its own id', () => {
    const choices = sharedChoices([stopped(sync), stopped(messages), stopped(events)], 'Payment')
    const crash = choices.find((c) => c.label === 'Crash Payment')!
    expect(crash.harmful).toBe(true)
    expect(crash.faults).toEqual([sync, messages, events].map((d) => ({ action: 'crash', node: idOf(d, 'Payment') })))
    expect(choices.map((c) => c.label)).not.toContain('Restart Payment')
  })

  it('offers each design only what it can take now: a crashed one is restarted, the others crashed', () => {
    const down: Fault[] = [{ at: 0, action: 'crash', node: idOf(sync, 'Payment') }]
    const choices = sharedChoices([stopped(sync, down, 1000), stopped(messages), stopped(events)], 'Payment')
    expect(choices.find((c) => c.label === 'Crash Payment')!.faults.map((f) => f?.action ?? null)).toEqual([null, 'crash', 'crash'])
    expect(choices.find((c) => c.label === 'Restart Payment')!.faults.map((f) => f?.action ?? null)).toEqual(['restart', null, null])
  })

  it('says what a choice does where the designs would word it differently, and leaves out designs without the node', () => {
    const slower: Diagram = { ...messages, nodes: messages.nodes.map((n) => (n.label === 'Payment' && n.kind === 'service' ? { ...n, settings: { ...n.settings, timeMs: 80 } } : n)) }
    const withoutPayment: Diagram = { ...events, nodes: events.nodes.filter((n) => n.label !== 'Payment') }
    const slow = sharedChoices([stopped(sync), stopped(slower), stopped(withoutPayment)], 'Payment').find((c) => c.faults[0]?.action === 'serviceTime')!
    expect(slow.label).toBe('Slow Payment to 5× its service time')
    expect(slow.faults).toEqual([
      { action: 'serviceTime', node: idOf(sync, 'Payment'), timeMs: 250 },
      { action: 'serviceTime', node: idOf(slower, 'Payment'), timeMs: 400 },
      null,
    ])
  })
})
