import { describe, expect, it } from 'vitest'
import { addFault } from '../../model/faults'
import type { Diagram } from '../../model/types'
import { parseDocument } from '../../share/document'
import { scenarioRelation, splitFirstSentence, suggestedFaultAt } from './relation'

function diagram(): Diagram {
  const r = parseDocument({
    wireplay: 1,
    nodes: [
      { id: 'shop', kind: 'client', label: 'Shop', x: 0, y: 0 },
      { id: 'orders', kind: 'service', label: 'Orders', x: 300, y: 0 },
    ],
    links: [{ id: 'shop-orders', source: 'shop', target: 'orders', kind: 'sync' }],
  })
  if (!r.ok) throw new Error('bad test diagram')
  return r.value
}

describe('scenarioRelation', () => {
  const opened = diagram()
  it('is as-opened for the same diagram, moved nodes and tried faults', () => {
    expect(scenarioRelation(opened, opened)).toBe('as-opened')
    const moved = { ...opened, nodes: opened.nodes.map((n) => ({ ...n, x: n.x + 40 })) }
    expect(scenarioRelation(moved, opened)).toBe('as-opened')
    expect(scenarioRelation(addFault(opened, { at: 0, action: 'crash', node: 'orders' }), opened)).toBe('as-opened')
  })
  it('is edited after a rename, a setting, a removed link or a new seed', () => {
    expect(scenarioRelation({ ...opened, nodes: opened.nodes.map((n) => (n.id === 'orders' ? { ...n, label: 'Mine' } : n)) }, opened)).toBe('edited')
    expect(scenarioRelation({ ...opened, nodes: opened.nodes.map((n) => (n.id === 'orders' ? ({ ...n, settings: { ...n.settings, workers: 9 } } as typeof n) : n)) }, opened)).toBe('edited')
    expect(scenarioRelation({ ...opened, links: [] }, opened)).toBe('edited')
    expect(scenarioRelation({ ...opened, seed: 7 }, opened)).toBe('edited')
  })
  it('is other once none of its nodes is left', () => {
    expect(scenarioRelation({ nodes: [], links: [] }, opened)).toBe('other')
    expect(scenarioRelation({ ...opened, nodes: opened.nodes.map((n) => ({ ...n, id: `x-${n.id}` })), links: [] }, opened)).toBe('other')
  })
})

describe('suggestedFaultAt', () => {
  const d = diagram()
  it('happens at the next whole ms without a time of its own, or when its time has passed (at 0, at 0)', () => {
    expect(suggestedFaultAt({ action: 'crash', node: 'orders' }, 1234.4, d)).toEqual({ at: 1235, action: 'crash', node: 'orders' })
    expect(suggestedFaultAt({ action: 'crash', node: 'orders', at: 1000 }, 5000, d)).toEqual({ at: 5001, action: 'crash', node: 'orders' })
    expect(suggestedFaultAt({ action: 'crash', node: 'orders' }, 0, d)).toEqual({ at: 0, action: 'crash', node: 'orders' })
  })
  it('keeps a time still to come', () => {
    expect(suggestedFaultAt({ action: 'latency', link: 'shop-orders', addMs: 300, at: 8000 }, 2000, d)).toEqual({ at: 8000, action: 'latency', link: 'shop-orders', addMs: 300 })
  })
  it('is null when the diagram no longer has what it names', () => {
    expect(suggestedFaultAt({ action: 'crash', node: 'gone' }, 0, d)).toBeNull()
    expect(suggestedFaultAt({ action: 'crash', node: 'shop' }, 0, d)).toBeNull()
  })
})

describe('splitFirstSentence', () => {
  it('splits off the first sentence, keeping inner punctuation', () => {
    expect(splitFirstSentence('Slow the link to Payments by 1.5 s instead of crashing it. Now Checkout’s workers hang on.')).toEqual([
      'Slow the link to Payments by 1.5 s instead of crashing it.',
      'Now Checkout’s workers hang on.',
    ])
    expect(splitFirstSentence('Crash Email.')).toEqual(['Crash Email.', ''])
    expect(splitFirstSentence('No full stop')).toEqual(['No full stop', ''])
  })
})
