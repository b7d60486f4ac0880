import { createStore } from 'zustand/vanilla'

/**
 * The run panel while presenting. Presenter mode opens, closes and switches it apart from
 * the editor's own choice (which the panel keeps, and saves), so leaving presenter mode
 * gives the editor its panel back as it was. One per page, like presenter mode itself:
 * the presenter's bar (lazy, in present/) and the run panel (lazy, in run/) share it
 * without the app passing anything down.
 */
/** the run panel's tabs */
export type PanelTab = 'metrics' | 'log' | 'trace'

export interface PresenterPanelState {
  presenting: boolean
  /** shown while presenting; each presenting session starts with it closed (the canvas first) */
  open: boolean
  /** the tab shown while presenting; null until the panel takes the editor's tab as its first */
  tab: PanelTab | null
}

export const presenterPanel = createStore<PresenterPanelState>(() => ({ presenting: false, open: false, tab: null }))

export function startPresentingPanel() {
  presenterPanel.setState({ presenting: true, open: false, tab: null })
}

export function stopPresentingPanel() {
  presenterPanel.setState({ presenting: false, open: false, tab: null })
}

export function togglePresenterPanel() {
  presenterPanel.setState((s) => ({ open: !s.open }))
}
