import { ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { Canvas } from '../canvas/Canvas'
import type { EditorStore } from '../store/editorStore'
import { EditorContext } from '../store/react/editorContext'
import { RunnerContext, useRunnerMaybe } from '../store/react/runContext'
import { CommandCtx } from '../ui/commandContext'
import type { CommandContext } from '../ui/commands'
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog'
import { ConflictBanner } from '../ui/ConflictBanner'
import { ProblemBanner } from '../ui/ProblemBanner'
import { ShareDialog, type ShareOptions, type ShareRequest } from '../ui/ShareDialog'
import { RestoreBanner } from '../ui/RestoreBanner'
import { formatSimTime } from '../ui/run/formatTime'
import { Hint } from '../ui/Hint'
import { TeachingContext } from '../ui/teachContext'
import { ScenarioPanel } from '../ui/scenarios/ScenarioPanel'
import { TeachDialogs, type TeachDialog } from '../ui/scenarios/TeachDialogs'
import { Inspector } from '../ui/Inspector'
import { NoticeBar } from '../ui/NoticeBar'
import { Palette } from '../ui/Palette'
import { Toolbar } from '../ui/Toolbar'
import { LessonSlot } from '../ui/lessons/LessonSlot'
import { PresentSlot } from '../ui/present/PresentSlot'
import { toDocument } from '../share/document'
import { bridgeScenarios } from './testBridge'
import { FaultMenu, type FaultMenuRequest } from '../ui/run/FaultMenu'
import { FIT_VIEW_OPTIONS } from '../canvas/fitView'
import type { Autosave } from './autosave'
import { downloadDocument, FILE_SUFFIX, readDocumentFile } from './files'
import type { CompareWithRequest } from '../ui/CompareWithDialog'
import { compareWithRequest, scenarioShareFor, shareUrlMaker, useIncomingLinks, type IncomingLink } from './shareLinks'
import { useLinkView, useLiveRun } from './useLiveRun'
import { useShortcuts } from './useShortcuts'
import { useTeachingValue } from './useTeaching'
import { useTheme } from './useTheme'
import { DocumentFileInput } from '../ui/DocumentFileInput'
import { LazyPart } from '../ui/LazyPart'
import { retryingLazy } from '../ui/retryingLazy'
import { fileNameFor } from '../model/fileName'

// the run's controls and panel come with the engine, after the first paint
const RunBar = retryingLazy(() => import('../ui/run/RunBar').then((m) => ({ default: m.RunBar })))
const RunPanel = retryingLazy(() => import('../ui/run/RunPanel').then((m) => ({ default: m.RunPanel })))
// "Compare with…" comes with the comparison codec, when someone asks for it
const CompareWithDialog = retryingLazy(() => import('../ui/CompareWithDialog').then((m) => ({ default: m.CompareWithDialog })))
const RUNBAR_PLACEHOLDER = <div className="runbar runbar--loading" aria-hidden="true" />

export interface AppProps {
  store: EditorStore
  /** a share link the page was opened with, already decoded; ask before replacing saved work */
  incoming: { link: IncomingLink | null; askFirst: boolean }
  /** null where the browser blocks storage */
  autosave: Autosave | null
  initialView: Viewport | undefined
  showHint: boolean
  onDismissHint(): void
  onViewportChange(v: Viewport): void
}

export function App(props: AppProps) {
  const runner = useLiveRun(props.store)
  return (
    <EditorContext.Provider value={props.store}>
      <RunnerContext.Provider value={runner}>
        <ReactFlowProvider>
          <Editor {...props} />
        </ReactFlowProvider>
      </RunnerContext.Provider>
    </EditorContext.Provider>
  )
}

function Editor({ store, autosave, incoming, initialView, showHint, onDismissHint, onViewportChange }: AppProps) {
  const { theme, toggle } = useTheme()
  const flow = useReactFlow()
  const runner = useRunnerMaybe()
  const [faultMenu, setFaultMenu] = useState<FaultMenuRequest | null>(null)
  const openFaultMenu = useCallback((target: FaultMenuRequest['target'], at: { x: number; y: number }) => setFaultMenu({ target, ...at }), [])
  const closeFaultMenu = useCallback(() => setFaultMenu(null), [])
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null)
  const [hint, setHint] = useState(showHint)
  // the hint describes the starter diagram; once the canvas is cleared it no longer applies
  useEffect(() => store.subscribe((s) => s.history.present.nodes.length === 0 && setHint(false)), [store])

  const confirm = useCallback(
    (title: string, message: string, confirmLabel: string) =>
      new Promise<boolean>((resolve) =>
        setConfirmRequest({
          title,
          message,
          confirmLabel,
          resolve(ok) {
            setConfirmRequest(null)
            resolve(ok)
          },
        }),
      ),
    [],
  )
  const [shareRequest, setShareRequest] = useState<ShareRequest | null>(null)
  const teaching = useTeachingValue(store, flow.fitView)
  // the welcome hint describes the starter diagram, not a scenario
  useEffect(() => teaching.store.subscribe((s) => s.scenario !== null && setHint(false)), [teaching])
  // presenter mode: its module loads on first use and stays (audience windows keep following)
  const [presenting, setPresenting] = useState(false)
  const [presented, setPresented] = useState(false)
  const togglePresent = useCallback(() => {
    setPresented(true)
    setPresenting((p) => !p)
  }, [])
  const stopPresenting = useCallback(() => setPresenting(false), [])
  useEffect(() => bridgeScenarios(teaching.open), [teaching.open])
  const [teachDialog, setTeachDialog] = useState<TeachDialog | null>(null)
  const openScenarios = useCallback(() => setTeachDialog('scenarios'), [])
  const openPatterns = useCallback(() => setTeachDialog('patterns'), [])
  const openShare = useCallback(async () => {
    const diagram = store.getState().history.present
    const run = runner?.store.getState()
    const view = (o: ShareOptions) => ({ speed: run?.speed, at: o.startAtNow ? run?.time : undefined })
    let shareUrlFor
    try {
      shareUrlFor = await shareUrlMaker()
    } catch {
      store.getState().notify('The share link could not be made: part of Wireplay did not load. Check the connection and try again.', 'error')
      return
    }
    setShareRequest({
      link: (o) => shareUrlFor(diagram, view(o)),
      embed: (o) => shareUrlFor(diagram, view(o), true),
      now: run?.time ?? 0,
      nowText: formatSimTime(run?.time ?? 0),
      scenario: scenarioShareFor(teaching.store.getState(), diagram),
    })
  }, [store, runner, teaching])
  const [compareRequest, setCompareRequest] = useState<CompareWithRequest | null>(null)
  const openCompareWith = useCallback(async () => {
    setShareRequest(null)
    try {
      setCompareRequest(await compareWithRequest(store.getState().history.present))
    } catch {
      store.getState().notify('Compare with… could not start: part of Wireplay did not load. Check the connection and try again.', 'error')
    }
  }, [store])
  const closeCompareWith = useCallback(() => setCompareRequest(null), [])
  const linkView = useLinkView(runner)
  const fileInput = useRef<HTMLInputElement>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const openDocumentFile = useCallback(
    async (file: File) => {
      const r = await readDocumentFile(file)
      if (!r.ok) return setFileProblem(r.error)
      setFileProblem(null)
      store.getState().replaceDiagram(r.value.diagram, `Opened “${file.name}”. Undo brings back the diagram you had.`)
      requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS))
    },
    [store, flow],
  )
  // a .wireplay.json file dropped anywhere on the page opens it (and the browser never
  // navigates away to show the file instead)
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0]
      if (!file) return
      e.preventDefault()
      void openDocumentFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [openDocumentFile])
  const exportFile = useCallback(() => {
    const d = store.getState().history.present
    // the title names the file, so several saved designs are told apart in a folder
    const name = fileNameFor(d.title)
    downloadDocument(d, name)
    store.getState().notify(`Exported ${name}${FILE_SUFFIX}.`)
  }, [store])
  const openFile = useCallback(() => fileInput.current?.click(), [])
  const ctx: CommandContext = useMemo(
    () => ({ store, flow, confirm, toggleTheme: toggle, openShare, compareWith: openCompareWith, exportFile, openFile, openScenarios, runner, present: togglePresent }),
    [store, flow, confirm, toggle, openShare, openCompareWith, exportFile, openFile, openScenarios, runner, togglePresent],
  )
  useShortcuts(ctx)
  const linkError = useIncomingLinks(incoming, store, confirm, flow.fitView, linkView, teaching)

  return (
    <CommandCtx.Provider value={ctx}>
      <TeachingContext.Provider value={teaching}>
      <div className="app">
        <Toolbar themeLabel={theme === 'dark' ? 'Light theme' : 'Dark theme'} />
        {autosave && <SaveConflict autosave={autosave} />}
        {linkError.message && <ProblemBanner title="This link could not be opened." message={linkError.message} onDismiss={linkError.dismiss} />}
        {linkError.previous && <RestoreBanner onRestore={() => store.getState().replaceDiagram(linkError.previous!, 'Restored the diagram you had before the link. Undo opens the link’s diagram again.')} onDone={linkError.forgetPrevious} />}
        {fileProblem && <ProblemBanner title="That file could not be opened." message={fileProblem} onDismiss={() => setFileProblem(null)} />}
        {hint && (
          <Hint
            onDismiss={() => {
              setHint(false)
              onDismissHint()
            }}
          />
        )}
        <DocumentFileInput inputRef={fileInput} onFile={(file) => void openDocumentFile(file)} />
        <main className="workspace">
          <Palette />
          <div className="stage">
            <LessonSlot presenting={presenting} />
            <Canvas colorMode={theme} initialViewport={initialView} onViewportChange={onViewportChange} onContextMenuFor={runner ? openFaultMenu : undefined} onExplainPatterns={openPatterns} />
            {runner ? (
              <LazyPart name="run controls" fallback={RUNBAR_PLACEHOLDER} dismissible={false}>
                <RunBar editFaults />
                <RunPanel />
              </LazyPart>
            ) : (
              RUNBAR_PLACEHOLDER
            )}
          </div>
          <Inspector idle={<ScenarioPanel />} />
        </main>
        {runner && faultMenu && <FaultMenu request={faultMenu} onClose={closeFaultMenu} />}
        <NoticeBar />
        {presented && <PresentSlot presenting={presenting} onExit={stopPresenting} serialise={toDocument} />}
        <ConfirmDialog request={confirmRequest} />
        <ShareDialog request={shareRequest} onClose={() => setShareRequest(null)} onCompare={() => void openCompareWith()} />
        {compareRequest && (
          <LazyPart name="Compare with…" onDismiss={closeCompareWith}>
            <CompareWithDialog request={compareRequest} onClose={closeCompareWith} />
          </LazyPart>
        )}
        <TeachDialogs open={teachDialog} onChange={setTeachDialog} />
      </div>
      </TeachingContext.Provider>
    </CommandCtx.Provider>
  )
}

function SaveConflict({ autosave }: { autosave: Autosave }) {
  const status = useStore(autosave.status)
  if (status.kind !== 'conflict') return null
  return <ConflictBanner canTakeTheirs={status.theirs !== null} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
}
