import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ReactFlowState } from '@xyflow/react'

/**
 * Level of detail by zoom. Zoomed out, text too small to read is not drawn (at 0.5 an
 * 11.5 px summary is under 6 px) and, further out, nodes are plain shapes and links plain
 * lines. Software-rendered frames spend their time on layout and paint, so drawing fewer
 * elements keeps 300-node diagrams smooth. One context value: changing level re-renders
 * nodes once, not every frame.
 */
export type Detail = 'near' | 'far' | 'very-far'

const FAR_ZOOM = 0.5
const VERY_FAR_ZOOM = 0.3

export const selectDetail = (s: ReactFlowState): Detail => (s.transform[2] < VERY_FAR_ZOOM ? 'very-far' : s.transform[2] < FAR_ZOOM ? 'far' : 'near')

export const DetailContext = createContext<Detail>('near')

export const useDetail = () => useContext(DetailContext)

/**
 * A picture of the diagram (Export PNG / SVG) is taken from the DOM as it is drawn, and a
 * person often exports while zoomed out to see the whole diagram, where link labels and
 * node types are left out. While a picture is taken, every node and link is drawn in full
 * whatever the zoom. A module-level flag rather than React state: the export command lives
 * outside the canvas's tree.
 */
let fullDetail = false
const listeners = new Set<() => void>()

export function setFullDetail(on: boolean): void {
  if (fullDetail === on) return
  fullDetail = on
  for (const l of listeners) l()
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** True while a picture is being taken (see setFullDetail). */
export const useFullDetail = () => useSyncExternalStore(subscribe, () => fullDetail)
