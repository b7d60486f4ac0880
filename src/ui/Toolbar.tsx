import { useEffect, useRef, useState, type ReactNode } from 'react'
import { canRedo, canUndo } from '../model/history'
import { useEditor } from '../store/react/editorContext'
import { COMMANDS, type Command, type CommandId } from './commands'
import { useCommandContext } from './commandContext'
import { DiagramTitle } from './DiagramAbout'

const TIPS: Partial<Record<CommandId, string>> = {
  undo: 'Undo (Ctrl+Z)',
  redo: 'Redo (Ctrl+Shift+Z)',
  duplicate: 'Duplicate the selected nodes (Ctrl+D)',
  delete: 'Delete the selection (Delete)',
  tidy: 'Arrange the diagram left to right (Shift+L)',
  fitView: 'Show the whole diagram (Shift+1)',
  share: 'A link that holds the whole diagram',
  exportFile: 'Save the diagram as a .wireplay.json file (Ctrl+S)',
  openFile: 'Open a .wireplay.json file (Ctrl+O); you can also drop one on the canvas',
  exportPng: 'Export a PNG picture of the diagram',
  exportSvg: 'Export an SVG picture of the diagram',
  present: 'Presenter mode: full screen, large type, the lesson as a caption (F)',
  scenarios: 'Ready-made diagrams that each make one point, some with a lesson',
}

export function Toolbar({ themeLabel }: { themeLabel: string }) {
  const ctx = useCommandContext()
  // only the flags the buttons need, so a drag does not re-render the toolbar
  const undoable = useEditor((s) => canUndo(s.history))
  const redoable = useEditor((s) => canRedo(s.history))
  const selectedNodes = useEditor((s) => s.selection.nodes.length)
  const selected = useEditor((s) => s.selection.nodes.length + s.selection.links.length)
  const nodeCount = useEditor((s) => s.history.present.nodes.length)
  const enabled: Partial<Record<CommandId, boolean>> = {
    undo: undoable,
    redo: redoable,
    duplicate: selectedNodes > 0,
    delete: selected > 0,
    tidy: nodeCount > 1,
    exportPng: nodeCount > 0,
    exportSvg: nodeCount > 0,
  }
  const button = (id: CommandId, label: string = COMMANDS[id].label) => {
    const cmd: Command = COMMANDS[id]
    return (
      <button type="button" onClick={() => void COMMANDS[id].run(ctx)} disabled={enabled[id] === false} title={TIPS[id] ?? label} aria-keyshortcuts={cmd.keys}>
        {label}
      </button>
    )
  }
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true">
          ⇄
        </span>
        <h1>Wireplay</h1>
        <DiagramTitle />
      </div>
      <div role="toolbar" aria-label="Editing" className="toolbar__group">
        {button('newDiagram')}
        {button('undo')}
        {button('redo')}
        {button('duplicate')}
        {button('delete')}
      </div>
      <div role="toolbar" aria-label="File and sharing" className="toolbar__group">
        {button('scenarios')}
        {button('openFile', 'Open file…')}
        <ExportMenu>
          {button('exportFile')}
          {button('exportPng')}
          {button('exportSvg')}
        </ExportMenu>
        {button('share', 'Share…')}
      </div>
      <div role="toolbar" aria-label="View" className="toolbar__group">
        {button('tidy')}
        {button('fitView')}
        {button('present')}
        {/* an icon, so the toolbar keeps to one line on a laptop; its name says what it does */}
        <button type="button" className="toolbar__theme" onClick={() => COMMANDS.theme.run(ctx)} aria-label={themeLabel} title={`${themeLabel} (switch between light and dark)`}>
          <span aria-hidden="true">{themeLabel === 'Dark theme' ? '☾' : '☀'}</span>
        </button>
      </div>
    </header>
  )
}

/**
 * A disclosure for the export actions, so the toolbar stays one line on a laptop screen.
 * Closes after a choice, on Escape (focus back on its button) and on a click elsewhere.
 */
function ExportMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])
  return (
    <div
      className="toolbar__menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
          toggle.current?.focus()
        }
      }}
      // tabbing out of the menu closes it
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button type="button" ref={toggle} aria-expanded={open} aria-controls="export-menu" onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      <div
        id="export-menu"
        className="toolbar__popover"
        hidden={!open}
        onClick={() => {
          // after a choice, focus returns to the menu's button rather than falling to the page
          setOpen(false)
          toggle.current?.focus()
        }}
      >
        {children}
      </div>
    </div>
  )
}
