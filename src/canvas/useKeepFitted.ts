import { getViewportForBounds, useReactFlow, type Viewport } from '@xyflow/react'
import { createContext, type RefObject, useContext, useEffect } from 'react'
import { FIT_VIEW_OPTIONS } from './fitView'

/** the canvas's least zoom, which fitting respects too */
export const MIN_ZOOM = 0.1

/**
 * How a kept-fitted view is fitted again, where the canvas is one of several that fit
 * together (the compare view: one zoom for every design, so their sizes compare). Without
 * it, the canvas fits its own diagram.
 */
export const RefitContext = createContext<(() => Promise<unknown>) | null>(null)

/**
 * A view that frames the whole diagram keeps framing it when the canvas changes size (the
 * run panel opens, a banner goes away, the window is resized). Whether it did is read from
 * the view itself just before the resize: exactly what fitting the diagram into the old
 * size gives, or the view this hook fitted last. Once the person pans, zooms or edits,
 * the view no longer is that, and a resize leaves it alone. With `movedByHand` (read-only
 * views), a view nobody has moved by hand counts as fitted too.
 */
export function useKeepFitted(box: RefObject<HTMLElement | null>, active: boolean, movedByHand?: RefObject<boolean>): void {
  const flow = useReactFlow()
  const refit = useContext(RefitContext)
  useEffect(() => {
    const el = box.current
    if (!active || !el || typeof ResizeObserver === 'undefined') return
    let size = { width: el.clientWidth, height: el.clientHeight }
    let frame = 0
    /** the view this hook last fitted, once it has */
    let ownFit: Viewport | null = null
    const observer = new ResizeObserver(() => {
      const before = size
      size = { width: el.clientWidth, height: el.clientHeight }
      if (before.width === size.width && before.height === size.height) return
      const nodes = flow.getNodes()
      if (nodes.length === 0 || before.width === 0 || before.height === 0) return
      const fitted = getViewportForBounds(flow.getNodesBounds(nodes), before.width, before.height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding)
      const now = flow.getViewport()
      // Nodes may have grown since the view was fitted (a run's live state arriving with
      // the panel that resized the canvas), so "fitted" is also: the view this hook set, or
      // (where the caller tracks it) any view the person has not moved by hand.
      const untouched = movedByHand !== undefined && !movedByHand.current && ownFit === null
      if (!same(now, fitted) && !(ownFit && same(now, ownFit)) && !untouched) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        void (refit ? refit() : flow.fitView(FIT_VIEW_OPTIONS)).then(() => {
          ownFit = flow.getViewport()
        })
      })
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [box, active, flow, movedByHand, refit])
}

const same = (a: Viewport, b: Viewport) => Math.abs(a.zoom - b.zoom) <= 1e-3 && Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1
