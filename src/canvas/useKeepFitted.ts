import { getViewportForBounds, useReactFlow } from '@xyflow/react'
import { type RefObject, useEffect } from 'react'
import { FIT_VIEW_OPTIONS } from './fitView'

/** the canvas's least zoom, which fitting respects too */
export const MIN_ZOOM = 0.1

/**
 * A view that frames the whole diagram keeps framing it when the canvas changes size (the
 * run panel opens, a banner goes away, the window is resized). Whether it did is read from
 * the view itself just before the resize: exactly what fitting the diagram into the old
 * size gives. Once the person pans, zooms or edits, the view no longer is that, and a
 * resize leaves it alone.
 */
export function useKeepFitted(box: RefObject<HTMLElement | null>, active: boolean): void {
  const flow = useReactFlow()
  useEffect(() => {
    const el = box.current
    if (!active || !el || typeof ResizeObserver === 'undefined') return
    let size = { width: el.clientWidth, height: el.clientHeight }
    let frame = 0
    const observer = new ResizeObserver(() => {
      const before = size
      size = { width: el.clientWidth, height: el.clientHeight }
      if (before.width === size.width && before.height === size.height) return
      const nodes = flow.getNodes()
      if (nodes.length === 0 || before.width === 0 || before.height === 0) return
      const fitted = getViewportForBounds(flow.getNodesBounds(nodes), before.width, before.height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding)
      const now = flow.getViewport()
      if (Math.abs(now.zoom - fitted.zoom) > 1e-3 || Math.abs(now.x - fitted.x) > 1 || Math.abs(now.y - fitted.y) > 1) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS))
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [box, active, flow])
}
