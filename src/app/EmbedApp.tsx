import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Canvas } from '../canvas/Canvas'
import type { EditorStore } from '../store/editorStore'
import { EditorContext, useEditor } from '../store/react/editorContext'
import { RunnerContext, useRunnerMaybe } from '../store/react/runContext'
import type { LinkView } from '../share/link'
import { AboutBand } from '../ui/AboutBand'
import { CommandCtx } from '../ui/commandContext'
import { COMMANDS, type CommandContext } from '../ui/commands'
import { ProblemBanner } from '../ui/ProblemBanner'
import { RunBar } from '../ui/run/RunBar'
import { useLinkView, useLiveRun } from './useLiveRun'
import { useTheme } from './useTheme'
import { EMBED_PARAM } from './shareLinks'

export interface EmbedAppProps {
  store: EditorStore
  /** why the link could not be opened, if it could not */
  problem: string | null
  view: LinkView | null
}

/**
 * The embed view (`?view=embed#w1…`), for slides and course pages: the diagram read-only
 * under its title, with its notes and the run controls only. It keeps nothing (no
 * autosave) and asks nothing.
 */
export function EmbedApp(props: EmbedAppProps) {
  const runner = useLiveRun(props.store)
  return (
    <EditorContext.Provider value={props.store}>
      <RunnerContext.Provider value={runner}>
        <ReactFlowProvider>
          <EmbedView {...props} />
        </ReactFlowProvider>
      </RunnerContext.Provider>
    </EditorContext.Provider>
  )
}

const noop = () => {}

/** A frame at least this tall (CSS px) shows the notes at first; a smaller one leaves the
 * room to the diagram and has them behind the Notes button. The Share dialog's frame is 600. */
const NOTES_OPEN_MIN_HEIGHT = 520

function EmbedView({ store, problem, view }: EmbedAppProps) {
  const { theme, toggle } = useTheme()
  const flow = useReactFlow()
  const runner = useRunnerMaybe()
  const applyView = useLinkView(runner)
  // once: before the engine has loaded it waits inside useLinkView
  const applied = useRef(false)
  useEffect(() => {
    if (!view || applied.current) return
    applied.current = true
    applyView(view)
  }, [view, applyView])
  const ctx: CommandContext = useMemo(
    () => ({ store, flow, confirm: async () => false, toggleTheme: toggle, openShare: noop, exportFile: noop, openFile: noop, openScenarios: noop, runner }),
    [store, flow, toggle, runner],
  )
  // Space runs and pauses, as in the editor; nothing else here edits
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (e.key !== ' ' || target.closest?.('button, a, input, select, textarea, summary, [role="tab"]')) return
      e.preventDefault()
      void COMMANDS.runPause.run(ctx)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ctx])
  const full = new URL(location.href)
  full.searchParams.delete(EMBED_PARAM)
  const title = useEditor((s) => s.history.present.title ?? '')
  const notes = useEditor((s) => s.history.present.notes ?? '')
  const [notesOpen, setNotesOpen] = useState(() => window.innerHeight >= NOTES_OPEN_MIN_HEIGHT)
  const notesId = useId()

  return (
    <CommandCtx.Provider value={ctx}>
      <div className="app app--embed">
        <header className="embed-bar">
          <span className="toolbar__logo" aria-hidden="true">
            ⇄
          </span>
          {title ? (
            <>
              <h1 className="embed-bar__title" title={title}>
                {title}
              </h1>
              <span className="muted embed-bar__what">Wireplay, read-only</span>
            </>
          ) : (
            <>
              <strong>Wireplay</strong>
              <span className="muted">Read-only view</span>
            </>
          )}
          {notes && (
            <button type="button" className="embed-bar__notes" aria-expanded={notesOpen} aria-controls={notesId} onClick={() => setNotesOpen((o) => !o)}>
              Notes <span aria-hidden="true">{notesOpen ? '▴' : '▾'}</span>
            </button>
          )}
          <a href={full.toString()} target="_blank" rel="noopener">
            Open in Wireplay ↗
          </a>
        </header>
        {problem && <ProblemBanner title="This link could not be opened." message={problem} onDismiss={noop} />}
        <main className="stage stage--embed">
          <AboutBand showTitle={false} notesOpen={notesOpen} notesId={notesId} />
          <Canvas colorMode={theme} initialViewport={undefined} onViewportChange={noop} readOnly />
          {runner ? <RunBar /> : <div className="runbar runbar--loading" aria-hidden="true" />}
        </main>
      </div>
    </CommandCtx.Provider>
  )
}
