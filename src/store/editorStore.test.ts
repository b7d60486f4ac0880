import { describe, expect, it } from 'vitest'
import { checkDiagram } from '../model/invariants'
import type { Diagram, DiagramNode } from '../model/types'
import { parseDocument } from '../share/document'
import { STARTER_DOCUMENT } from '../scenarios/starter'
import { createEditorStore, selectCanRedo, selectCanUndo, selectDiagram, type EditorStore } from './editorStore'

const diagram = (store: EditorStore) => selectDiagram(store.getState())
const steps = (store: EditorStore) => store.getState().history.past.length
const nodeById = (store: EditorStore, id: string): DiagramNode => {
  const n = diagram(store).nodes.find((x) => x.id === id)
  if (!n) throw new Error(`no node ${id}`)
  return n
}
const ids = (d: Diagram) => ({ nodes: d.nodes.map((n) => n.id), links: d.links.map((l) => l.id) })
const positions = (entries: [string, number, number][]) => new Map(entries.map(([id, x, y]) => [id, { x, y }]))

function starterDiagram(): Diagram {
  const r = parseDocument(STARTER_DOCUMENT)
  if (!r.ok) throw new Error('starter does not parse')
  return r.value
}

/** client-1 → service-1 → database-1, with history cleared so tests count only their own steps. */
function chainStore(): EditorStore {
  const s = createEditorStore()
  const { addNode, connect } = s.getState()
  addNode('client', { x: 0, y: 0 })
  addNode('service', { x: 260, y: 0 })
  addNode('database', { x: 520, y: 0 })
  connect('client-1', 'service-1')
  connect('service-1', 'database-1')
  return createEditorStore(diagram(s))
}

