import { useReactFlow, useStoreApi } from '@xyflow/react'
import { type ReactNode, useEffect, useMemo } from 'react'
import { SharedFitContext } from '../../canvas/useKeepFitted'
import type { CommonZoom } from './commonZoom'

/**
 * Puts the canvas inside it (within its ReactFlowProvider) at the compare view's common
 * zoom, and has it keep that zoom, rather than its own fit, as the window resizes.
 */
export function CommonZoomMember({ zoom, id, children }: { zoom: CommonZoom; id: string; children: ReactNode }) {
  const flow = useReactFlow()
  const store = useStoreApi()
  useEffect(() => zoom.join(id, { flow, store }), [zoom, id, flow, store])
  const fit = useMemo(() => zoom.fitFor(id), [zoom, id])
  return <SharedFitContext.Provider value={fit}>{children}</SharedFitContext.Provider>
}
