import { useId, useState } from 'react'
import { useEditor, useEditorStore } from '../store/react/editorContext'
import { DIAGRAM_NOTES_ID } from './DiagramAbout'
import './about.css'

/** the peek's class: the inspector skips its controls when it moves focus to a selection's first field */
export const NOTES_PEEK = 'notes-peek'

/**
 * The diagram's notes at the top of the inspector while a selection fills it, so a
 * workshop's task stays one press away (and the panel says there is one) while someone
 * works through the nodes. Folded to the notes' first line by default, so the selection's
 * settings stay in view; it stays open or folded from one selection to the next.
 * Read-only here: "Edit notes" goes back to the diagram's own view, with the field.
 */
export function DiagramNotesPeek({ shown }: { shown: boolean }) {
  const store = useEditorStore()
  const notes = useEditor((s) => s.history.present.notes ?? '')
  const [open, setOpen] = useState(false)
  const id = useId()
  if (!shown || !notes) return null
  const firstLine = notes.split('\n').find((line) => line.trim() !== '') ?? ''
  return (
    <div className={`${NOTES_PEEK}${open ? ' is-open' : ''}`}>
      <button type="button" className="notes-peek__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span className="notes-peek__chevron" aria-hidden="true">
          ▸
        </span>
        <span className="notes-peek__label">Diagram notes</span>
        {/* a glimpse that says what they are about; the full text is one press away */}
        {!open && (
          <span className="notes-peek__glimpse" aria-hidden="true">
            {firstLine}
          </span>
        )}
      </button>
      <div id={id} className="notes-peek__body" hidden={!open}>
        <p className="notes-text">{notes}</p>
        <button
          type="button"
          className="linklike"
          onClick={() => {
            store.getState().select({ nodes: [], links: [] })
            // after the inspector has swapped in the diagram's view (and placed focus itself)
            requestAnimationFrame(() => document.getElementById(DIAGRAM_NOTES_ID)?.focus())
          }}
        >
          Edit notes
        </button>
      </div>
    </div>
  )
}
