import type { NodeKind } from '../model/types'

/** Small line icons, one per node kind; decorative (the kind is also written as text). */
const PATHS: Record<NodeKind, string> = {
  client: 'M3 4h18v12H3z M8 20h8 M12 16v4',
  service: 'M4 6h16v12H4z M4 10h16 M7 8h.01 M10 8h.01',
  database: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3z M4 6c0 1.7 3.6 3 8 3s8-1.3 8-3 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  queue: 'M3 7h18v10H3z M8 7v10 M13 7v10 M18 7v10',
  topic: 'M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M7.8 7.8a6 6 0 0 0 0 8.4 M16.2 7.8a6 6 0 0 1 0 8.4 M5 5a10 10 0 0 0 0 14 M19 5a10 10 0 0 1 0 14',
}

export function NodeIcon({ kind, size = 20 }: { kind: NodeKind; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} />
    </svg>
  )
}
