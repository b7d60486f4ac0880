import { getViewportForBounds, useReactFlow, type Viewport } from '@xyflow/react'
import { createContext, type RefObject, useContext, useEffect } from 'react'
import { FIT_VIEW_OPTIONS } from './fitView'

/** the canvas's least zoom, which fitting respects too */
export const MIN_ZOOM = 0.1

/**
 * A fit shared by several canvases (the compare view: one zoom for every design, so their
 * sizes compare), which then decides both whether a view is still its fit and how to fit
 * it again. Without one, the canvas fits its own diagram.
 */
export interface SharedFit {
  /** whether `view` is what the shared fit last set: a view the person has not moved since */
  owns(view: Viewport): boolean
  refit(): Promise<unknown>
}
export const SharedFitContext = createContext<SharedFit | null>(null)

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
  const shared = useContext(SharedFitContext)
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
      const now = flow.getViewport()
      if (shared) {
        if (!shared.owns(now)) return
        cancelAnimationFrame(frame)
        frame = requestAnimationFrame(() => void shared.refit())
        return
      }
      const fitted = getViewportForBounds(flow.getNodesBounds(nodes), before.width, before.height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding)
      // Nodes may have grown since the view was fitted (a run's live state arriving with
      // the panel that resized the canvas), so "fitted" is also: the view this hook set, or
      // (where the caller tracks it) any view the person has not moved by hand.
      const untouched = movedByHand !== undefined && !movedByHand.current && ownFit === null
      if (!same(now, fitted) && !(ownFit && same(now, ownFit)) && !untouched) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        void flow.fitView(FIT_VIEW_OPTIONS).then(() => {
          ownFit = flow.getViewport()
        })
      })
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [box, active, flow, movedByHand, shared])
}

/** the same view, give or take rounding */
export const same = (a: Viewport, b: Viewport) => Math.abs(a.zoom - b.zoom) <= 1e-3 && Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1
