import { Panel } from '@xyflow/react'
import { LINK_KINDS, type LinkKind } from '../model/types'
import { LINK_STYLES } from './linkStyles'

const WHAT: Record<LinkKind, { name: string; note: string }> = {
  sync: { name: 'Sync HTTP', note: 'caller waits' },
  async: { name: 'Async HTTP', note: '202, then polls' },
  message: { name: 'Message', note: 'queue → one consumer' },
  event: { name: 'Event', note: 'topic → every subscriber' },
}

/** Which line is which link kind: drawn with the very same styles as the links. */
export function Legend() {
  return (
    <Panel position="bottom-left" className="legend">
      <details open>
        <summary>Legend</summary>
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
      </details>
    </Panel>
  )
}
