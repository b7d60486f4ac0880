import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { Canvas } from '../canvas/Canvas'
import { FIT_VIEW_OPTIONS } from '../canvas/fitView'
import { parseDocument, toDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'
import { EditorContext, useEditor } from '../store/react/editorContext'
import { RunnerContext, useRunMaybe, useRunnerMaybe } from '../store/react/runContext'
import { createScenarioStore, type ScenarioStore } from '../store/scenarioStore'
import { AboutBand } from '../ui/AboutBand'
import { highlightCss } from '../ui/lessons/highlight'
import { LessonCard } from '../ui/lessons/LessonCard'
import { AudiencePanel } from '../ui/present/AudiencePanel'
import type { PanelTab } from '../ui/present/presenterPanel'
import { PRESENT_CHANNEL, PRESENTING_CLASS, type PresentMessage } from '../ui/present/protocol'
import { useRefitOnResize } from '../ui/present/useRefit'
import { formatSimTime } from '../ui/run/formatTime'
import '../ui/present/present.css'
import '../ui/present/audience.css'
import { loadLibrary } from './useTeaching'
import { useLiveRun } from './useLiveRun'
import { useTheme } from './useTheme'

/**
 * The audience window (`?view=audience`), for the projector: the presenter's diagram
 * read-only under its title (and its notes while the presenter shows them), its lesson
 * step as a caption, its own run stood at the presenter's instant, and the run panel's tab
 * (metrics, log or trace) while the presenter shows it. The engine is deterministic, so replaying the same document to the same
 * instant gives the same picture; only the clock travels, never a packet. Keeps nothing.
 */
export function AudienceApp({ store }: { store: EditorStore }) {
  const runner = useLiveRun(store)
  const [lessons] = useState(createScenarioStore)
  return (
    <EditorContext.Provider value={store}>
      <RunnerContext.Provider value={runner}>
        <ReactFlowProvider>
          <AudienceView store={store} lessons={lessons} />
        </ReactFlowProvider>
      </RunnerContext.Provider>
    </EditorContext.Provider>
  )
}

const noop = () => {}
type Status = 'waiting' | 'following' | 'gone'

function AudienceView({ store, lessons }: { store: EditorStore; lessons: ScenarioStore }) {
  const { theme } = useTheme()
  const flow = useReactFlow()
  const runner = useRunnerMaybe()
  const [status, setStatus] = useState<Status>('waiting')
  const [playing, setPlaying] = useState(false)
  // the presenter's choice, as soon as its window answers; open until then, as there
  const [notesOpen, setNotesOpen] = useState(true)
  // the run panel the presenter shows (metrics, log or trace), mirrored; null: closed
  const [panel, setPanel] = useState<PanelTab | null>(null)
  // the part of the diagram the presenter shows; null: the whole diagram
  const view = useRef<{ x: number; y: number; width: number; height: number } | null>(null)
  const refit = useCallback(() => (view.current ? flow.fitBounds(view.current, { padding: 0 }) : flow.fitView(FIT_VIEW_OPTIONS)), [flow])
  useRefitOnResize(refit, true)

  useEffect(() => {
    const root = document.documentElement
    root.classList.add(PRESENTING_CLASS)
    document.title = 'Wireplay — audience'
    return () => root.classList.remove(PRESENTING_CLASS)
  }, [])

  // listen once the run exists: the presenter answers "hello" with everything
  useEffect(() => {
    if (!runner || typeof BroadcastChannel === 'undefined') return
    const ch = new BroadcastChannel(PRESENT_CHANNEL)
    let lessonSeq = 0
    ch.onmessage = (e: MessageEvent<PresentMessage>) => {
      const m = e.data
      switch (m?.type) {
        case 'doc': {
          if (JSON.stringify(toDocument(store.getState().history.present)) === JSON.stringify(m.doc)) break
          const parsed = parseDocument(m.doc)
          if (!parsed.ok) break
          const before = store.getState().history.present
          store.getState().replaceDiagram(parsed.value)
          const moved = before.nodes.length !== parsed.value.nodes.length || before.nodes.some((n, i) => n.id !== parsed.value.nodes[i]?.id || n.x !== parsed.value.nodes[i]?.x || n.y !== parsed.value.nodes[i]?.y)
          // new nodes are measured on the next frames; frame them after that
          if (moved) requestAnimationFrame(() => requestAnimationFrame(refit))
          setStatus('following')
          break
        }
        case 'lesson': {
          const seq = ++lessonSeq
          const { scenario: id, step, answers } = m
          if (id === null) {
            lessons.setState({ scenario: null, step: null, answers: {} })
            break
          }
          void loadLibrary().then(({ scenarios }) => {
            if (seq !== lessonSeq) return
            lessons.setState({ scenario: scenarios.find((s) => s.id === id) ?? null, step, answers })
          })
          break
        }
        case 'run': {
          const run = runner.store.getState()
          run.pause()
          if (run.speed !== m.speed) run.setSpeed(m.speed)
          run.seek(m.time)
          // the presenter's "playing" is shown, not copied: this run only follows the clock
          setPlaying(m.playing)
          break
        }
        case 'selection':
          store.getState().select({ nodes: m.nodes, links: m.links })
          break
        case 'view':
          view.current = { x: m.x, y: m.y, width: m.width, height: m.height }
          void flow.fitBounds(view.current, { padding: 0 })
          break
        case 'notes':
          setNotesOpen(m.open)
          break
        case 'panel':
          setPanel(m.open ? m.tab : null)
          break
        case 'trace':
          runner.store.getState().traceRequest(m.traced)
          break
        case 'bye':
          setStatus('gone')
          break
      }
    }
    ch.postMessage({ type: 'hello' } satisfies PresentMessage)
    return () => ch.close()
  }, [runner, store, lessons, flow, refit])

  return (
    <div className="app app--audience">
      <main className="stage stage--audience">
        {status !== 'following' && (
          <div className="audience__status" role="status">
            {status === 'waiting' ? 'Waiting for the presenter’s window…' : 'The presenter’s window has closed.'}
          </div>
        )}
        <AudienceAbout lessons={lessons} notesOpen={notesOpen} />
        <Canvas colorMode={theme} initialViewport={undefined} onViewportChange={noop} readOnly ownView={false} />
        <AudienceCaption lessons={lessons} />
        <footer className="audience__bar" aria-label="Run">
          <AudienceClock />
          <span className="muted">{playing ? 'Running' : 'Paused'}</span>
        </footer>
        {panel && <AudiencePanel tab={panel} />}
      </main>
    </div>
  )
}

function AudienceClock() {
  const time = useRunMaybe((s) => s.time, 0)
  return (
    <span className="audience__clock" role="timer" aria-label="Simulated time">
      {formatSimTime(time)}
    </span>
  )
}

function AudienceCaption({ lessons }: { lessons: ScenarioStore }) {
  const scenario = useStore(lessons, (s) => s.scenario)
  const step = useStore(lessons, (s) => s.step)
  const answers = useStore(lessons, (s) => s.answers)
  const links = useEditor((s) => s.history.present.links)
  const highlight = scenario?.lesson && step !== null ? scenario.lesson[step]?.highlight : undefined
  const css = useMemo(() => highlightCss(highlight, links), [highlight, links])
  if (!scenario || step === null) return null
  return (
    <>
      {css && <style data-lesson-highlight="">{css}</style>}
      <LessonCard scenario={scenario} step={step} answers={answers} />
    </>
  )
}

function AudienceAbout({ lessons, notesOpen }: { lessons: ScenarioStore; notesOpen: boolean }) {
  const lessonTitle = useStore(lessons, (s) => (s.scenario && s.step !== null ? s.scenario.title : null))
  return <AboutBand showTitle lessonTitle={lessonTitle} notesOpen={notesOpen} />
}
