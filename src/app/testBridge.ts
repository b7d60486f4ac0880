import { formatProblems, parseDocument, toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'

/**
 * A small window handle for end-to-end tests and benchmarks: read the document, load one.
 * It goes through the same parsing as a file, so it cannot put an invalid diagram in.
 */
export interface WireplayBridge {
  document(): object
  load(doc: unknown): string | null
}

declare global {
  interface Window {
    __wireplay?: WireplayBridge
  }
}

export function installTestBridge(store: EditorStore) {
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
