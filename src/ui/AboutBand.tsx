import { useId, type ReactNode } from 'react'
import { useEditor } from '../store/react/editorContext'
import './about.css'

export interface AboutBandProps {
  /** the title as the band's heading (the embed view has it in its own bar) */
  showTitle: boolean
  notesOpen: boolean
  /** given: the band has its own Notes button; else whoever holds `notesOpen` decides */
  onToggleNotes?(): void
  /** the notes' id, for a Notes button elsewhere to name with aria-controls */
  notesId?: string
  /** the lesson's title while its caption is on screen: the caption names the diagram already */
  lessonTitle?: string | null
  /** controls at the heading's end (the presenter's); shown alone when the band has nothing to say */
  children?: ReactNode
}

/**
 * The diagram's title and notes, read-only, as a band above the canvas where the editor's
 * toolbar and inspector are not shown: presenter mode, the audience window, the embed view.
 * A band in the layout rather than a card over the canvas, so it never hides part of the
 * diagram: the canvas is smaller while the notes are open, and is framed again.
 */
export function AboutBand({ showTitle, notesOpen, onToggleNotes, notesId, lessonTitle, children }: AboutBandProps) {
  const title = useEditor((s) => s.history.present.title ?? '')
  const notes = useEditor((s) => s.history.present.notes ?? '')
  const ownId = useId()
  const id = notesId ?? ownId
  const heading = showTitle && title !== '' && title !== lessonTitle
  if (!heading && !notes) return <>{children}</>
  const toggle = onToggleNotes !== undefined && notes !== ''
  const head = heading || toggle || children !== undefined
  return (
    <section className="about-band" aria-label="About this diagram" hidden={!head && !notesOpen}>
      {head && (
        <div className="about-band__head">
          {heading ? <h2 className="about-band__title">{title}</h2> : <span className="about-band__title" />}
          {toggle && (
            <button type="button" className="about-band__toggle" aria-expanded={notesOpen} aria-controls={id} onClick={onToggleNotes}>
              Notes <span aria-hidden="true">{notesOpen ? '▴' : '▾'}</span>
            </button>
          )}
          {children}
        </div>
      )}
      {notes && (
        <div id={id} className="about-band__notes notes-text" hidden={!notesOpen}>
          {notes}
        </div>
      )}
    </section>
  )
}
