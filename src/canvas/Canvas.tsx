import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  type ColorMode,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
  useStore as useFlowStore,
} from '@xyflow/react'
import { useCallback, useMemo, useRef, useState } from 'react'
import { TEST_IDS } from '../lib/testIds'
import { checkConnection, linkedMessage } from '../model/rules'
import type { NodeKind } from '../model/types'
import { selectDiagram } from '../store/editorStore'
import { useEditor, useEditorStore } from '../store/react/editorContext'
import { createFlowDeriver, type Measured } from './deriveFlow'
import type { WireFlowEdge, WireFlowNode } from './flowTypes'
import { DetailContext, selectDetail, useFullDetail } from './detail'
import { ReadOnlyContext } from './readOnly'
import { FIT_VIEW_OPTIONS } from './fitView'
import { Legend } from './Legend'
import { PacketLayer } from './packets/PacketLayer'
import { WireEdge } from './WireEdge'
import { WireNode } from './WireNode'
import { MIN_ZOOM, useKeepFitted } from './useKeepFitted'
import './canvas.css'

// module scope: React Flow re-mounts every node when these objects change identity
const nodeTypes = { wire: WireNode }
const edgeTypes = { wire: WireEdge }
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']
const PRO_OPTIONS = { hideAttribution: true }

const MINIMAP_COLORS: Record<NodeKind, string> = {
  client: '#64748b',
  service: '#3b6fd9',
  database: '#0e9f6e',
  queue: '#d48a0c',
  topic: '#10a37f',
}

const DETAIL_CLASS = { near: 'canvas', far: 'canvas canvas--far', 'very-far': 'canvas canvas--far canvas--very-far' } as const

const MINIMAP_STYLE = { width: 170, height: 110 }
/** a small diagram fits in view: a minimap would only cover part of it */
const MINIMAP_FROM = 12
const minimapColor = (n: WireFlowNode) => MINIMAP_COLORS[n.data.node.kind]


export interface CanvasProps {
  colorMode: ColorMode
  /** right-click (or the context-menu key) on a node or link: where, in page pixels */
  onContextMenuFor?(target: { node: string } | { link: string }, at: { x: number; y: number }): void
  /** the embed view: nothing can be moved, linked or renamed */
  readOnly?: boolean
  /** the saved view to restore; without one the diagram is fitted */
  initialViewport: Viewport | undefined
  onViewportChange(viewport: Viewport): void
  /** the legend's "What do these mean?": explain the four patterns */
  onExplainPatterns?(): void
  /** the zoom buttons and keeping a fitted view fitted as the canvas changes size; off
   * where the view follows someone else's (the audience window) */
  ownView?: boolean
}

