import { Panel, useReactFlow, useStoreApi } from '@xyflow/react'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { LINK_KINDS, type LinkKind } from '../model/types'
import { ANIMATED_FIT_VIEW_OPTIONS } from './fitView'
import type { WireFlowEdge, WireFlowNode } from './flowTypes'
import { roomForLegend, sameView } from './legendRoom'
import { LINK_STYLES } from './linkStyles'
import { MIN_TRAVEL_WALL_MS } from '../store/run/packetTravel'
import { PACKET_KINDS, type PacketKind } from './packets/kinds'

/** The labels drawn beside each packet kind on the canvas (when zoomed in), in kind order. */
const PACKET_LABELS = ['req', 'res, status, stored', 'err, nack', '202', 'poll', 'msg', 'ack', 'evt, evt copy']

const WHAT: Record<LinkKind, { name: string; note: string }> = {
  sync: { name: 'Sync HTTP', note: 'caller waits' },
  async: { name: 'Async HTTP', note: '202, then polls' },
  message: { name: 'Message', note: 'queue → one consumer' },
  event: { name: 'Event', note: 'topic → every subscriber' },
}

/** A packet kind's shape, as the packet layer draws it (12 px box). */
function PacketGlyph({ kind }: { kind: PacketKind }) {
  const c = kind.color
  const shape = (() => {
    switch (kind.shape) {
      case 'dot':
        return <circle cx="7" cy="6" r="4.5" fill={c} />
      case 'ring':
        return <circle cx="7" cy="6" r="3.7" fill="none" stroke={c} strokeWidth="2.4" />
      case 'cross':
        return <path d="M3.5 2.5 L10.5 9.5 M10.5 2.5 L3.5 9.5" stroke={c} strokeWidth="2.6" strokeLinecap="round" />
      case 'square':
        return <rect x="3" y="2" width="8" height="8" fill={c} />
      case 'hollowSquare':
        return <rect x="3.6" y="2.6" width="6.8" height="6.8" fill="none" stroke={c} strokeWidth="2.2" />
      case 'envelope':
        return <rect x="1.5" y="2.5" width="11" height="7" fill={c} />
      case 'triangle':
        return <path d="M12.5 6 L3 1.5 L3 10.5 Z" fill={c} />
      case 'diamond':
        return <path d="M7 0.5 L12.5 6 L7 11.5 L1.5 6 Z" fill={c} />
    }
  })()
  return (
    <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
      {shape}
    </svg>
  )
}

/**
 * Which line is which link kind (drawn with the very same styles as the links), and which
 * dot is which packet. `onExplain` opens the explainer of the four patterns.
 *
 * Open, it is a card over the canvas that must not hide the diagram: opening it moves the
 * view (when the person has not zoomed into a part) so that no node is under it, closing
 * it from its summary moves the view back, and it folds away by itself as soon as the
 * person presses on the diagram (a pan, a selection, a drag), like a popover. It starts
 * folded on every visit, so a reload never shows it over the diagram. `makeRoom` is off
 * where the view follows someone else's (the audience window).
 */
