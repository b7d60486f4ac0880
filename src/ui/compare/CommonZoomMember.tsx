import { useReactFlow, useStoreApi } from '@xyflow/react'
import { type ReactNode, useCallback, useEffect } from 'react'
import { RefitContext } from '../../canvas/useKeepFitted'
import type { CommonZoom } from './commonZoom'

/**
 * Puts the canvas inside it (within its ReactFlowProvider) at the compare view's common
 * zoom, and has it keep that zoom, rather than its own fit, as the window resizes.
 */
export function CommonZoomMember({ zoom, id, children }: { zoom: CommonZoom; id: string; children: ReactNode }) {
  const flow = useReactFlow()
  const store = useStoreApi()
  useEffect(() => zoom.join(id, { flow, store }), [zoom, id, flow, store])
  const refit = useCallback(() => zoom.fit(id), [zoom, id])
  return <RefitContext.Provider value={refit}>{children}</RefitContext.Provider>
}
