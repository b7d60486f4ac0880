import { useEffect, useRef, type ReactNode } from 'react'
import { useDiagramStructure, useEditor, useEditorStore } from '../store/react/editorContext'
import { DiagramNotes } from './DiagramAbout'
import { DiagramNotesPeek, NOTES_PEEK } from './DiagramNotesPeek'
import { LinkInspector } from './LinkInspector'
import { NodeInspector } from './NodeInspector'

/**
 * The right-hand panel: settings of the selected node or link, or a short guide.
 * `idle` is shown above the guide when nothing is selected (the open scenario).
 */
export function Inspector({ idle }: { idle?: ReactNode } = {}) {
  const diagram = useDiagramStructure()
  const selection = useEditor((s) => s.selection)
  const store = useEditorStore()
  const count = selection.nodes.length + selection.links.length
  const panel = useRef<HTMLElement>(null)
  const mounted = useRef(false)
  const selectionKey = `${selection.nodes.join(',')}|${selection.links.join(',')}`
  // An action that removes the focused element (delete, duplicate, a press in a panel that
  // re-renders) leaves focus on the page body; keyboard users would have to start over
  // from the top. Bring focus to this panel instead, where the result is shown: to its
  // first control (a newly opened link's kind), or the panel itself.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true
      return
    }
    // a newly selected item is read from its top
    if (panel.current) panel.current.scrollTop = 0
    if (document.activeElement !== document.body && document.activeElement !== null) return
    // the selection's own first field, not the diagram notes' peek above it
    const controls = panel.current?.querySelectorAll<HTMLElement>('input, select, button:not([aria-disabled="true"])') ?? []
    const first = [...controls].find((el) => !el.closest(`.${NOTES_PEEK}`))
    ;(first ?? panel.current)?.focus({ preventScroll: true })
  }, [selectionKey])

  let body
  if (count === 1 && selection.nodes.length === 1) {
    const node = diagram.nodes.find((n) => n.id === selection.nodes[0])
    body = node ? <NodeInspector key={node.id} node={node} diagram={diagram} /> : null
  } else if (count === 1) {
    const link = diagram.links.find((l) => l.id === selection.links[0])
    body = link ? <LinkInspector key={link.id} link={link} diagram={diagram} /> : null
  } else if (count > 1) {
    body = (
      <div className="inspector__section">
        <h2>{count} items selected</h2>
        <p>
          {selection.nodes.length} nodes and {selection.links.length} links.
        </p>
        <div className="button-row">
          <button type="button" onClick={() => store.getState().duplicateSelection()} disabled={selection.nodes.length === 0}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => store.getState().deleteSelection()}>
            Delete selection
          </button>
        </div>
      </div>
    )
  } else {
    body = (
      <div className="inspector__section inspector__guide">
        {idle}
        <h2>Diagram</h2>
        {/* in full: the toolbar's field is narrow on a laptop */}
        {diagram.title && <p className="inspector__title">{diagram.title}</p>}
        <p>
          {diagram.nodes.length} nodes, {diagram.links.length} links.
        </p>
        <DiagramNotes />
        <p>Select a node or a link to see and change its settings.</p>
        <ul>
          <li>Add: drag a block from the palette, or press it.</li>
          <li>Link: drag from the dot on a node’s right side onto another node, or select a node and use “Add link”.</li>
          <li>Select several: Shift-click, or Shift-drag a box.</li>
          <li>Arrow keys move the selection; Delete removes it.</li>
        </ul>
      </div>
    )
  }
  return (
    <aside className="inspector" aria-label="Inspector" ref={panel} tabIndex={-1}>
      {/* mounted throughout, so it stays open or folded from one selection to the next */}
      <DiagramNotesPeek shown={count > 0} />
      {body}
    </aside>
  )
}
