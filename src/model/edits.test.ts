import { describe, expect, it } from 'vitest'
import { addNode, connect, copyFragment, moveLinkInOrder, moveNodes, pasteFragment, removeElements, renameNode, setAbout, setLinkKind, setLinkSetting, setNodeSetting } from './edits'
import { NOTES_MAX, TITLE_MAX } from './fields'
import { checkDiagram } from './invariants'
import { nodeSummary } from './summary'
import type { Diagram } from './types'

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error)
  return r.value
}

function chain(): Diagram {
  let d: Diagram = { nodes: [], links: [] }
  d = addNode(d, 'client', { x: 0, y: 0 }).diagram
  d = addNode(d, 'service', { x: 260, y: 0 }).diagram
  d = addNode(d, 'database', { x: 520, y: 0 }).diagram
  d = unwrap(connect(d, 'client-1', 'service-1')).diagram
  d = unwrap(connect(d, 'service-1', 'database-1')).diagram
  return d
}

describe('edits', () => {
  it('adds nodes with unique ids, labels and whole-number positions', () => {
    let d: Diagram = { nodes: [], links: [] }
    d = addNode(d, 'service', { x: 10.6, y: -3.2 }).diagram
    d = addNode(d, 'service', { x: 0, y: 0 }).diagram
    expect(d.nodes.map((n) => [n.id, n.label, n.x, n.y])).toEqual([
      ['service-1', 'Service', 11, -3],
      ['service-2', 'Service 2', 0, 0],
    ])
    expect(checkDiagram(d)).toEqual([])
  })

  it('chooses the link kind from the ends, and switches sync to async', () => {
    let d = chain()
    expect(d.links.map((l) => l.kind)).toEqual(['sync', 'sync'])
    d = unwrap(setLinkKind(d, 'l-1', 'async'))
    expect(d.links[0]!.kind).toBe('async')
    expect(setLinkKind(d, 'l-2', 'async')).toEqual({ ok: false, error: 'A database answers synchronously only.' })
    expect(setLinkKind(d, 'l-2', 'message').ok).toBe(false)
  })

  it('validates settings and keeps the last valid value', () => {
    const d = chain()
    const cases: [string, string, unknown, RegExp][] = [
      ['client-1', 'rate', '-1', /Rate cannot be negative/],
      ['service-1', 'workers', '0', /Workers per replica must be at least 1/],
      ['service-1', 'workers', '2.5', /whole number/],
      ['service-1', 'errorRate', '101', /Error rate must be at most 100 %/],
      ['service-1', 'timeMs', 'abc', /must be a number/],
      ['service-1', 'timeDist', 'gaussian', /must be one of/],
    ]
    for (const [id, key, raw, message] of cases) {
      expect(setNodeSetting(d, id, key, raw), `${key}=${String(raw)}`).toEqual({ ok: false, error: expect.stringMatching(message) })
    }
    const next = unwrap(setNodeSetting(d, 'service-1', 'workers', '12'))
    expect(nodeSummary(next.nodes[1]!)).toBe('1 × 12 workers · 20 ms')
    // untouched nodes keep their identity
    expect(next.nodes[0]).toBe(d.nodes[0])
  })

  it('validates link settings by role', () => {
    let d = chain()
    d = addNode(d, 'queue', { x: 0, y: 200 }).diagram
    d = unwrap(connect(d, 'service-1', 'queue-1')).diagram
    expect(setLinkSetting(d, 'l-3', 'contract', 'bad contract')).toEqual({ ok: false, error: expect.stringMatching(/name and a version/) })
    d = unwrap(setLinkSetting(d, 'l-3', 'contract', 'OrderPlaced v2'))
    expect(d.links[2]!.settings.contract).toBe('OrderPlaced v2')
    expect(setLinkSetting(d, 'l-3', 'timeoutMs', '100').ok).toBe(false) // not a setting of a message link
    expect(setLinkSetting(d, 'l-1', 'retries', '1.5').ok).toBe(false)
    expect(unwrap(setLinkSetting(d, 'l-1', 'probability', '20')).links[0]!.settings.probability).toBe(20)
  })

  it('renames, refusing empty names', () => {
    const d = chain()
    expect(renameNode(d, 'service-1', '   ')).toEqual({ ok: false, error: 'A name cannot be empty.' })
    expect(unwrap(renameNode(d, 'service-1', '  Orders   API ')).nodes[1]!.label).toBe('Orders API')
  })

  it('removes a node with every link touching it', () => {
    const d = removeElements(chain(), ['service-1'], [])
    expect(d.nodes.map((n) => n.id)).toEqual(['client-1', 'database-1'])
    expect(d.links).toEqual([])
    expect(removeElements(chain(), [], ['l-2']).links.map((l) => l.id)).toEqual(['l-1'])
  })

  it('moves nodes and keeps identity when nothing moved', () => {
    const d = chain()
    expect(moveNodes(d, new Map([['service-1', { x: 260, y: 0 }]]))).toBe(d)
    expect(moveNodes(d, new Map([['service-1', { x: 300.4, y: 9.6 }]])).nodes[1]).toMatchObject({ x: 300, y: 10 })
  })

  it('copies and pastes with fresh ids and the links among the copied nodes', () => {
    const d = chain()
    const fragment = copyFragment(d, ['service-1', 'database-1'])
    expect(fragment.links.map((l) => l.id)).toEqual(['l-2'])
    const { diagram, nodeIds } = pasteFragment(d, fragment, { x: 30, y: 30 })
    expect(nodeIds).toEqual(['service-2', 'database-2'])
    expect(diagram.links.at(-1)).toMatchObject({ id: 'l-3', source: 'service-2', target: 'database-2' })
    // copies get numbered names so they can be told apart in lists and descriptions
    expect(diagram.nodes.slice(-2).map((n) => n.label)).toEqual(['Service 2', 'Database 2'])
    const again = pasteFragment(diagram, copyFragment(diagram, nodeIds), { x: 30, y: 30 })
    expect(again.diagram.nodes.slice(-2).map((n) => n.label)).toEqual(['Service 3', 'Database 3'])
    expect(checkDiagram(diagram)).toEqual([])
  })

  it('gives a new producer or consumer of a queue the contract already used there, and a new publisher the topic’s event name', () => {
    let d: Diagram = { nodes: [], links: [] }
    for (const k of ['service', 'queue', 'service', 'service', 'topic', 'service'] as const) d = addNode(d, k, { x: 0, y: 0 }).diagram
    d = unwrap(connect(d, 'service-1', 'queue-1')).diagram
    d = unwrap(setLinkSetting(d, 'l-1', 'contract', 'ShipOrder v2'))
    d = unwrap(connect(d, 'queue-1', 'service-2')).diagram
    d = unwrap(connect(d, 'service-3', 'queue-1')).diagram
    expect(d.links.map((l) => l.settings.contract)).toEqual(['ShipOrder v2', 'ShipOrder v2', 'ShipOrder v2'])
    d = unwrap(connect(d, 'service-1', 'topic-1')).diagram
    d = unwrap(setLinkSetting(d, 'l-4', 'eventName', 'OrderPlaced'))
    d = unwrap(connect(d, 'service-4', 'topic-1')).diagram
    expect(d.links.at(-1)!.settings.eventName).toBe('OrderPlaced')
    // a queue with no links yet starts from the default
    d = addNode(d, 'queue', { x: 0, y: 0 }).diagram
    d = unwrap(connect(d, 'service-1', 'queue-2')).diagram
    expect(d.links.at(-1)!.settings.contract).toBe('Job v1')
  })

  it('reorders a caller’s outgoing links', () => {
    let d = chain()
    d = addNode(d, 'service', { x: 0, y: 0 }).diagram
    d = unwrap(connect(d, 'service-1', 'service-2')).diagram
    const order = (x: Diagram) => x.links.filter((l) => l.source === 'service-1').map((l) => l.target)
    expect(order(d)).toEqual(['database-1', 'service-2'])
    expect(order(moveLinkInOrder(d, 'l-3', -1))).toEqual(['service-2', 'database-1'])
    expect(moveLinkInOrder(d, 'l-2', -1)).toBe(d)
  })
})