describe('editor store', () => {
  it('starts with the given diagram, nothing selected and nothing to undo', () => {
    const d = starterDiagram()
    const s = createEditorStore(d)
    expect(diagram(s)).toBe(d)
    expect(s.getState().selection).toEqual({ nodes: [], links: [] })
    expect(selectCanUndo(s.getState())).toBe(false)
    expect(selectCanRedo(s.getState())).toBe(false)
    expect(diagram(createEditorStore())).toEqual({ nodes: [], links: [] })
  })

  describe('addNode', () => {
    it('adds the node at a whole-number position, selects it alone and makes one undo step', () => {
      const s = createEditorStore()
      const first = s.getState().addNode('service', { x: 10.4, y: 20.6 })!
      s.getState().select({ nodes: [first], links: ['l-x'] })
      const id = s.getState().addNode('queue', { x: 100, y: 0 })
      expect(id).toBe('queue-1')
      expect(s.getState().selection).toEqual({ nodes: ['queue-1'], links: [] })
      expect(nodeById(s, first)).toMatchObject({ kind: 'service', x: 10, y: 21 })
      expect(steps(s)).toBe(2)
    })

    it('undoing an add removes the node and drops it from the selection', () => {
      const s = createEditorStore()
      s.getState().addNode('client', { x: 0, y: 0 })
      s.getState().undo()
      expect(diagram(s).nodes).toEqual([])
      expect(s.getState().selection).toEqual({ nodes: [], links: [] })
      s.getState().redo()
      expect(ids(diagram(s)).nodes).toEqual(['client-1'])
    })
  })

  describe('connect', () => {
    it('adds a link with the default kind and returns its id', () => {
      const s = chainStore()
      s.getState().addNode('service', { x: 0, y: 200 })
      expect(s.getState().connect('service-1', 'service-2')).toEqual({ ok: true, value: 'l-3' })
      expect(diagram(s).links.at(-1)).toMatchObject({ id: 'l-3', source: 'service-1', target: 'service-2', kind: 'sync' })
      expect(s.getState().notice).toBeNull()
    })

    it('honours a chosen kind that the ends allow', () => {
      const s = chainStore()
      s.getState().addNode('service', { x: 0, y: 200 })
      expect(s.getState().connect('client-1', 'service-2', 'async').ok).toBe(true)
      expect(diagram(s).links.at(-1)!.kind).toBe('async')
    })

    it('refuses with the reason, shown as an error notice, and leaves the diagram alone', () => {
      const s = chainStore()
      const before = diagram(s)
      const cases: [string, string, string][] = [
        ['service-1', 'client-1', 'Nothing calls a client: a client only sends requests.'],
        ['database-1', 'service-1', 'A database calls nobody: it only answers requests.'],
        ['service-1', 'service-1', 'A node cannot link to itself.'],
        ['client-1', 'service-1', 'Client is already linked to Service.'],
        ['client-1', 'nope', 'That node no longer exists.'],
      ]
      let lastNoticeId = 0
      for (const [from, to, reason] of cases) {
        expect(s.getState().connect(from, to), `${from} → ${to}`).toEqual({ ok: false, error: reason })
        const notice = s.getState().notice!
        expect(notice).toMatchObject({ text: reason, tone: 'error' })
        expect(notice.id).toBeGreaterThan(lastNoticeId)
        lastNoticeId = notice.id
      }
      expect(diagram(s)).toBe(before)
      expect(steps(s)).toBe(0)
    })

    it('refuses a kind the ends do not allow', () => {
      const s = chainStore()
      const r = s.getState().connect('database-1', 'service-1')
      expect(r.ok).toBe(false)
      s.getState().addNode('service', { x: 0, y: 0 })
      const wrongKind = s.getState().connect('service-1', 'service-2', 'message')
      expect(wrongKind).toEqual({ ok: false, error: expect.stringMatching(/message link cannot join a service to a service/) })
      expect(s.getState().notice).toMatchObject({ tone: 'error' })
      expect(diagram(s).links).toHaveLength(2)
    })

    it('the same refusal twice gives two notices', () => {
      const s = chainStore()
      s.getState().connect('service-1', 'service-1')
      const first = s.getState().notice!.id
      s.getState().connect('service-1', 'service-1')
      expect(s.getState().notice!.id).not.toBe(first)
      s.getState().dismissNotice()
      expect(s.getState().notice).toBeNull()
    })
  })

  describe('moveNodes', () => {
    it('live moves then end make exactly one undo step', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().moveNodes(positions([['service-1', 270, 5]]), 'live')
      s.getState().moveNodes(positions([['service-1', 290, 15]]), 'live')
      s.getState().moveNodes(positions([['service-1', 310.4, 29.6]]), 'live')
      expect(nodeById(s, 'service-1')).toMatchObject({ x: 310, y: 30 })
      expect(steps(s)).toBe(0) // nothing to undo mid-drag
      s.getState().moveNodes(positions([['service-1', 320, 40]]), 'end')
      expect(nodeById(s, 'service-1')).toMatchObject({ x: 320, y: 40 })
      expect(steps(s)).toBe(1)
      expect(s.getState().gestureBase).toBeNull()

      s.getState().undo()
      expect(diagram(s)).toBe(before)
      expect(selectCanUndo(s.getState())).toBe(false)
      s.getState().redo()
      expect(nodeById(s, 'service-1')).toMatchObject({ x: 320, y: 40 })
    })

    it('moves several nodes in one drag as one step', () => {
      const s = chainStore()
      s.getState().moveNodes(positions([['client-1', 10, 10], ['service-1', 270, 10]]), 'live')
      s.getState().moveNodes(positions([['client-1', 20, 20], ['service-1', 280, 20]]), 'end')
      expect(steps(s)).toBe(1)
      s.getState().undo()
      expect(diagram(s).nodes.map((n) => [n.x, n.y])).toEqual([[0, 0], [260, 0], [520, 0]])
    })

    it('a drag that never leaves the starting point (a click) adds no step', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().moveNodes(positions([['service-1', 260.2, -0.3]]), 'live')
      s.getState().moveNodes(positions([['service-1', 259.6, 0]]), 'end')
      expect(steps(s)).toBe(0)
      expect(diagram(s)).toBe(before)
      expect(s.getState().gestureBase).toBeNull()
    })

    it('two drags are two steps; once and a bare end are one step each', () => {
      const s = chainStore()
      for (const x of [300, 340]) {
        s.getState().moveNodes(positions([['service-1', x - 10, 0]]), 'live')
        s.getState().moveNodes(positions([['service-1', x, 0]]), 'end')
      }
      expect(steps(s)).toBe(2)
      s.getState().moveNodes(positions([['service-1', 350, 0]]), 'once')
      s.getState().moveNodes(positions([['service-1', 360, 0]]), 'end')
      expect(steps(s)).toBe(4)
      s.getState().undo()
      expect(nodeById(s, 'service-1').x).toBe(350)
      s.getState().undo()
      expect(nodeById(s, 'service-1').x).toBe(340)
      s.getState().undo()
      expect(nodeById(s, 'service-1').x).toBe(300)
    })

    it('a move to the same place adds no step', () => {
      const s = chainStore()
      s.getState().moveNodes(positions([['service-1', 260, 0]]), 'once')
      s.getState().moveNodes(positions([['ghost', 1, 1]]), 'once')
      expect(steps(s)).toBe(0)
    })
  })

  describe('setNodeSetting', () => {
    it('typing into one field is one undo step', () => {
      const s = chainStore()
      for (const raw of ['1', '12', '120']) expect(s.getState().setNodeSetting('service-1', 'workers', raw)).toEqual({ ok: true, value: undefined })
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 120 })
      expect(steps(s)).toBe(1)
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 4 })
    })

    it('a different key, or the same key on another node, makes a new step', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '8')
      s.getState().setNodeSetting('service-1', 'timeMs', '50')
      s.getState().setNodeSetting('service-1', 'timeMs', '55')
      s.getState().setNodeSetting('database-1', 'timeMs', '5')
      expect(steps(s)).toBe(3)
      s.getState().undo()
      expect(nodeById(s, 'database-1').settings).toMatchObject({ timeMs: 10 })
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8, timeMs: 55 })
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8, timeMs: 20 })
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 4, timeMs: 20 })
    })

    it('another edit in between ends the run of typing', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '8')
      s.getState().rename('service-1', 'Orders')
      s.getState().setNodeSetting('service-1', 'workers', '9')
      expect(steps(s)).toBe(3)
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8 })
    })

    it('after an undo, typing again in the same field is a new step', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '8')
      s.getState().setNodeSetting('service-1', 'timeMs', '30')
      s.getState().undo()
      s.getState().setNodeSetting('service-1', 'workers', '16')
      expect(steps(s)).toBe(2)
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8 })
    })

    it('an invalid value leaves the diagram and history unchanged and returns the message', () => {
      const s = chainStore()
      const before = diagram(s)
      expect(s.getState().setNodeSetting('service-1', 'workers', '0')).toEqual({ ok: false, error: 'Workers per replica must be at least 1.' })
      expect(s.getState().setNodeSetting('service-1', 'workers', '2.5')).toEqual({ ok: false, error: 'Workers per replica must be a whole number.' })
      expect(s.getState().setNodeSetting('service-1', 'colour', 'red')).toEqual({ ok: false, error: 'A service has no setting “colour”.' })
      expect(s.getState().setNodeSetting('ghost', 'workers', '3')).toEqual({ ok: false, error: 'That node no longer exists.' })
      expect(diagram(s)).toBe(before)
      expect(steps(s)).toBe(0)
    })

    it('an invalid keystroke in a run keeps the last valid value', () => {
      const s = chainStore()
      s.getState().setNodeSetting('client-1', 'rate', '5')
      expect(s.getState().setNodeSetting('client-1', 'rate', '5x').ok).toBe(false)
      expect(nodeById(s, 'client-1').settings).toMatchObject({ rate: 5 })
      s.getState().setNodeSetting('client-1', 'rate', '50')
      expect(steps(s)).toBe(1)
    })

    it('setting the current value adds no step', () => {
      const s = chainStore()
      expect(s.getState().setNodeSetting('service-1', 'workers', '4').ok).toBe(true)
      expect(steps(s)).toBe(0)
    })
  })

  describe('links', () => {
    it('setLinkSetting coalesces per link and key, and refuses bad values', () => {
      const s = chainStore()
      s.getState().setLinkSetting('l-1', 'timeoutMs', '2')
      s.getState().setLinkSetting('l-1', 'timeoutMs', '25')
      s.getState().setLinkSetting('l-1', 'timeoutMs', '250')
      s.getState().setLinkSetting('l-2', 'timeoutMs', '300')
      expect(steps(s)).toBe(2)
      expect(diagram(s).links.map((l) => l.settings.timeoutMs)).toEqual([250, 300])
      expect(s.getState().setLinkSetting('l-1', 'retries', '11')).toEqual({ ok: false, error: 'Retries must be at most 10.' })
      expect(s.getState().setLinkSetting('l-1', 'contract', 'Job v2')).toEqual({ ok: false, error: 'This link has no setting “contract”.' })
      expect(steps(s)).toBe(2)
    })

    it('setLinkKind switches sync and async as one step, and refuses async into a database', () => {
      const s = chainStore()
      expect(s.getState().setLinkKind('l-1', 'async')).toEqual({ ok: true, value: undefined })
      expect(diagram(s).links[0]!.kind).toBe('async')
      expect(s.getState().setLinkKind('l-2', 'async')).toEqual({ ok: false, error: 'A database answers synchronously only.' })
      expect(steps(s)).toBe(1)
      s.getState().undo()
      expect(diagram(s).links[0]!.kind).toBe('sync')
    })

    it('moveLinkInOrder reorders a caller’s links as an undoable step', () => {
      const s = chainStore()
      s.getState().addNode('service', { x: 0, y: 200 })
      s.getState().connect('service-1', 'service-2')
      const before = steps(s)
      s.getState().moveLinkInOrder('l-3', -1)
      expect(diagram(s).links.filter((l) => l.source === 'service-1').map((l) => l.id)).toEqual(['l-3', 'l-2'])
      expect(steps(s)).toBe(before + 1)
      s.getState().moveLinkInOrder('l-3', -1) // already first
      expect(steps(s)).toBe(before + 1)
    })
  })

  describe('undo and redo', () => {
    it('undo and redo a rename; an invalid name is refused', () => {
      const s = chainStore()
      expect(s.getState().rename('service-1', '  Orders   API ')).toEqual({ ok: true, value: undefined })
      expect(nodeById(s, 'service-1').label).toBe('Orders API')
      expect(s.getState().rename('service-1', '   ')).toEqual({ ok: false, error: 'A name cannot be empty.' })
      expect(steps(s)).toBe(1)
      s.getState().undo()
      expect(nodeById(s, 'service-1').label).toBe('Service')
      s.getState().redo()
      expect(nodeById(s, 'service-1').label).toBe('Orders API')
    })

    it('undo and redo a delete, including the links it removed', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().remove(['service-1'], [])
      expect(ids(diagram(s))).toEqual({ nodes: ['client-1', 'database-1'], links: [] })
      s.getState().undo()
      expect(diagram(s)).toBe(before)
      s.getState().redo()
      expect(ids(diagram(s))).toEqual({ nodes: ['client-1', 'database-1'], links: [] })
    })

    it('walks back and forth through settings edits, and a new edit clears redo', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '8')
      s.getState().setNodeSetting('service-1', 'replicas', '3')
      s.getState().undo()
      s.getState().undo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 4, replicas: 1 })
      expect(selectCanRedo(s.getState())).toBe(true)
      s.getState().redo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8, replicas: 1 })
      s.getState().setNodeSetting('service-1', 'timeMs', '40')
      expect(selectCanRedo(s.getState())).toBe(false)
      s.getState().redo()
      expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 8, replicas: 1, timeMs: 40 })
    })

    it('undo with nothing to undo and redo with nothing to redo change nothing', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().undo()
      s.getState().redo()
      expect(diagram(s)).toBe(before)
    })

    it('undo and redo wait while a drag is in progress, then the drag is one step', () => {
      const s = chainStore()
      s.getState().rename('client-1', 'Web')
      s.getState().moveNodes(positions([['service-1', 400, 0]]), 'live')
      s.getState().undo()
      s.getState().redo()
      expect(nodeById(s, 'client-1').label).toBe('Web')
      expect(nodeById(s, 'service-1').x).toBe(400)
      s.getState().moveNodes(positions([['service-1', 420, 0]]), 'end')
      s.getState().undo()
      expect(nodeById(s, 'service-1').x).toBe(260)
      expect(nodeById(s, 'client-1').label).toBe('Web')
    })

    it('folds a run of arrow-key moves of the same nodes into one step, until the selection changes', () => {
      const s = chainStore()
      const before = steps(s)
      for (const x of [265, 270, 275]) s.getState().moveNodes(positions([['service-1', x, 0]]), 'nudge')
      expect(steps(s)).toBe(before + 1)
      s.getState().select({ nodes: ['client-1'], links: [] })
      s.getState().select({ nodes: ['service-1'], links: [] })
      s.getState().moveNodes(positions([['service-1', 280, 0]]), 'nudge')
      expect(steps(s)).toBe(before + 2)
      s.getState().undo()
      expect(nodeById(s, 'service-1').x).toBe(275)
    })

    it('makes a new step for the same field once the selection has changed', () => {
      const s = chainStore()
      const before = steps(s)
      s.getState().setNodeSetting('service-1', 'timeDist', 'constant')
      s.getState().select({ nodes: ['client-1'], links: [] })
      s.getState().select({ nodes: ['service-1'], links: [] })
      s.getState().setNodeSetting('service-1', 'timeDist', 'uniform')
      expect(steps(s)).toBe(before + 2)
      s.getState().undo()
      expect((nodeById(s, 'service-1').settings as { timeDist: string }).timeDist).toBe('constant')
    })

    it('makes no step for a rename that changes nothing, and refuses an unknown node', () => {
      const s = chainStore()
      const before = steps(s)
      expect(s.getState().rename('service-1', ' Service ')).toEqual({ ok: true, value: undefined })
      expect(steps(s)).toBe(before)
      expect(s.getState().rename('nope', 'X')).toEqual({ ok: false, error: 'That node no longer exists.' })
    })

    it('tells screen readers what add, delete, undo and redo did', () => {
      const s = chainStore()
      s.getState().addNode('queue', { x: 0, y: 0 })
      expect(s.getState().announcement?.text).toBe('Added Queue.')
      s.getState().remove(['service-1'], [])
      expect(s.getState().announcement?.text).toBe('Deleted 1 node and 2 links.')
      s.getState().undo()
      expect(s.getState().announcement?.text).toBe('Undone.')
    })

    it('keeps only the selected ids that still exist after undo and redo', () => {
      const s = chainStore()
      s.getState().addNode('service', { x: 0, y: 200 })
      s.getState().select({ nodes: ['service-1', 'service-2'], links: ['l-1'] })
      s.getState().undo()
      expect(s.getState().selection).toEqual({ nodes: ['service-1'], links: ['l-1'] })
    })
  })

  describe('select', () => {
    it('replaces the selection, and does not notify when it is the same', () => {
      const s = chainStore()
      let calls = 0
      const unsubscribe = s.subscribe(() => calls++)
      s.getState().select({ nodes: ['service-1'], links: ['l-1'] })
      expect(calls).toBe(1)
      s.getState().select({ nodes: ['service-1'], links: ['l-1'] })
      expect(calls).toBe(1)
      s.getState().select({ nodes: [], links: ['l-1'] })
      expect(calls).toBe(2)
      unsubscribe()
      expect(steps(s)).toBe(0)
    })
  })

  describe('deleteSelection', () => {
    it('removes the selected nodes with every link attached, and empties the selection', () => {
      const s = chainStore()
      s.getState().select({ nodes: ['service-1'], links: [] })
      s.getState().deleteSelection()
      expect(ids(diagram(s))).toEqual({ nodes: ['client-1', 'database-1'], links: [] })
      expect(s.getState().selection).toEqual({ nodes: [], links: [] })
      expect(checkDiagram(diagram(s))).toEqual([])
      expect(steps(s)).toBe(1)
    })

    it('removes selected links only, keeping their nodes', () => {
      const s = chainStore()
      s.getState().select({ nodes: [], links: ['l-2'] })
      s.getState().deleteSelection()
      expect(ids(diagram(s))).toEqual({ nodes: ['client-1', 'service-1', 'database-1'], links: ['l-1'] })
      expect(s.getState().selection).toEqual({ nodes: [], links: [] })
    })

    it('prunes a selected link that went away with its node', () => {
      const s = chainStore()
      s.getState().select({ nodes: ['database-1'], links: ['l-1', 'l-2'] })
      s.getState().remove(['database-1'], [])
      expect(ids(diagram(s)).links).toEqual(['l-1'])
      expect(s.getState().selection).toEqual({ nodes: [], links: ['l-1'] })
    })

    it('with nothing selected, does nothing', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().deleteSelection()
      expect(diagram(s)).toBe(before)
      expect(steps(s)).toBe(0)
    })
  })

  describe('copy and paste', () => {
    it('copy with nothing selected copies nothing', () => {
      const s = chainStore()
      expect(s.getState().copySelection()).toBe(false)
      expect(s.getState().clipboard).toBeNull()
      s.getState().paste()
      expect(steps(s)).toBe(0)
    })

    it('pastes with fresh ids, the links among the copied nodes, and a growing stagger', () => {
      const s = chainStore()
      s.getState().select({ nodes: ['service-1', 'database-1'], links: [] })
      expect(s.getState().copySelection()).toBe(true)
      expect(s.getState().clipboard!.links.map((l) => l.id)).toEqual(['l-2']) // not l-1: client-1 was not copied

      s.getState().paste()
      expect(s.getState().selection).toEqual({ nodes: ['service-2', 'database-2'], links: [] })
      expect(nodeById(s, 'service-2')).toMatchObject({ x: 290, y: 30, label: 'Service 2', kind: 'service' })
      expect(nodeById(s, 'database-2')).toMatchObject({ x: 550, y: 30 })
      expect(diagram(s).links.at(-1)).toMatchObject({ id: 'l-3', source: 'service-2', target: 'database-2', kind: 'sync' })

      s.getState().paste()
      expect(s.getState().selection.nodes).toEqual(['service-3', 'database-3'])
      expect(nodeById(s, 'service-3')).toMatchObject({ x: 320, y: 60 })
      expect(diagram(s).links.at(-1)).toMatchObject({ id: 'l-4', source: 'service-3', target: 'database-3' })

      const d = diagram(s)
      expect(new Set(ids(d).nodes).size).toBe(d.nodes.length)
      expect(checkDiagram(d)).toEqual([])
      expect(steps(s)).toBe(2)
      s.getState().undo()
      expect(ids(diagram(s)).nodes).toEqual(['client-1', 'service-1', 'database-1', 'service-2', 'database-2'])
      expect(s.getState().selection).toEqual({ nodes: [], links: [] })
    })

    it('copies settings along, and a new copy restarts the stagger', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '12')
      s.getState().select({ nodes: ['service-1'], links: [] })
      s.getState().copySelection()
      s.getState().paste()
      s.getState().paste()
      expect(nodeById(s, 'service-3').settings).toMatchObject({ workers: 12 })
      s.getState().select({ nodes: ['service-1'], links: [] })
      s.getState().copySelection()
      s.getState().paste()
      expect(nodeById(s, 'service-4')).toMatchObject({ x: 290, y: 30 })
    })

    it('the clipboard outlives the copied nodes', () => {
      const s = chainStore()
      s.getState().select({ nodes: ['client-1', 'service-1'], links: [] })
      s.getState().copySelection()
      s.getState().deleteSelection()
      expect(ids(diagram(s)).nodes).toEqual(['database-1'])
      s.getState().paste()
      const d = diagram(s)
      expect(ids(d)).toEqual({ nodes: ['database-1', 'client-1', 'service-1'], links: ['l-1'] })
      expect(d.links[0]).toMatchObject({ source: 'client-1', target: 'service-1' })
      expect(checkDiagram(d)).toEqual([])
    })
  })

  describe('duplicateSelection', () => {
    it('copies the selected nodes and the links among them, offset, and selects the copies', () => {
      const s = chainStore()
      s.getState().select({ nodes: ['client-1', 'service-1'], links: ['l-2'] })
      s.getState().duplicateSelection()
      const d = diagram(s)
      expect(s.getState().selection).toEqual({ nodes: ['client-2', 'service-2'], links: [] })
      expect(nodeById(s, 'client-2')).toMatchObject({ x: 30, y: 30 })
      expect(nodeById(s, 'service-2')).toMatchObject({ x: 290, y: 30 })
      expect(d.links.at(-1)).toMatchObject({ id: 'l-3', source: 'client-2', target: 'service-2' })
      expect(d.links).toHaveLength(3)
      expect(checkDiagram(d)).toEqual([])
      expect(steps(s)).toBe(1)
      expect(s.getState().clipboard).toBeNull()

      // duplicating the copies offsets them again
      s.getState().duplicateSelection()
      expect(nodeById(s, 'client-3')).toMatchObject({ x: 60, y: 60 })
    })

    it('with nothing selected, does nothing', () => {
      const s = chainStore()
      s.getState().select({ nodes: [], links: ['l-1'] })
      s.getState().duplicateSelection()
      expect(steps(s)).toBe(0)
    })
  })

  describe('replaceDiagram', () => {
    it('is one undoable step that clears the selection and announces the message', () => {
      const s = chainStore()
      const before = diagram(s)
      s.getState().select({ nodes: ['service-1'], links: [] })
      const starter = starterDiagram()
      s.getState().replaceDiagram(starter, 'Opened the starter.')
      expect(diagram(s)).toBe(starter)
      expect(s.getState().selection).toEqual({ nodes: [], links: [] })
      expect(s.getState().notice).toMatchObject({ text: 'Opened the starter.', tone: 'info' })
      expect(steps(s)).toBe(1)
      s.getState().undo()
      expect(diagram(s)).toBe(before)
      s.getState().redo()
      expect(diagram(s)).toBe(starter)
    })

    it('without a message leaves the notice alone', () => {
      const s = chainStore()
      s.getState().replaceDiagram({ nodes: [], links: [] })
      expect(s.getState().notice).toBeNull()
      expect(diagram(s).nodes).toEqual([])
      expect(selectCanUndo(s.getState())).toBe(true)
    })

    it('ends a run of typing', () => {
      const s = chainStore()
      s.getState().setNodeSetting('service-1', 'workers', '8')
      const starter = starterDiagram()
      s.getState().replaceDiagram(starter)
      s.getState().setNodeSetting('service-1', 'workers', '9')
      expect(steps(s)).toBe(3)
      s.getState().undo()
      expect(diagram(s)).toBe(starter)
    })

    it('replacing with the very same diagram adds no step', () => {
      const s = chainStore()
      s.getState().replaceDiagram(diagram(s))
      expect(steps(s)).toBe(0)
    })
  })
})

