import { useEffect, useRef, useState } from 'react'
import { NOTES_MAX, TITLE_MAX, parseNotes, parseTitle } from '../model/fields'
import type { Result } from '../lib/result'
import { useEditor, useEditorStore } from '../store/react/editorContext'

/** What the tab says with no title: the page's own title from index.html. */
const PAGE_TITLE = typeof document === 'undefined' ? 'Wireplay' : document.title

/**
 * Text typed into a field, applied at each keystroke (a run of them is one undo step in
 * the store), with the field showing what was typed rather than the stored, tidied text
 * (a trailing space stays while typing). An outside change (undo, a link opened) replaces
 * what is shown; our own edit does not.
 */
function useDraft(stored: string, tidy: (raw: string) => Result<string>, apply: (raw: string) => Result<void>) {
  const [draft, setDraft] = useState(stored)
  const [error, setError] = useState<string | null>(null)
  const [shown, setShown] = useState(stored)
  if (shown !== stored) {
    setShown(stored)
    const mine = tidy(draft)
    if (!mine.ok || mine.value !== stored) setDraft(stored)
    setError(null)
  }
  return {
    draft,
    error,
    change(raw: string) {
      setDraft(raw)
      const r = apply(raw)
      setError(r.ok ? null : r.error)
    },
    /** back to the stored text, tidied (on leaving the field) */
    settle() {
      setDraft(stored)
      setError(null)
    },
  }
}

/**
 * The diagram's title, in the toolbar where a document's name usually is (beside the
 * logo, in place of the app's name: the toolbar has no room for both at 1280 px, and the
 * tab still says "— Wireplay"). The tab shows the title too.
 */
export function DiagramTitle() {
  const store = useEditorStore()
  const title = useEditor((s) => s.history.present.title ?? '')
  const field = useDraft(title, parseTitle, (raw) => store.getState().setAbout('title', raw))
  useEffect(() => {
    document.title = title ? `${title} — Wireplay` : PAGE_TITLE
  }, [title])
  return (
    <input
      className="toolbar__title"
      type="text"
      aria-label="Diagram title"
      placeholder="Untitled diagram"
      title={title || 'Name this diagram: the name travels with its link and file'}
      maxLength={TITLE_MAX}
      autoComplete="off"
      value={field.draft}
      aria-invalid={field.error ? true : undefined}
      onChange={(e) => field.change(e.target.value)}
      onBlur={field.settle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur()
      }}
    />
  )
}

/** The notes field's id: "Edit notes" elsewhere brings focus to it (there is one editor). */
export const DIAGRAM_NOTES_ID = 'diagram-notes'

/**
 * The diagram's notes, in the inspector when nothing is selected: the panel anyone who
 * opens a diagram sees first, beside the canvas rather than over it. Opening a diagram
 * (a link, a file) clears the selection, so its notes are on screen; they are brought
 * into view should the panel be scrolled. With a selection, DiagramNotesPeek keeps
 * them within reach.
 */
export function DiagramNotes() {
  const store = useEditorStore()
  const notes = useEditor((s) => s.history.present.notes ?? '')
  const replaced = useEditor((s) => s.replaced)
  const id = DIAGRAM_NOTES_ID
  const field = useDraft(notes, parseNotes, (raw) => store.getState().setAbout('notes', raw))
  const box = useRef<HTMLDivElement>(null)
  const firstReplaced = useRef(replaced)
  useEffect(() => {
    if (replaced !== firstReplaced.current && store.getState().history.present.notes) box.current?.scrollIntoView({ block: 'nearest' })
  }, [replaced, store])
  return (
    <div className={`field diagram-notes${field.error ? ' has-error' : ''}`} ref={box}>
      <label htmlFor={id}>Notes</label>
      <textarea
        id={id}
        rows={notes ? 6 : 3}
        maxLength={NOTES_MAX}
        placeholder="What should someone who opens this diagram know? A task, what to watch, a fault to try…"
        value={field.draft}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(e) => field.change(e.target.value)}
        onBlur={field.settle}
      />
      <div id={`${id}-hint`} className="field__hint diagram-notes__hint">
        <span>Travel with the diagram’s link and file.</span>
        <span>
          {field.draft.length} / {NOTES_MAX}
        </span>
      </div>
      <div id={`${id}-error`} className="field__error" aria-live="polite">
        {field.error}
      </div>
    </div>
  )
}
