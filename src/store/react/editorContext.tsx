import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
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
