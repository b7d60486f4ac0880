import { type ReactFlowInstance, useOnViewportChange, useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useStore } from 'zustand'
import { FIT_VIEW_OPTIONS } from '../../canvas/fitView'
import type { Diagram } from '../../model/types'
import type { EditorStore } from '../../store/editorStore'
import { useRunnerMaybe } from '../../store/react/runContext'
import type { Runner } from '../../store/run/types'
import type { ScenarioStore } from '../../store/scenarioStore'
import { useCommandContext } from '../commandContext'
import { AboutBand } from '../AboutBand'
import { useTeaching } from '../teachContext'
import { presenterPanel, startPresentingPanel, stopPresentingPanel, togglePresenterPanel } from './presenterPanel'
import { useRefitOnResize } from './useRefit'
import { audienceUrl, PRESENT_CHANNEL, PRESENTING_CLASS, type PresentMessage } from './protocol'
import './present.css'

export interface PresentSessionProps {
  presenting: boolean
  onExit(): void
  /** the diagram as a document (the app layer owns the codec) */
  serialise(d: Diagram): object
}

const FIELD = 'input, textarea, select, [contenteditable="true"], dialog[open]'

/**
 * Presenter mode, mounted once the trainer first presents and kept (its audience windows
 * keep following while the trainer edits between two steps). While `presenting`: full
 * screen where the browser allows it, large type, editing chrome hidden, Space runs and
 * pauses, Escape leaves; arrows step the lesson (the lesson player).
 */
export function PresentSession({ presenting, onExit, serialise }: PresentSessionProps) {
  const ctx = useCommandContext()
  const runner = useRunnerMaybe()
  const teaching = useTeaching()
  const exitRef = useRef(onExit)
  useEffect(() => {
    exitRef.current = onExit
  }, [onExit])

  useEffect(() => {
    if (!presenting) return
    const root = document.documentElement
    root.classList.add(PRESENTING_CLASS)
    let wentFull = false
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      root.requestFullscreen?.().then(
        () => (wentFull = true),
        () => {
          // refused (no user gesture, an iframe, a test browser): the class is enough
        },
      )
    }
    // the browser's own Escape leaves full screen without a keydown: leave with it
    const onFullscreen = () => {
      if (wentFull && !document.fullscreenElement) exitRef.current()
    }
    document.addEventListener('fullscreenchange', onFullscreen)
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement
      if (target.closest?.(FIELD)) return
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        exitRef.current()
      } else if (e.key === ' ') {
        // Space is the run's, even on a focused button (Enter presses buttons)
        e.preventDefault()
        e.stopPropagation()
        runner?.store.getState().toggle()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      document.removeEventListener('fullscreenchange', onFullscreen)
      root.classList.remove(PRESENTING_CLASS)
      wentFull = false
      if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {})
    }
  }, [presenting, runner])

  // the run panel while presenting is the presenter's (closed at first), not the editor's
  useEffect(() => {
    if (!presenting) return
    startPresentingPanel()
    return stopPresentingPanel
  }, [presenting])
  const panelOpen = useStore(presenterPanel, (s) => s.presenting && s.open)

  // the notes are shown when presenting starts (a workshop's task is what the room needs
  // first); the presenter folds them to give the diagram the room, and the audience follows
  const [notesOpen, setNotesOpen] = useState(true)
  // this stays mounted between sessions: each one starts with the notes shown
  const [wasPresenting, setWasPresenting] = useState(presenting)
  if (presenting !== wasPresenting) {
    setWasPresenting(presenting)
    if (presenting) setNotesOpen(true)
  }
  const flow = useReactFlow()
  const sendView = useBroadcast(ctx.store, runner, teaching.store, presenting, serialise, flow, notesOpen)
  useOnViewportChange({ onEnd: sendView })
  const fitView = ctx.flow.fitView
  useRefitOnResize(useCallback(() => fitView(FIT_VIEW_OPTIONS), [fitView]), presenting)
  const lessonTitle = useStore(teaching.store, (s) => (s.scenario && s.step !== null ? s.scenario.title : null))
  // the editor's stage, where the band goes above the canvas (the app owns the layout;
  // this part loads after it, so the stage is there)
  const [stage] = useState(() => document.querySelector('.workspace > .stage'))

  if (!presenting) return null
  // in the band beside the title; alone, it floats over the canvas's corner
  const bar = (
    <div className="present-bar" role="toolbar" aria-label="Presenter">
      <button type="button" aria-expanded={panelOpen} onClick={togglePresenterPanel} title={`${panelOpen ? 'Hide' : 'Show'} the run's metrics, event log and trace under the canvas, in large type`}>
        Metrics, log and trace
      </button>
      <button type="button" onClick={() => window.open(audienceUrl(location), 'wireplay-audience')} title="A second window for the projector that follows this one: step, clock and selection">
        Open audience window
      </button>
      <button type="button" onClick={onExit} aria-keyshortcuts="Escape" title="Back to the editor (Escape)">
        Leave presenter mode
      </button>
    </div>
  )
  if (!stage) return bar
  return createPortal(
    <AboutBand showTitle lessonTitle={lessonTitle} notesOpen={notesOpen} onToggleNotes={() => setNotesOpen((o) => !o)}>
      {bar}
    </AboutBand>,
    stage,
  )
}