describe('setAbout: the diagram\'s title and notes', () => {
  it('sets, replaces and (with empty text) removes them, keeping nodes and links as they are', () => {
    const d = chain()
    const titled = unwrap(setAbout(d, 'title', '  Order   flow '))
    expect(titled.title).toBe('Order flow')
    expect(titled.nodes).toBe(d.nodes)
    expect(titled.links).toBe(d.links)
    const noted = unwrap(setAbout(titled, 'notes', 'Crash the database.\r\nWatch the client.\n'))
    expect(noted.notes).toBe('Crash the database.\nWatch the client.')
    const cleared = unwrap(setAbout(noted, 'title', '   '))
    expect(cleared).not.toHaveProperty('title')
    expect(cleared.notes).toBe(noted.notes)
  })

  it('returns the same diagram when nothing changes, so no empty undo step is made', () => {
    const d = unwrap(setAbout(chain(), 'title', 'Shop'))
    expect(unwrap(setAbout(d, 'title', ' Shop '))).toBe(d)
    const plain = chain()
    expect(unwrap(setAbout(plain, 'notes', ''))).toBe(plain)
  })

  it('refuses text over the limit and leaves the diagram as it was', () => {
    const d = chain()
    expect(setAbout(d, 'title', 'x'.repeat(TITLE_MAX + 1))).toEqual({ ok: false, error: expect.stringContaining(`at most ${TITLE_MAX} characters`) })
    expect(setAbout(d, 'notes', 'x'.repeat(NOTES_MAX + 1))).toEqual({ ok: false, error: expect.stringContaining(`at most ${NOTES_MAX} characters`) })
    expect(unwrap(setAbout(d, 'title', 'x'.repeat(TITLE_MAX))).title).toHaveLength(TITLE_MAX)
  })
})
