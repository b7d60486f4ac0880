import { describe, expect, it } from 'vitest'
import { parseDocumentText, parseRunDocumentText, serializeDocument } from './document'

const base = {
  wireplay: 1,
  nodes: [
    { id: 'c', kind: 'client', label: 'C', x: 0, y: 0 },
    { id: 's', kind: 'service', label: 'S', x: 0, y: 0, settings: { replicas: 2 } },
    { id: 'q', kind: 'queue', label: 'Q', x: 0, y: 0 },
    { id: 't', kind: 'topic', label: 'T', x: 0, y: 0 },
  ],
  links: [
    { id: 'l1', source: 'c', target: 's', kind: 'sync' },
    { id: 'l2', source: 'c', target: 'q', kind: 'message' },
    { id: 'l3', source: 'q', target: 's', kind: 'message' },
    { id: 'l4', source: 'c', target: 't', kind: 'event' },
    { id: 'l5', source: 't', target: 's', kind: 'event' },
  ],
}

describe('the fault timeline in a document', () => {
  it('reads faults, round-trips them, and plain readers ignore them', () => {
    const faults = [
      { at: 1000, action: 'crash', node: 's', replica: 2 },
      { at: 2000, action: 'restart', node: 's' },
      { at: 3000, action: 'latency', link: 'l1', addMs: 50 },
      { at: 4000, action: 'errorRate', node: 's', errorRate: 25 },
      { at: 5000, action: 'detach', link: 'l3' },
      { at: 6000, action: 'attach', link: 'l3' },
      { at: 7000, action: 'unsubscribe', link: 'l5' },
      { at: 8000, action: 'subscribe', link: 'l5' },
      { at: 9000, action: 'poison', link: 'l2' },
      { at: 9000, action: 'poison', link: 'l4' },
      { at: 10_000, action: 'contract', link: 'l2', contract: 'Job v2' },
      { at: 11_000, action: 'contract', link: 'l3', contract: 'Job v2' },
      { at: 12_000, action: 'serviceTime', node: 's', timeMs: 1500 },
    ]
    const text = JSON.stringify({ ...base, faults })
    const r = parseRunDocumentText(text)
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(r.value.faults).toEqual(faults)
    expect(parseDocumentText(text).ok).toBe(true)
    const again = parseRunDocumentText(serializeDocument(r.value.diagram, r.value.faults))
    expect(again.ok && again.value.faults).toEqual(faults)
    // the diagram carries its own timeline: saving it keeps the faults
    expect(JSON.parse(serializeDocument(r.value.diagram)).faults).toEqual(faults)
    expect(JSON.parse(serializeDocument({ nodes: r.value.diagram.nodes, links: r.value.diagram.links }))).not.toHaveProperty('faults')
  })

  it('keeps the timeline in time order and the seed, and refuses a seed that is not a whole number', () => {
    const text = JSON.stringify({ ...base, seed: 42, faults: [{ at: 3000, action: 'restart', node: 's' }, { at: 1000, action: 'crash', node: 's' }] })
    const r = parseDocumentText(text)
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(r.value.seed).toBe(42)
    expect(r.value.faults?.map((f) => f.at)).toEqual([1000, 3000])
    expect(JSON.parse(serializeDocument(r.value)).seed).toBe(42)
    const bad = parseDocumentText(JSON.stringify({ ...base, seed: 1.5 }))
    expect(bad.ok ? [] : bad.error.map((p) => p.path)).toEqual(['seed'])
  })

  it('reports each bad fault with its path', () => {
    const faults = [
      { at: -5, action: 'crash', node: 's' },
      { at: 1, action: 'crash', node: 'c' },
      { at: 1, action: 'crash', node: 's', replica: 3 },
      { at: 1, action: 'detach', link: 'l1' },
      { at: 1, action: 'latency', link: 'nope', addMs: 5 },
      { at: 1, action: 'melt' },
      { at: 1, action: 'errorRate', node: 's', errorRate: 101, extra: true },
      'crash',
    ]
    const r = parseRunDocumentText(JSON.stringify({ ...base, faults }))
    expect(r.ok).toBe(false)
    const paths = r.ok ? [] : r.error.map((p) => p.path)
    expect(paths).toEqual(['faults[0].at', 'faults[1].node', 'faults[2].replica', 'faults[3].link', 'faults[4].link', 'faults[5].action', 'faults[6].extra', 'faults[6].errorRate', 'faults[7]'])
    expect(parseRunDocumentText(JSON.stringify({ ...base, faults: {} })).ok).toBe(false)
  })

  it('says which links each newer fault applies to, and what a contract must look like', () => {
    const faults = [
      { at: 1, action: 'unsubscribe', link: 'l3' },
      { at: 1, action: 'subscribe', link: 'l4' },
      { at: 1, action: 'poison', link: 'l3' },
      { at: 1, action: 'poison', link: 'l1' },
      { at: 1, action: 'contract', link: 'l4', contract: 'Job v2' },
      { at: 1, action: 'contract', link: 'l2', contract: 'no version' },
      { at: 1, action: 'contract', link: 'l2' },
      { at: 1, action: 'poison', link: 'l2', count: 3 },
      { at: 1, action: 'serviceTime', node: 'q', timeMs: 10 },
      { at: 1, action: 'serviceTime', node: 's', timeMs: -1 },
      { at: 1, action: 'serviceTime', node: 's' },
    ]
    const r = parseRunDocumentText(JSON.stringify({ ...base, faults }))
    const problems = r.ok ? [] : r.error.map((p) => `${p.path}: ${p.message}`)
    expect(problems).toEqual([
      'faults[0].link: Only a subscriber\'s link (out of a topic) can unsubscribe.',
      'faults[1].link: Only a subscriber\'s link (out of a topic) can subscribe.',
      'faults[2].link: Only a producer\'s link into a queue or topic can carry a poison message.',
      'faults[3].link: Only a producer\'s link into a queue or topic can carry a poison message.',
      'faults[4].link: Only a message link (to or from a queue) has a contract.',
      'faults[5].contract: contract must be a name and a version, like “OrderPlaced v2”.',
      'faults[6].contract: contract must be a name and a version, like “OrderPlaced v2”.',
      'faults[7].count: A poison fault has no field “count”.',
      'faults[8].node: Only a service or a database can have its service time changed; “Q” is a queue.',
      'faults[9].timeMs: timeMs must be from 0 to 3,600,000 ms.',
      'faults[10].timeMs: timeMs must be from 0 to 3,600,000 ms.',
    ])
  })

  it('still reports JSON and diagram problems first', () => {
    expect(parseRunDocumentText('{').ok).toBe(false)
    const r = parseRunDocumentText(JSON.stringify({ ...base, nodes: [], faults: [] }))
    expect(r.ok).toBe(false)
  })
})
