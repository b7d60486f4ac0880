import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { TEST_IDS } from '../lib/testIds'
import type { WireFlowEdge } from './flowTypes'
import { useDetail } from './detail'
import { LINK_STYLES } from './linkStyles'

/**
 * A link: its kind's line pattern and arrow, and a badge naming it. The badge is SVG
 * text rather than an HTML label portal, so hundreds of links stay cheap to draw.
 */
function WireEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected }: EdgeProps<WireFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  const detail = useDetail()
  if (!data) return null
  const style = LINK_STYLES[data.link.kind]
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={detail === 'very-far' ? 0 : 18}
        className={`wire-edge wire-edge--${data.link.kind}`}
        style={{ stroke: style.color, strokeDasharray: style.dash, strokeWidth: selected ? 3.2 : 2, strokeLinecap: 'round' }}
      />
      {detail === 'near' && (
        <text className={`wire-edge__badge${selected ? ' is-selected' : ''}`} x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central" data-testid={TEST_IDS.linkBadge}>
          {data.badge}
        </text>
      )}
    </>
  )
}

export const WireEdge = memo(WireEdgeView)
