import { describe, expect, it } from 'vitest'
import { MAX_NODES, checkDiagram } from '../model/invariants'
import type { Diagram, DiagramNode } from '../model/types'
import { SERVICE_DEFAULTS } from '../model/defaults'
import { createEditorStore } from './editorStore'

function services(count: number): Diagram {
  const nodes: DiagramNode[] = Array.from({ length: count }, (_, i) => ({ id: `service-${i + 1}`, kind: 'service', label: `S${i}`, x: 0, y: 0, settings: { ...SERVICE_DEFAULTS } }))
  return { nodes, links: [] }
}

describe('the editor keeps diagrams within the caps a document can hold', () => {
  it('refuses to add a node to a full diagram, with a notice, and changes nothing', () => {
    const store = createEditorStore(services(MAX_NODES))
    const before = store.getState().history.present
    expect(store.getState().addNode('service', { x: 0, y: 0 })).toBeNull()
    expect(store.getState().history.present).toBe(before)
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/at most 500 nodes/) })
  })

  it('refuses a duplicate or paste that would overflow, so every kept diagram can be saved and reopened', () => {
    const store = createEditorStore(services(300))
    store.getState().select({ nodes: store.getState().history.present.nodes.map((n) => n.id), links: [] })
    store.getState().duplicateSelection()
    expect(store.getState().history.present.nodes).toHaveLength(300)
    store.getState().copySelection()
    store.getState().paste()
    expect(store.getState().history.present.nodes).toHaveLength(300)
    expect(checkDiagram(store.getState().history.present)).toEqual([])
  })

  it('makes no undo step for a drag that ends where it began', () => {
    const store = createEditorStore(services(2))
    const moves = (x: number) => new Map([['service-1', { x, y: 0 }]])
    store.getState().moveNodes(moves(300), 'live')
    store.getState().moveNodes(moves(0), 'end')
    expect(store.getState().history.past).toHaveLength(0)
  })
})