/** The part of the diagram the canvas shows, in flow coordinates; null before it has a size. */
function visibleBounds(flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): { x: number; y: number; width: number; height: number } | null {
  const box = document.querySelector('.react-flow')?.getBoundingClientRect()
  if (!box || box.width === 0 || box.height === 0) return null
  const a = flow.screenToFlowPosition({ x: box.left, y: box.top }, { snapToGrid: false })
  const b = flow.screenToFlowPosition({ x: box.right, y: box.bottom }, { snapToGrid: false })
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }
}

/** Tell audience windows everything they show, as it changes. Returns what sends the
 * view, for the caller to call when the presenter's canvas stops moving. */
function useBroadcast(editor: EditorStore, runner: Runner | null, lessons: ScenarioStore, presenting: boolean, serialise: (d: Diagram) => object, flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>, notesOpen: boolean): () => void {
  const channel = useRef<BroadcastChannel | null>(null)
  const presentingRef = useRef(presenting)
  const notesOpenRef = useRef(notesOpen)
  // the view travels only while presenting: zooming in to edit between two steps is not for the room
  const sendView = useCallback(() => {
    const bounds = presentingRef.current ? visibleBounds(flow) : null
    if (bounds) channel.current?.postMessage({ type: 'view', ...bounds } satisfies PresentMessage)
  }, [flow])
  useEffect(() => {
    presentingRef.current = presenting
    channel.current?.postMessage({ type: 'presenting', on: presenting } satisfies PresentMessage)
  }, [presenting])
  useEffect(() => {
    notesOpenRef.current = notesOpen
    channel.current?.postMessage({ type: 'notes', open: notesOpen } satisfies PresentMessage)
  }, [notesOpen])

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const ch = new BroadcastChannel(PRESENT_CHANNEL)
    channel.current = ch
    const post = (m: PresentMessage) => ch.postMessage(m)
    const sendDoc = () => post({ type: 'doc', doc: serialise(editor.getState().history.present) })
    const sendSelection = () => {
      const { nodes, links } = editor.getState().selection
      post({ type: 'selection', nodes: [...nodes], links: [...links] })
    }
    const sendLesson = () => {
      const s = lessons.getState()
      post({ type: 'lesson', scenario: s.scenario?.id ?? null, step: s.step, answers: { ...s.answers } })
    }
    const sendRun = () => {
      if (!runner) return
      const r = runner.store.getState()
      post({ type: 'run', time: r.time, playing: r.playing, speed: r.speed })
    }
    const sendPanel = () => {
      const p = presenterPanel.getState()
      post({ type: 'panel', open: p.presenting && p.open, tab: p.tab ?? 'metrics' })
    }
    const sendTrace = () => post({ type: 'trace', traced: runner?.store.getState().traced ?? null })
    const sendAll = () => {
      post({ type: 'presenting', on: presentingRef.current })
      sendDoc()
      post({ type: 'notes', open: notesOpenRef.current })
      sendLesson()
      sendSelection()
      sendRun()
      // after the run: a new document resets the audience's run, and with it its trace
      sendTrace()
      sendPanel()
      sendView()
    }
    ch.onmessage = (e: MessageEvent<PresentMessage>) => {
      if (e.data?.type === 'hello') sendAll()
    }
    const offEditor = editor.subscribe((s, before) => {
      if (s.history.present !== before.history.present) sendDoc()
      if (s.selection !== before.selection) sendSelection()
    })
    const offLessons = lessons.subscribe((s, before) => {
      if (s.scenario !== before.scenario || s.step !== before.step || s.answers !== before.answers) sendLesson()
    })
    const offRun = runner?.store.subscribe((s, before) => {
      if (s.time !== before.time || s.playing !== before.playing || s.speed !== before.speed) sendRun()
      if (s.traced !== before.traced) sendTrace()
    })
    const offPanel = presenterPanel.subscribe((s, before) => {
      if (s.presenting !== before.presenting || s.open !== before.open || s.tab !== before.tab) sendPanel()
    })
    const bye = () => post({ type: 'bye' })
    window.addEventListener('pagehide', bye)
    sendAll()
    return () => {
      window.removeEventListener('pagehide', bye)
      offEditor()
      offLessons()
      offRun?.()
      offPanel()
      channel.current = null
      ch.close()
    }
  }, [editor, runner, lessons, serialise, sendView])
  return sendView
}