describe('the fault timeline and seed in the editor', () => {
  it('adds faults in time order as undoable steps', () => {
    const s = chainStore()
    s.getState().addFault({ at: 5000, action: 'restart', node: 'service-1' })
    s.getState().addFault({ at: 2000, action: 'crash', node: 'service-1' })
    expect(diagram(s).faults?.map((f) => [f.at, f.action])).toEqual([
      [2000, 'crash'],
      [5000, 'restart'],
    ])
    s.getState().undo()
    expect(diagram(s).faults).toHaveLength(1)
  })

  it('drops the faults of a deleted node or link with it, and undo brings both back', () => {
    const s = chainStore()
    s.getState().addFault({ at: 1000, action: 'crash', node: 'database-1' })
    s.getState().addFault({ at: 1000, action: 'latency', link: 'l-1', addMs: 100 })
    s.getState().remove(['database-1'], [])
    expect(diagram(s).faults).toEqual([{ at: 1000, action: 'latency', link: 'l-1', addMs: 100 }])
    s.getState().remove([], ['l-1'])
    expect(diagram(s)).not.toHaveProperty('faults')
    expect(checkDiagram(diagram(s))).toEqual([])
    s.getState().undo()
    s.getState().undo()
    expect(diagram(s).faults).toHaveLength(2)
  })

  it('drops a crash of a replica that no longer exists when replicas are lowered', () => {
    const s = chainStore()
    s.getState().setNodeSetting('service-1', 'replicas', 3)
    s.getState().addFault({ at: 1000, action: 'crash', node: 'service-1', replica: 3 })
    s.getState().addFault({ at: 1000, action: 'crash', node: 'service-1', replica: 1 })
    s.getState().setNodeSetting('service-1', 'replicas', 2)
    expect(diagram(s).faults).toEqual([{ at: 1000, action: 'crash', node: 'service-1', replica: 1 }])
  })

  it('replaces the whole timeline (a lesson step): a run of them is one undoable step, equal faults keep their objects', () => {
    const s = chainStore()
    s.getState().addFault({ at: 1000, action: 'crash', node: 'service-1' })
    const crash = diagram(s).faults![0]!
    const before = steps(s)
    s.getState().setFaults([{ at: 1000, action: 'crash', node: 'service-1' }, { at: 3000, action: 'restart', node: 'service-1' }])
    expect(diagram(s).faults![0]).toBe(crash)
    expect(diagram(s).faults).toHaveLength(2)
    s.getState().setFaults([{ at: 1000, action: 'crash', node: 'service-1' }])
    s.getState().setFaults([{ at: 1000, action: 'crash', node: 'service-1' }, { at: 2000, action: 'latency', link: 'l-1', addMs: 50 }])
    expect(steps(s)).toBe(before + 1)
    const same = diagram(s)
    s.getState().setFaults([{ at: 1000, action: 'crash', node: 'service-1' }, { at: 2000, action: 'latency', link: 'l-1', addMs: 50 }])
    expect(diagram(s)).toBe(same)
    s.getState().setFaults([])
    expect(diagram(s)).not.toHaveProperty('faults')
    s.getState().undo()
    expect(diagram(s).faults).toEqual([crash])
  })

  it('removes faults as one undoable step each, keeping the other edits', () => {
    const s = chainStore()
    s.getState().addFault({ at: 1000, action: 'crash', node: 'service-1' })
    s.getState().setNodeSetting('service-1', 'workers', 3)
    s.getState().addFault({ at: 2000, action: 'restart', node: 'service-1' })
    const [crash, restart] = diagram(s).faults!
    s.getState().removeFaults([crash!])
    expect(diagram(s).faults).toEqual([restart])
    expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 3 })
    s.getState().removeFaults([restart!])
    expect(diagram(s)).not.toHaveProperty('faults')
    const before = diagram(s)
    s.getState().removeFaults([crash!])
    expect(diagram(s)).toBe(before)
    s.getState().undo()
    expect(diagram(s).faults).toEqual([restart])
    s.getState().undo()
    expect(diagram(s).faults).toEqual([crash, restart])
    expect(nodeById(s, 'service-1').settings).toMatchObject({ workers: 3 })
  })

  it('keeps a whole-number seed and refuses anything else', () => {
    const s = chainStore()
    expect(s.getState().setSeed(42).ok).toBe(true)
    expect(diagram(s).seed).toBe(42)
    expect(s.getState().setSeed(-1).ok).toBe(false)
    expect(s.getState().setSeed(2.5).ok).toBe(false)
    expect(diagram(s).seed).toBe(42)
    s.getState().setSeed(1)
    expect(diagram(s)).not.toHaveProperty('seed')
  })
})

