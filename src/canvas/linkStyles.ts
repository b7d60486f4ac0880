import { MarkerType } from '@xyflow/react'
import type { LinkKind } from '../model/types'

/**
 * How each link kind is drawn. Kinds differ by line pattern, arrowhead and badge text as
 * well as colour, so they read in greyscale and for colour-blind users. The colours hold
 * contrast on both the light and the dark canvas.
 */
export interface LinkStyle {
  color: string
  dash: string | undefined
  marker: MarkerType
  short: string
}

export const LINK_STYLES: Record<LinkKind, LinkStyle> = {
  sync: { color: '#3b6fd9', dash: undefined, marker: MarkerType.ArrowClosed, short: 'solid line, filled arrow' },
  async: { color: '#8b5cf6', dash: '9 5', marker: MarkerType.Arrow, short: 'dashed line, open arrow' },
  message: { color: '#d48a0c', dash: '1.5 5', marker: MarkerType.ArrowClosed, short: 'dotted line, filled arrow' },
  event: { color: '#10a37f', dash: '12 4 2 4', marker: MarkerType.Arrow, short: 'dash-dot line, open arrow' },
}