export function Legend({ onExplain, makeRoom = true }: { onExplain?: () => void; makeRoom?: boolean } = {}) {
  const [open, setOpen] = useState(false)
  const details = useRef<HTMLDetailsElement>(null)
  const flow = useReactFlow<WireFlowNode, WireFlowEdge>()
  const flowStore = useStoreApi<WireFlowNode, WireFlowEdge>()
  /** the view before the legend made room, and the view it moved to */
  const moved = useRef<{ before: { x: number; y: number; zoom: number }; after: { x: number; y: number; zoom: number } } | null>(null)

  const onOpened = () => {
    moved.current = null
    const panel = details.current?.closest('.react-flow__panel')
    const { domNode, nodeLookup, width, height, minZoom } = flowStore.getState()
    if (!makeRoom || !panel || !domNode) return
    const host = domNode.getBoundingClientRect()
    const box = panel.getBoundingClientRect()
    const rects = [...nodeLookup.values()].map((n) => ({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 }))
    const before = flow.getViewport()
    // the zoom controls stand in the top-right corner: keep the diagram out from under them too
    const controls = domNode.querySelector('.react-flow__controls')?.getBoundingClientRect()
    const rightInset = controls ? host.right - controls.left : 0
    const next = roomForLegend(rects, before, { width, height }, { x: box.left - host.left, y: box.top - host.top, width: box.width, height: box.height }, minZoom, ANIMATED_FIT_VIEW_OPTIONS.maxZoom, rightInset)
    if (!next) return
    moved.current = { before, after: next }
    void flow.setViewport(next, { duration: motionMs() })
  }
  const onClosedByHand = () => {
    // back to where the person was, unless they have moved the view since
    const m = moved.current
    moved.current = null
    if (m && sameView(flow.getViewport(), m.after)) void flow.setViewport(m.before, { duration: motionMs() })
  }

  // folds away when the person presses on the diagram itself (not on a panel or control)
  useEffect(() => {
    const host = flowStore.getState().domNode
    if (!open || !host) return
    const onDown = (e: PointerEvent) => {
      const t = e.target as Element | null
      if (!t || t.closest('.react-flow__panel, .react-flow__controls, .react-flow__minimap')) return
      moved.current = null
      setOpen(false)
    }
    host.addEventListener('pointerdown', onDown, true)
    return () => host.removeEventListener('pointerdown', onDown, true)
  }, [open, flowStore])

  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !open) return
    e.stopPropagation()
    setOpen(false)
    onClosedByHand()
    details.current?.querySelector('summary')?.focus()
  }

  return (
    <Panel position="bottom-left" className="legend">
      <details
        ref={details}
        open={open}
        onKeyDown={onKeyDown}
        onToggle={(e) => {
          // the packets section inside is a details of its own
          if (e.target !== e.currentTarget) return
          const now = (e.currentTarget as HTMLDetailsElement).open
          if (now === open) return
          setOpen(now)
          if (now) onOpened()
          else onClosedByHand()
        }}
      >
        <summary>Legend: links and packets</summary>
        <ul aria-label="Link kinds">
          {LINK_KINDS.map((kind) => {
            const s = LINK_STYLES[kind]
            const filled = s.marker === 'arrowclosed'
            return (
              <li key={kind}>
                <svg width="46" height="12" viewBox="0 0 46 12" aria-hidden="true">
                  <line x1="1" y1="6" x2="36" y2="6" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} strokeLinecap="round" />
                  <path d="M35 1 L44 6 L35 11" fill={filled ? s.color : 'none'} stroke={s.color} strokeWidth="1.6" strokeLinejoin="round" />
                </svg>
                <span>
                  <strong>{WHAT[kind].name}</strong> <span className="legend__note">{WHAT[kind].note}</span>
                  <span className="visually-hidden"> ({s.short})</span>
                </span>
              </li>
            )
          })}
        </ul>
        {onExplain && (
          <button type="button" className="linklike legend__explain" onClick={onExplain}>
            What do these mean?
          </button>
        )}
        <details open className="legend__packets">
        <summary>Packets</summary>
        <ul aria-label="Packet kinds">
          {PACKET_KINDS.map((kind, i) => (
            <li key={kind.name} title={kind.note}>
              <PacketGlyph kind={kind} />
              <span>
                {kind.name} <span className="legend__note">{PACKET_LABELS[i]}</span>
                <span className="visually-hidden">: {kind.note}, drawn as a {SHAPE_WORDS[kind.shape]}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="legend__note legend__hint">
          <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
            <circle cx="7" cy="6" r="5.5" fill="#7f1d1d" />
            <path d="M4.5 3.5 L9.5 8.5 M9.5 3.5 L4.5 8.5" stroke="#fff" strokeWidth="1.6" />
          </svg>{' '}
          Dead letter, marked at its queue or topic. A link flashes red on an error or a timeout.
        </p>
        <p className="legend__note legend__hint">Crowded link: a band with the number of packets on it. Click a packet to trace its request.</p>
        <p className="legend__note legend__hint">
          A packet takes at least {MIN_TRAVEL_WALL_MS / 1000} s to cross a link on screen, so hops of a few ms can be seen (after Step, each is exactly where the engine has it); the clock and every figure keep simulated time.
        </p>
      </details>
      </details>
    </Panel>
  )
}

const SHAPE_WORDS: Record<PacketKind['shape'], string> = {
  dot: 'filled dot',
  ring: 'ring',
  cross: 'cross',
  square: 'filled square',
  hollowSquare: 'hollow square',
  envelope: 'wide rectangle',
  triangle: 'triangle pointing the way it goes',
  diamond: 'diamond',
}

/** ms for the view's move, none with reduced motion */
function motionMs(): number {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 250
}