export function Canvas({ colorMode, initialViewport, onViewportChange, onContextMenuFor, onExplainPatterns, readOnly = false, ownView = true }: CanvasProps) {
  const store = useEditorStore()
  const zoomDetail = useFlowStore(selectDetail)
  const detail = useFullDetail() ? 'near' : zoomDetail
  const diagram = useEditor(selectDiagram)
  const selection = useEditor((s) => s.selection)
  // the deriver keeps a cache across renders; it is created once
  const [deriver] = useState(createFlowDeriver)
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(() => new Map())

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes])
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links])
  const nodes = useMemo(() => deriver.nodes(diagram, selectedNodes, measured), [deriver, diagram, selectedNodes, measured])
  const edges = useMemo(() => deriver.edges(diagram, selectedLinks), [deriver, diagram, selectedLinks])

  const onNodesChange = useCallback(
    (changes: NodeChange<WireFlowNode>[]) => {
      const editor = store.getState()
      const positions = new Map<string, { x: number; y: number }>()
      let phase: 'live' | 'end' | 'nudge' | null = null
      let selected: Set<string> | null = null
      let remeasured: Map<string, Measured> | null = null
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) positions.set(c.id, c.position)
          // without `dragging` it is React Flow's arrow-key move of a focused node
          phase = c.dragging ? 'live' : editor.gestureBase ? 'end' : 'nudge'
        } else if (c.type === 'select') {
          selected ??= new Set(editor.selection.nodes)
          if (c.selected) selected.add(c.id)
          else selected.delete(c.id)
        } else if (c.type === 'dimensions' && c.dimensions) {
          remeasured ??= new Map()
          remeasured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height })
        }
      }
      if (phase) editor.moveNodes(positions, phase)
      if (selected) editor.select({ nodes: [...selected], links: store.getState().selection.links })
      if (remeasured) {
        const updates = remeasured
        setMeasured((prev) => {
          const next = new Map(prev)
          for (const [id, m] of updates) {
            const old = prev.get(id)
            if (!old || old.width !== m.width || old.height !== m.height) next.set(id, m)
          }
          return next.size === prev.size && [...updates.keys()].every((id) => next.get(id) === prev.get(id)) ? prev : next
        })
      }
    },
    [store],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<WireFlowEdge>[]) => {
      let selected: Set<string> | null = null
      for (const c of changes) {
        if (c.type !== 'select') continue
        selected ??= new Set(store.getState().selection.links)
        if (c.selected) selected.add(c.id)
        else selected.delete(c.id)
      }
      if (selected) store.getState().select({ nodes: store.getState().selection.nodes, links: [...selected] })
    },
    [store],
  )

  // stable handlers (see the note on prop identity below)
  const openMenu = useCallback(
    (e: React.MouseEvent, target: { node: string } | { link: string }) => {
      if (!onContextMenuFor) return
      e.preventDefault()
      // a context-menu key press on a focused node has no pointer position: open at the element
      let { clientX: x, clientY: y } = e
      if (x === 0 && y === 0) {
        const r = (e.currentTarget as Element).getBoundingClientRect()
        x = r.left + r.width / 2
        y = r.top + r.height / 2
      }
      onContextMenuFor(target, { x, y })
    },
    [onContextMenuFor],
  )
  const onNodeContextMenu = useCallback((e: React.MouseEvent, n: WireFlowNode) => openMenu(e, { node: n.id }), [openMenu])
  const onEdgeContextMenu = useCallback((e: React.MouseEvent, l: WireFlowEdge) => openMenu(e, { link: l.id }), [openMenu])

  const isValidConnection: IsValidConnection = useCallback(
    (c) => checkConnection(store.getState().history.present, c.source, c.target).ok,
    [store],
  )

  // Connections are decided here rather than in onConnect, so that a refused one can say
  // why, and a drop on a node's body (not only on its handle) connects too.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (!state.fromNode) return
      let targetId = state.toNode?.id
      if (!targetId) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event
        const el = point ? document.elementFromPoint(point.clientX, point.clientY) : null
        targetId = el?.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined
      }
      if (!targetId) return
      let source = state.fromNode.id
      let target = targetId
      if (state.fromHandle?.type === 'target') [source, target] = [target, source]
      const editor = store.getState()
      const r = editor.connect(source, target)
      if (r.ok) {
        const link = store.getState().history.present.links.find((l) => l.id === r.value)
        if (link) {
          store.getState().select({ nodes: [], links: [link.id] })
          store.getState().notify(linkedMessage(store.getState().history.present, link))
        }
      }
    },
    [store],
  )

  const onPaneClick = useCallback(() => store.getState().select({ nodes: [], links: [] }), [store])
  // Every prop handed to React Flow must keep its identity across renders: a new object or
  // function is written into React Flow's store, and each store write re-runs the selector
  // of every node and edge (three writes per drag frame instead of one, before this).
  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => onViewportChange(viewport), [onViewportChange])
  // a view framing the whole diagram keeps framing it as the canvas resizes
  const box = useRef<HTMLDivElement>(null)
  // a read-only view (compare, embed) keeps its fit until the person pans or zooms it: it
  // has no edits, and its nodes grow as the run's live state arrives
  const movedByHand = useRef(false)
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) movedByHand.current = true
  }, [])
  useKeepFitted(box, ownView, readOnly ? movedByHand : undefined)

  return (
    <DetailContext.Provider value={detail}>
      <ReadOnlyContext.Provider value={readOnly}>
      <div ref={box} className={DETAIL_CLASS[detail]} data-testid={TEST_IDS.canvas}>
        <ReactFlow<WireFlowNode, WireFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onPaneClick={onPaneClick}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onMoveEnd={onMoveEnd}
          onMoveStart={readOnly ? onMoveStart : undefined}
          colorMode={colorMode}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          connectionRadius={36}
          connectionLineType={ConnectionLineType.Bezier}
          minZoom={MIN_ZOOM}
          maxZoom={2.5}
          connectOnClick={false}
          {...(initialViewport ? { defaultViewport: initialViewport } : { fitView: true, fitViewOptions: FIT_VIEW_OPTIONS })}
          proOptions={PRO_OPTIONS}
          aria-label="Diagram canvas"
        >
          {/* thousands of dots when zoomed out: the largest raster cost of a pan, and noise */}
          {detail === 'near' && <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />}
          {ownView && <Controls showInteractive={false} position="top-right" fitViewOptions={FIT_VIEW_OPTIONS} />}
          {diagram.nodes.length > MINIMAP_FROM && <MiniMap position="bottom-right" style={MINIMAP_STYLE} pannable zoomable nodeColor={minimapColor} ariaLabel="Mini map" />}
          <PacketLayer />
          <Legend onExplain={onExplainPatterns} makeRoom={ownView} />
        </ReactFlow>
        {diagram.nodes.length === 0 && (
          <div className="canvas__empty" data-testid={TEST_IDS.emptyCanvas}>
            <strong>The canvas is empty.</strong>
            <span>Drag a Client and a Service from the palette on the left, or press one to add it here. Then drag from the dot on a node’s right side onto another node to link them.</span>
          </div>
        )}
      </div>
      </ReadOnlyContext.Provider>
    </DetailContext.Provider>
  )
}
