import { useReactFlow } from '@xyflow/react'
import { useRef, useState, type PointerEvent } from 'react'
import { TEST_IDS } from '../lib/testIds'
import { KIND_LABELS } from '../model/defaults'
import { NODE_HEIGHT, NODE_WIDTH } from '../model/geometry'
import { dropSpot, freeSpot } from '../model/placement'
import { NODE_KINDS, type NodeKind } from '../model/types'
import { NodeIcon } from '../canvas/NodeIcon'
import { useEditorStore } from '../store/react/editorContext'
import { focusNameField } from './focusName'

const DRAG_THRESHOLD = 4

/** Whether a block let go at this screen point lands on the canvas (not a panel over it). */
function onCanvas(x: number, y: number): boolean {
  const under = document.elementFromPoint(x, y)
  return !!under?.closest(`[data-testid="${TEST_IDS.canvas}"]`) && !under.closest('.react-flow__panel')
}

const HINTS: Record<NodeKind, string> = {
  client: 'Users or an upstream system sending requests',
  service: 'A microservice with replicas and workers',
  database: 'A datastore answering synchronous calls',
  queue: 'Point-to-point: each message to one consumer',
  topic: 'Publish/subscribe: each event to every subscriber',
}

/**
 * The blocks to add. Dragging uses pointer events (mouse, touch and pen alike); a press
 * without movement, Enter or Space adds the block at the centre of the view.
 */
export function Palette() {
  const store = useEditorStore()
  const flow = useReactFlow()
  const drag = useRef<{ kind: NodeKind; startX: number; startY: number; moved: boolean } | null>(null)
  const suppressClick = useRef(false)
  const [ghost, setGhost] = useState<{ kind: NodeKind; x: number; y: number; zoom: number; outside: boolean } | null>(null)

  /** Add at the centre of the view, or the nearest free spot; from the keyboard, go on to naming it. */
  const addAtCentre = (kind: NodeKind, fromKeyboard: boolean) => {
    const pane = document.querySelector(`[data-testid="${TEST_IDS.canvas}"]`)?.getBoundingClientRect()
    if (!pane) return
    const centre = flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
    const at = freeSpot(store.getState().history.present, { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 })
    const id = store.getState().addNode(kind, at)
    if (!id) return
    // keep the new node in view when the free spot is off screen
    const zoom = flow.getZoom()
    const screen = flow.flowToScreenPosition(at)
    if (screen.x < pane.left || screen.y < pane.top || screen.x + NODE_WIDTH * zoom > pane.right || screen.y + NODE_HEIGHT * zoom > pane.bottom) {
      void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom, duration: 200 })
    }
    if (fromKeyboard) requestAnimationFrame(() => focusNameField())
  }

  const onPointerDown = (kind: NodeKind) => (e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return
    // a touch or pen drag is followed by no click, so a leftover flag must not eat the next press
    suppressClick.current = false
    drag.current = { kind, startX: e.clientX, startY: e.clientY, moved: false }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current
    if (!d) return
    if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_THRESHOLD) return
    d.moved = true
    setGhost({ kind: d.kind, x: e.clientX, y: e.clientY, zoom: flow.getZoom(), outside: !onCanvas(e.clientX, e.clientY) })
  }
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current
    drag.current = null
    setGhost(null)
    if (!d?.moved) return
    suppressClick.current = true
    if (!onCanvas(e.clientX, e.clientY)) {
      store.getState().notify('Drop the block on the canvas to add it.')
      return
    }
    // centred where it was let go, unless that covers a node: then the nearest clear place
    // (as drawn: a node with live rows or a two-line name is taller than the default)
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
    const sizeOf = (id: string) => {
      const { width, height } = flow.getInternalNode(id)?.measured ?? {}
      return width && height ? { width, height } : undefined
    }
    const at = dropSpot(store.getState().history.present, { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 }, sizeOf)
    store.getState().addNode(d.kind, at)
  }
  const onPointerCancel = () => {
    drag.current = null
    setGhost(null)
  }

  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="palette__title">Add</h2>
      {NODE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`palette__item palette__item--${kind}`}
          aria-label={KIND_LABELS[kind]}
          title={`${HINTS[kind]}. Drag onto the canvas, or press to add at the centre.`}
          onPointerDown={onPointerDown(kind)}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
          onClick={(e) => {
            // the click that ends a mouse drag is not a press; a keyboard click (detail 0) always is
            const afterDrag = suppressClick.current
            suppressClick.current = false
            if (afterDrag && e.detail > 0) return
            addAtCentre(kind, e.detail === 0)
          }}
        >
          <NodeIcon kind={kind} />
          <span aria-hidden="true">{KIND_LABELS[kind]}</span>
        </button>
      ))}
      {ghost && (
        // drawn at the canvas's zoom, centred on the pointer: the size and place the node will have
        <div
          className={`palette__ghost wire-node wire-node--${ghost.kind}${ghost.outside ? ' is-outside' : ''}`}
          style={{ left: ghost.x, top: ghost.y, transform: `scale(${ghost.zoom}) translate(-50%, -50%)` }}
          data-testid={TEST_IDS.dragGhost}
          aria-hidden="true"
        >
          <div className="wire-node__kind">
            <NodeIcon kind={ghost.kind} size={16} />
            <span>{KIND_LABELS[ghost.kind]}</span>
          </div>
          <div className="wire-node__label">{ghost.outside ? 'Drop on the canvas' : `New ${KIND_LABELS[ghost.kind].toLowerCase()}`}</div>
        </div>
      )}
    </nav>
  )
}
