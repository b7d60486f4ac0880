import { Panel } from '@xyflow/react'
import { useState } from 'react'
import { LINK_KINDS, type LinkKind } from '../model/types'
import { LINK_STYLES } from './linkStyles'
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
 */
export function Legend({ onExplain }: { onExplain?: () => void } = {}) {
  // closed at first so it covers no node; once opened it stays open across visits
  const [open, setOpen] = useState(readOpen)
  return (
    <Panel position="bottom-left" className="legend">
      <details
        open={open}
        onToggle={(e) => {
          const now = (e.currentTarget as HTMLDetailsElement).open
          setOpen(now)
          rememberOpen(now)
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
        <p className="legend__note legend__hint">Crowded link: a band with a count. Click a packet to trace its request.</p>
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

const OPEN_KEY = 'wireplay.legendOpen'

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1'
  } catch {
    return false
  }
}

function rememberOpen(open: boolean) {
  try {
    localStorage.setItem(OPEN_KEY, open ? '1' : '0')
  } catch {
    // not remembered: storage is blocked
  }
}