describe('the diagram\'s title and notes in the editor', () => {
  it('a run of typing in the title is one undo step, and undo and redo bring it back and forth', () => {
    const s = chainStore()
    for (const typed of ['S', 'Sh', 'Sho', 'Shop']) expect(s.getState().setAbout('title', typed)).toEqual({ ok: true, value: undefined })
    expect(diagram(s).title).toBe('Shop')
    expect(steps(s)).toBe(1)
    s.getState().setAbout('notes', 'Crash the database.')
    expect(steps(s)).toBe(2)
    s.getState().undo()
    expect(diagram(s)).not.toHaveProperty('notes')
    expect(diagram(s).title).toBe('Shop')
    s.getState().undo()
    expect(diagram(s)).not.toHaveProperty('title')
    s.getState().redo()
    s.getState().redo()
    expect([diagram(s).title, diagram(s).notes]).toEqual(['Shop', 'Crash the database.'])
  })

  it('refuses a title over the limit with its reason and keeps the last valid one', () => {
    const s = chainStore()
    s.getState().setAbout('title', 'Shop')
    const r = s.getState().setAbout('title', 'x'.repeat(500))
    expect(r.ok).toBe(false)
    expect(diagram(s).title).toBe('Shop')
  })

  it('counts whole-diagram replacements (what shows a shared diagram\'s notes), but not undo', () => {
    const s = chainStore()
    expect(s.getState().replaced).toBe(0)
    s.getState().replaceDiagram({ ...diagram(s), notes: 'Read me' })
    expect(s.getState().replaced).toBe(1)
    s.getState().undo()
    expect(s.getState().replaced).toBe(1)
  })
})
