import type { Viewport } from '@xyflow/react'
import type { Diagram } from '../model/types'
import { formatProblems, parseDocument, toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'

/**
 * The diagram and the view are kept in localStorage as the user works, so a reload brings
 * back exactly what was there. A saved entry that cannot be read is set aside under
 * another key, never overwritten, so nothing is lost.
 */
export const AUTOSAVE_KEY = 'wireplay.autosave.v1'
export const UNREADABLE_KEY = 'wireplay.autosave.unreadable'
const SAVE_DELAY_MS = 300

export type SavedState =
  | { kind: 'none' }
  | { kind: 'ok'; diagram: Diagram; view: Viewport | undefined }
  | { kind: 'unreadable'; message: string }

const isViewport = (v: unknown): v is Viewport =>
  typeof v === 'object' && v !== null && ['x', 'y', 'zoom'].every((k) => Number.isFinite((v as Record<string, unknown>)[k])) && (v as Viewport).zoom > 0

export function loadAutosave(storage: Storage): SavedState {
  let raw: string | null
  try {
    raw = storage.getItem(AUTOSAVE_KEY)
  } catch {
    return { kind: 'none' }
  }
  if (raw === null) return { kind: 'none' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return setAside(storage, raw, 'it is not valid JSON')
  }
  const entry = json as { document?: unknown; view?: unknown }
  const parsed = parseDocument(entry?.document)
  if (!parsed.ok) return setAside(storage, raw, formatProblems(parsed.error.slice(0, 3)))
  return { kind: 'ok', diagram: parsed.value, view: isViewport(entry.view) ? entry.view : undefined }
}

function setAside(storage: Storage, raw: string, why: string): SavedState {
  try {
    storage.setItem(UNREADABLE_KEY, raw)
  } catch {
    // storage full: the original entry stays where it was until the next save
  }
  return {
    kind: 'unreadable',
    message: `Your saved diagram could not be read (${why}). It is kept in this browser under “${UNREADABLE_KEY}”; the starter diagram is open instead.`,
  }
}

/** Save on every change (debounced) and when the page is hidden or closed. Returns a stop function. */
export function startAutosave(store: EditorStore, storage: Storage, getView: () => Viewport | undefined): { saveSoon(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  let failedOnce = false
  const save = () => {
    clearTimeout(timer)
    timer = undefined
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ document: toDocument(store.getState().history.present), view: getView() }))
      failedOnce = false
    } catch {
      if (!failedOnce) store.getState().notify('This browser refused to save the diagram (storage full or blocked). Export it to keep your work.', 'error')
      failedOnce = true
    }
  }
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.history.present !== prev.history.present) saveSoon()
  })
  const flush = () => {
    if (timer !== undefined) save()
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onVisibility)
  return {
    saveSoon,
    stop() {
      flush()
      unsubscribe()
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    },
  }
}
