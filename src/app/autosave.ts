import type { Viewport } from '@xyflow/react'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Diagram } from '../model/types'
import { formatProblems, parseDocument, toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'

/**
 * The diagram and the view are kept in localStorage as the user works, so a reload brings
 * back exactly what was there. Nothing is ever silently lost:
 * - a saved entry that cannot be read is copied aside under a key of its own (with the
 *   time) before anything else is written; if even that fails, saving stays off until the
 *   user changes the diagram, so the unreadable entry is not overwritten by a mere look;
 * - two tabs editing at once would overwrite each other: when another tab saves, this one
 *   stops saving and asks which diagram to keep;
 * - storage that is blocked or full is said once, in words.
 */
export const AUTOSAVE_KEY = 'wireplay.autosave.v1'
export const UNREADABLE_PREFIX = 'wireplay.autosave.unreadable.'
const SAVE_DELAY_MS = 300

export type SavedState =
  | { kind: 'none' }
  | { kind: 'ok'; diagram: Diagram; view: Viewport | undefined }
  | { kind: 'unreadable'; message: string; setAside: boolean }

export type AutosaveStatus =
  | { kind: 'saving' }
  /** another tab saved a different diagram; `theirs` is it, when readable */
  | { kind: 'conflict'; theirs: Diagram | null }
  /** nothing is written until the user edits (an unreadable entry could not be set aside) */
  | { kind: 'held' }

const isViewport = (v: unknown): v is Viewport =>
  typeof v === 'object' && v !== null && ['x', 'y', 'zoom'].every((k) => Number.isFinite((v as Record<string, unknown>)[k])) && (v as Viewport).zoom > 0

/** The browser's storage, or null where it is blocked (privacy settings, sandboxed frames). */
export function openStorage(): Storage | null {
  try {
    const storage = window.localStorage
    storage.getItem(AUTOSAVE_KEY)
    return storage
  } catch {
    return null
  }
}

function readEntry(raw: string): { diagram: Diagram; view: Viewport | undefined; tab: unknown } | string {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return 'it is not valid JSON'
  }
  const entry = json as { document?: unknown; view?: unknown; tab?: unknown } | null
  const parsed = parseDocument(entry?.document)
  if (!parsed.ok) return formatProblems(parsed.error.slice(0, 3))
  return { diagram: parsed.value, view: isViewport(entry?.view) ? entry.view : undefined, tab: entry?.tab }
}

export function loadAutosave(storage: Storage, now: Date = new Date()): SavedState {
  let raw: string | null
  try {
    raw = storage.getItem(AUTOSAVE_KEY)
  } catch {
    return { kind: 'none' }
  }
  if (raw === null) return { kind: 'none' }
  const entry = readEntry(raw)
  if (typeof entry !== 'string') return { kind: 'ok', diagram: entry.diagram, view: entry.view }
  const key = `${UNREADABLE_PREFIX}${now.toISOString()}`
  try {
    storage.setItem(key, raw)
  } catch {
    return {
      kind: 'unreadable',
      setAside: false,
      message: `Your saved diagram could not be read (${entry}), and this browser has no room to keep a copy. It stays saved as it is until you change something here; the starter diagram is open meanwhile.`,
    }
  }
  return { kind: 'unreadable', setAside: true, message: `Your saved diagram could not be read (${entry}). It is kept in this browser under “${key}”; the starter diagram is open instead.` }
}

export interface Autosave {
  status: StoreApi<AutosaveStatus>
  saveSoon(): void
  /** resolve a conflict: keep this tab's diagram (saved now) or take the other tab's */
  keepMine(): void
  takeTheirs(): void
  stop(): void
}

/** Save on every change (debounced) and when the page is hidden or closed. */
export function startAutosave(store: EditorStore, storage: Storage, getView: () => Viewport | undefined, options: { held?: boolean } = {}): Autosave {
  const status = createStore<AutosaveStatus>()(() => (options.held ? { kind: 'held' } : { kind: 'saving' }))
  // which tab wrote an entry, so that a tab ignores its own writes
  const tab = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(performance.now())
  let timer: ReturnType<typeof setTimeout> | undefined
  let failedOnce = false

  const save = () => {
    clearTimeout(timer)
    timer = undefined
    if (status.getState().kind !== 'saving') return
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ document: toDocument(store.getState().history.present), view: getView(), tab }))
      failedOnce = false
    } catch {
      if (!failedOnce) store.getState().notify('This browser refused to save the diagram (storage full or blocked): changes made now will be gone after a reload.', 'error')
      failedOnce = true
    }
  }
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.history.present === prev.history.present) return
    if (status.getState().kind === 'held') status.setState({ kind: 'saving' }, true)
    saveSoon()
  })
  const onStorage = (e: StorageEvent) => {
    if (e.key !== AUTOSAVE_KEY || e.newValue === null || e.storageArea !== storage) return
    const entry = readEntry(e.newValue)
    if (typeof entry !== 'string' && entry.tab === tab) return
    // another tab saving the very same diagram (say, just its view) is no conflict
    if (typeof entry !== 'string' && JSON.stringify(toDocument(entry.diagram)) === JSON.stringify(toDocument(store.getState().history.present))) return
    clearTimeout(timer)
    timer = undefined
    status.setState({ kind: 'conflict', theirs: typeof entry === 'string' ? null : entry.diagram }, true)
  }
  const flush = () => {
    if (timer !== undefined) save()
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('storage', onStorage)
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onVisibility)
  return {
    status,
    saveSoon() {
      if (status.getState().kind === 'saving') saveSoon()
    },
    keepMine() {
      status.setState({ kind: 'saving' }, true)
      save()
    },
    takeTheirs() {
      const s = status.getState()
      status.setState({ kind: 'saving' }, true)
      if (s.kind === 'conflict' && s.theirs) store.getState().replaceDiagram(s.theirs, 'Opened the diagram saved in your other tab. Undo brings this one back.')
      save()
    },
    stop() {
      flush()
      unsubscribe()
      window.removeEventListener('storage', onStorage)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    },
  }
}
