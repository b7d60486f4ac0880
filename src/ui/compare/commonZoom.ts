import { getViewportForBounds, type ReactFlowInstance, type useStoreApi, type Viewport } from '@xyflow/react'
import { FIT_VIEW_OPTIONS } from '../../canvas/fitView'
import { MIN_ZOOM, same, type SharedFit } from '../../canvas/useKeepFitted'

/** One compared canvas, as the common zoom sees it. */
export interface ZoomMember {
  flow: ReactFlowInstance
  store: ReturnType<typeof useStoreApi>
}

export interface CommonZoom {
  /** a canvas takes part; the returned function takes it out */
  join(key: string, member: ZoomMember): () => void
  /** what keeps this canvas at the common zoom as it resizes (canvas/useKeepFitted.ts) */
  fitFor(key: string): SharedFit
}

/**
 * The compare view's canvases at one zoom, so that a design twice as wide looks twice as
 * wide: the least of the zooms that would fit each diagram into its own pane, so every
 * design stays whole. Each canvas first fits itself (React Flow's fitView); once all
 * `count` of them have, every one is set to the common zoom, centred in its pane. As the
 * window resizes, each canvas still showing the view set here is fitted again, at the
 * common zoom worked out anew from every pane's size. A canvas the person zoomed or moved
 * (a wheel, a drag, its + and − buttons) no longer shows that view and keeps its own;
 * its diagram's fit still counts, so zooming one side leaves the others as they are.
 */
export function createCommonZoom(count: number): CommonZoom {
  const members = new Map<string, ZoomMember>()
  /** the view set here last, by canvas */
  const applied = new Map<string, Viewport>()
  let started = false
  /** each canvas's store subscription, until the first common fit */
  const waiting = new Map<string, () => void>()
  const stopWaiting = (key: string) => {
    waiting.get(key)?.()
    waiting.delete(key)
  }

  /** what fitting this canvas alone would show: null while it has no size, or no nodes */
  const ownFit = (m: ZoomMember) => {
    const { width, height } = m.store.getState()
    const nodes = m.flow.getNodes()
    if (width === 0 || height === 0 || nodes.length === 0) return null
    const bounds = m.flow.getNodesBounds(nodes)
    return { bounds, width, height, zoom: getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding).zoom }
  }
  const commonZoom = () => {
    const zooms = [...members.values()].map(ownFit).flatMap((f) => (f ? [f.zoom] : []))
    return zooms.length > 0 ? Math.min(...zooms) : null
  }
  const fit = async (key: string) => {
    const m = members.get(key)
    const zoom = commonZoom()
    const own = m && ownFit(m)
    if (!m || !own || zoom === null) return
    // a zoom range of one value: the bounds centred at exactly that zoom
    await m.flow.setViewport(getViewportForBounds(own.bounds, own.width, own.height, zoom, zoom, FIT_VIEW_OPTIONS.padding))
    applied.set(key, m.flow.getViewport())
  }

  /** React Flow has done this canvas's own first fit, with its nodes measured: its view is ready to be replaced */
  const settled = (m: ZoomMember) => {
    const { fitViewQueued, panZoom, width, nodeLookup } = m.store.getState()
    return !fitViewQueued && panZoom !== null && width > 0 && [...nodeLookup.values()].every((n) => n.measured.width !== undefined)
  }
  const startWhenSettled = () => {
    if (started || members.size < count || ![...members.values()].every(settled)) return
    started = true
    for (const key of [...waiting.keys()]) stopWaiting(key)
    // after the frame: React Flow's own fit resolves asynchronously and must not land after ours
    requestAnimationFrame(() => members.forEach((_, key) => void fit(key)))
  }

  return {
    join(key, member) {
      members.set(key, member)
      if (!started) waiting.set(key, member.store.subscribe(startWhenSettled))
      startWhenSettled()
      return () => {
        stopWaiting(key)
        members.delete(key)
        applied.delete(key)
      }
    },
    fitFor(key) {
      return {
        // before the first common fit, the canvas shows React Flow's own, which nobody has moved yet
        owns: (view) => {
          const last = applied.get(key)
          return last ? same(view, last) : !started
        },
        refit: () => (started ? fit(key) : Promise.resolve()),
      }
    },
  }
}
