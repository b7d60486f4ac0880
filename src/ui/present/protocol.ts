import type { TracedRequest } from '../../store/run/types'
import type { PanelTab } from './presenterPanel'

/**
 * What the presenter's window tells its audience windows, over one BroadcastChannel
 * (same origin, same browser). The audience replays the same run to the presenter's
 * instant (the engine is deterministic), so only the document, the lesson step, the
 * clock, the selection, the part of the diagram in view, whether the notes show, the
 * run panel the presenter opened and the traced request travel; never a packet.
 */
export const PRESENT_CHANNEL = 'wireplay-present'

/** the class on <html> that hides the editing chrome and sets large type (present.css) */
export const PRESENTING_CLASS = 'wp-presenting'

/** `?view=audience`: the read-only window for the projector. */
export const AUDIENCE_VIEW = 'audience'

export type PresentMessage =
  /** an audience window asks for everything (it just opened) */
  | { type: 'hello' }
  /** the diagram as a Wireplay document (faults and seed included) */
  | { type: 'doc'; doc: object }
  | { type: 'lesson'; scenario: string | null; step: number | null; answers: Readonly<Record<number, number>> }
  /** simulated ms */
  | { type: 'run'; time: number; playing: boolean; speed: number }
  | { type: 'selection'; nodes: readonly string[]; links: readonly string[] }
  /** the part of the diagram the presenter's canvas shows, in flow coordinates: the audience
   * frames the same part, whatever its window's size */
  | { type: 'view'; x: number; y: number; width: number; height: number }
  | { type: 'presenting'; on: boolean }
  /** whether the presenter shows the diagram's notes (the title always shows) */
  | { type: 'notes'; open: boolean }
  /** the run panel as the presenter shows it (closed while not presenting) */
  | { type: 'panel'; open: boolean; tab: PanelTab }
  /** the request the presenter traces: the audience's replay has the same ids */
  | { type: 'trace'; traced: TracedRequest | null }
  /** the presenter's window is closing */
  | { type: 'bye' }

export function audienceUrl(loc: Pick<Location, 'origin' | 'pathname'>): string {
  return `${loc.origin}${loc.pathname}?view=${AUDIENCE_VIEW}`
}
