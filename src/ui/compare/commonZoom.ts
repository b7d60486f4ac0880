import { getViewportForBounds, type ReactFlowInstance, type useStoreApi } from '@xyflow/react'
import { FIT_VIEW_OPTIONS } from '../../canvas/fitView'
import { MIN_ZOOM } from '../../canvas/useKeepFitted'

/** One compared canvas, as the common zoom sees it. */
export interface ZoomMember {
  flow: ReactFlowInstance
  store: ReturnType<typeof useStoreApi>
}

export interface CommonZoom {
  /** a canvas takes part; the returned function takes it out */
  join(key: string, member: ZoomMember): () => void
  /** frames this canvas's diagram at the common zoom, centred in its pane */
  fit(key: string): Promise<unknown>
}

/**
 * The compare view's canvases at one zoom, so that a design twice as wide looks twice as
 * wide: the least of the zooms that would fit each diagram into its own pane, so every
 * design stays whole. Each canvas first fits itself (React Flow's fitView); once all
 * `count` of them have, every one is set to the common zoom. Later fits (a canvas kept
 * fitted as the window resizes: canvas/useKeepFitted.ts) go through `fit`, with the zoom
 * worked out again from every pane's size then; a canvas the person zoomed by hand is not
 * refitted, and its own fit still counts, so zooming one side leaves the others as they are.
 */
export function createCommonZoom(count: number): CommonZoom {
  const members = new Map<string, ZoomMember>()
  let started = false
  /** each canvas's store subscription, until the first common fit */
  const waiting = new Map<string, () => void>()
  const stopWaiting = (key: string) => {
    waiting.get(key)?.()
    waiting.delete(key)
  }

  /** what fitting this canvas alone would show: null before it has a size and measured nodes */
  const ownFit = (m: ZoomMember) => {
    const { width, height, nodeLookup } = m.store.getState()
    const nodes = m.flow.getNodes()
    if (width === 0 || height === 0 || nodes.length === 0 || [...nodeLookup.values()].some((n) => !n.measured.width)) return null
    const bounds = m.flow.getNodesBounds(nodes)
    return { bounds, width, height, zoom: getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding).zoom }
  }
  const commonZoom = () => {
    const zooms = [...members.values()].map(ownFit).filter((f) => f !== null).map((f) => f.zoom)
    return zooms.length > 0 ? Math.min(...zooms) : null
  }
  const fitMember = (m: ZoomMember, zoom: number) => {
    const own = ownFit(m)
    if (!own) return m.flow.fitView(FIT_VIEW_OPTIONS)
    // a zoom range of one value: the bounds centred at exactly that zoom
    return m.flow.setViewport(getViewportForBounds(own.bounds, own.width, own.height, zoom, zoom, FIT_VIEW_OPTIONS.padding))
  }

  /** every canvas has done React Flow's own first fit: its view is ready to be replaced */
  const allFitted = () => members.size === count && [...members.values()].every((m) => !m.store.getState().fitViewQueued && m.store.getState().panZoom !== null && ownFit(m) !== null)
  const startWhenReady = () => {
    if (started || !allFitted()) return
    started = true
    for (const key of [...waiting.keys()]) stopWaiting(key)
    // after the frame: React Flow's own fit resolves asynchronously and must not land after ours
    requestAnimationFrame(() => {
      const zoom = commonZoom()
      if (zoom !== null) members.forEach((m) => void fitMember(m, zoom))
    })
  }

  return {
    join(key, member) {
      members.set(key, member)
      if (!started) waiting.set(key, member.store.subscribe(startWhenReady))
      startWhenReady()
      return () => {
        stopWaiting(key)
        members.delete(key)
      }
    },
    fit(key) {
      const m = members.get(key)
      if (!m) return Promise.resolve()
      const zoom = commonZoom()
      return zoom === null ? m.flow.fitView(FIT_VIEW_OPTIONS) : fitMember(m, zoom)
    },
  }
}
