import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { TEST_IDS } from '../lib/testIds'
import { linkStateKey, readLinkStateKey } from '../model/faults'
import { useRunMaybe } from '../store/react/runContext'
import { placeBadge } from './badgePlace'
import { badgeText } from './badgeText'
import { badgeWidth } from './badgeWidth'
import type { WireFlowEdge } from './flowTypes'
import { useDetail, useFullDetail } from './detail'
import { LINK_STYLES } from './linkStyles'
import { passPressToPane } from './panFromBadge'

/**
 * A link: its kind's line pattern and arrow, and a badge naming it. The badge is SVG
 * text rather than an HTML label portal, so hundreds of links stay cheap to draw. It sits
 * where it hides neither the line nor the arrow (badgePlace.ts); shortened to fit, it is
 * drawn twice: the shortened text for the eye, and the whole text, which assistive
 * technology reads and which shows while the badge is hovered or the link selected or
 * focused (canvas.css). A drag that starts on the badge pans the canvas (panFromBadge.ts).
 */
function WireEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected }: EdgeProps<WireFlowEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  const detail = useDetail()
  const exporting = useFullDetail()
  // what the run's fault timeline has done to this link by now: '' almost always
  const live = useRunMaybe((s) => (s.faults.length === 0 ? '' : linkStateKey(s.faults, s.time, id)), '')
  if (!data) return null
  const style = LINK_STYLES[data.link.kind]
  const state = live === '' ? null : readLinkStateKey(live)
  const badge = badgeText(data, live)
  const inactive = state !== null && (state.detached || state.unsubscribed)
  const place = detail === 'near' ? placeBadge({ sourceX, sourceY, targetX, targetY }, badge, badgeWidth) : null
  const baseline = place?.at === 'above' ? 'auto' : 'central'
  // a picture (Export PNG / SVG) is not hovered: every badge whole in it
  const cut = (place?.cut ?? false) && !exporting
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={detail === 'very-far' ? 0 : 18}
        className={`wire-edge wire-edge--${data.link.kind}${inactive ? ' is-inactive' : ''}`}
        style={{ stroke: style.color, strokeDasharray: style.dash, strokeWidth: selected ? 3.2 : 2, strokeLinecap: 'round', opacity: inactive ? 0.4 : undefined }}
      />
      {place && (
        <g className="wire-edge__label" onMouseDown={passPressToPane} onTouchStart={passPressToPane}>
          {cut && (
            <text className="wire-edge__badge wire-edge__badge--short" x={place.x} y={place.y} textAnchor="middle" dominantBaseline={baseline} aria-hidden="true">
              {place.shown}
            </text>
          )}
          <text
            className={`wire-edge__badge${cut ? ' wire-edge__badge--whole' : ''}${selected ? ' is-selected' : ''}`}
            x={place.x}
            y={place.y}
            textAnchor="middle"
            dominantBaseline={baseline}
            data-testid={TEST_IDS.linkBadge}
          >
            {badge}
          </text>
        </g>
      )}
    </>
  )
}

export const WireEdge = memo(WireEdgeView)
