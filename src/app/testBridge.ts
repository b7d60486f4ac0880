import { formatProblems, parseDocument, toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'

/**
 * A small window handle for end-to-end tests and benchmarks: read the document, load one.
 * It goes through the same parsing as a file, so it cannot put an invalid diagram in.
 * Installed only in a browser under automation (`navigator.webdriver`, which Playwright's
 * browsers set): a person's browser gets no extra global.
 */
export interface WireplayBridge {
  document(): object
  load(doc: unknown): string | null
  /** open a built-in scenario (and a lesson step), as the gallery does; set once the editor is up */
  openScenario?(id: string, step?: number | null): Promise<boolean>
}

declare global {
  interface Window {
    __wireplay?: WireplayBridge
  }
}

export function installTestBridge(store: EditorStore) {
  if (!navigator.webdriver) return
  window.__wireplay = {
    document: () => toDocument(store.getState().history.present),
    load(doc) {
      const parsed = parseDocument(doc)
      if (!parsed.ok) return formatProblems(parsed.error)
      store.getState().replaceDiagram(parsed.value)
      return null
    },
  }
}

/** Let tests open a built-in scenario by id (the teaching context lives in the editor). */
export function bridgeScenarios(open: (id: string, step?: number | null) => Promise<boolean>): () => void {
  if (window.__wireplay) window.__wireplay.openScenario = open
  return () => {
    if (window.__wireplay?.openScenario === open) delete window.__wireplay.openScenario
  }
}
