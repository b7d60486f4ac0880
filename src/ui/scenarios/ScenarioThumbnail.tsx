import { memo } from 'react'
import { LINK_STYLES } from '../../canvas/linkStyles'
import type { ScenarioDocument } from '../../model/scenario'
import type { NodeKind } from '../../model/types'
import { thumbnailGeometry } from './thumbnail'

/** corner radius per kind, as a share of the box height: the canvas' shapes, roughly */
const ROUNDING: Record<NodeKind, number> = { client: 0.5, service: 0.12, database: 0.3, queue: 0, topic: 0.25 }

/** A scenario's diagram in miniature: boxes in their kind's colour, links in their kind's line. Decorative. */
export const ScenarioThumbnail = memo(function ScenarioThumbnail({ document }: { document: ScenarioDocument }) {
  const t = thumbnailGeometry(document)
  return (
    <svg className="scenario-thumb" viewBox={`0 0 ${t.width} ${t.height}`} aria-hidden="true" focusable="false">
      {t.lines.map((l) => (
        <line key={l.id} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke={LINK_STYLES[l.kind].color} strokeWidth="1.6" strokeDasharray={LINK_STYLES[l.kind].dash ? '3 2' : undefined} />
      ))}
      {t.boxes.map((b) => (
        <rect key={b.id} className={`scenario-thumb__node scenario-thumb__node--${b.kind}`} x={b.x} y={b.y} width={b.width} height={b.height} rx={b.height * ROUNDING[b.kind]} />
      ))}
    </svg>
  )
})
