import { createContext, useContext, useState } from 'react'
import { useStore } from 'zustand'
import { createStructureKeeper } from '../../model/structure'
import type { Diagram } from '../../model/types'
import type { Editor, EditorStore } from '../editorStore'

/** The editor store is created once by the app and handed down; tests can make their own. */
export const EditorContext = createContext<EditorStore | null>(null)

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext)
  if (!store) throw new Error('useEditorStore needs an EditorContext provider')
  return store
}

/** Subscribe to one slice of the editor; re-renders only when that slice changes. */
export function useEditor<T>(selector: (s: Editor) => T): T {
  return useStore(useEditorStore(), selector)
}

/**
 * The diagram, ignoring moves: re-renders when nodes, links or settings change but not
 * while a node is dragged. For panels that show no positions.
 */
export function useDiagramStructure(): Diagram {
  const [keep] = useState(createStructureKeeper)
  return useEditor((s) => keep(s.history.present))
}
