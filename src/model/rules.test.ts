import { describe, expect, it } from 'vitest'
import { addNode, connect } from './edits'
import { LINK_DEFAULTS, defaultSettings } from './defaults'
import { allowedKinds, checkConnection, describeLink, linkRole, syncCycle } from './rules'
import { NODE_KINDS, type Diagram, type DiagramLink, type DiagramNode, type NodeKind } from './types'

function diagramWith(...kinds: NodeKind[]): { d: Diagram; ids: string[] } {
  let d: Diagram = { nodes: [], links: [] }
  const ids: string[] = []
  for (const k of kinds) {
    const r = addNode(d, k, { x: 0, y: 0 })
    d = r.diagram
    ids.push(r.id)
  }
  return { d, ids }
}

describe('which connections are allowed', () => {
  it.each([
    ['client', 'service', ['sync', 'async']],
    ['service', 'service', ['sync', 'async']],
    ['client', 'database', ['sync']],
    ['service', 'database', ['sync']],
    ['service', 'queue', ['message']],
    ['client', 'queue', ['message']],
    ['service', 'topic', ['event']],
    ['queue', 'service', ['message']],
    ['topic', 'service', ['event']],
  ] as const)('%s → %s may be %j', (from, to, kinds) => {
    expect(allowedKinds(from, to)).toEqual({ ok: true, value: kinds })
  })

  it('refuses every connection into a client, with the reason', () => {
    for (const from of NODE_KINDS) {
      expect(allowedKinds(from, 'client')).toEqual({ ok: false, error: expect.stringMatching(/Nothing calls a client/) })
    }
  })

  it('refuses every connection out of a database', () => {
    for (const to of ['service', 'database', 'queue', 'topic'] as const) {
      const r = allowedKinds('database', to)
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/database calls nobody/) })
    }
  })

  it('refuses broker to broker and broker to database', () => {
    for (const from of ['queue', 'topic'] as const) {
      for (const to of ['queue', 'topic'] as const) expect(allowedKinds(from, to).ok).toBe(false)
      expect(allowedKinds(from, 'database')).toEqual({ ok: false, error: expect.stringMatching(/database cannot consume/) })
    }
  })

  it('refuses a link onto itself and a duplicate link', () => {
    const { d, ids } = diagramWith('service', 'service')
    const [a, b] = ids as [string, string]
    expect(checkConnection(d, a, a)).toEqual({ ok: false, error: 'A node cannot link to itself.' })
    const linked = connect(d, a, b)
    if (!linked.ok) throw new Error(linked.error)
    expect(checkConnection(linked.value.diagram, a, b)).toEqual({ ok: false, error: 'Service is already linked to Service 2.' })
    // the reverse direction is a different call and is allowed
    expect(checkConnection(linked.value.diagram, b, a).ok).toBe(true)
  })

  it('derives roles and descriptions from the ends', () => {
    const { d: d0, ids } = diagramWith('service', 'queue', 'service')
    const [p, q, c] = ids as [string, string, string]
    const r1 = connect(d0, p, q)
    if (!r1.ok) throw new Error()
    const r2 = connect(r1.value.diagram, q, c)
    if (!r2.ok) throw new Error()
    const d = r2.value.diagram
    const [pub, con] = d.links
    expect(linkRole(d, pub!)).toBe('publish')
    expect(linkRole(d, con!)).toBe('consume')
    expect(describeLink(d, pub!)).toBe('Message from Service to Queue')
    expect(describeLink(d, con!)).toBe('Message delivery from Queue to Service 2')
  })
})

describe('cycles of synchronous calls', () => {
  const node = (id: string, kind: 'client' | 'service' = 'service') => ({ id, kind, label: id.toUpperCase(), x: 0, y: 0, settings: kind === 'client' ? { ...defaultSettings('client') } : { ...defaultSettings('service') } }) as DiagramNode
  const link = (id: string, source: string, target: string, kind: 'sync' | 'async' = 'sync') => ({ id, source, target, kind, settings: { ...LINK_DEFAULTS } }) as DiagramLink

  it('names the loop a link closes, and nothing for a chain', () => {
    const d: Diagram = { nodes: [node('c', 'client'), node('a'), node('b'), node('x')], links: [link('l1', 'c', 'a'), link('l2', 'a', 'b'), link('l3', 'b', 'x'), link('l4', 'x', 'a')] }
    expect(syncCycle(d, d.links[3]!)).toEqual(['X', 'A', 'B', 'X'])
    expect(syncCycle(d, d.links[1]!)).toEqual(['A', 'B', 'X', 'A'])
    expect(syncCycle(d, d.links[0]!)).toBeNull()
    const chain: Diagram = { ...d, links: d.links.slice(0, 3) }
    expect(chain.links.map((l) => syncCycle(chain, l))).toEqual([null, null, null])
  })

  it('ignores asynchronous links: a 202 does not hold the caller', () => {
    const d: Diagram = { nodes: [node('a'), node('b')], links: [link('l1', 'a', 'b'), link('l2', 'b', 'a', 'async')] }
    expect(syncCycle(d, d.links[0]!)).toBeNull()
  })
})
