import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import { FIT_VIEW_OPTIONS } from '../../canvas/fitView'
import { lessonStateAt } from '../../model/lessonState'
import type { EditorStore } from '../../store/editorStore'
import { useEditor } from '../../store/react/editorContext'
import { useRunnerMaybe } from '../../store/react/runContext'
import type { Runner } from '../../store/run/types'
import type { ScenarioStore } from '../../store/scenarioStore'
import { useCommandContext } from '../commandContext'
import { useRefitOnResize } from '../present/useRefit'
import { useTeaching } from '../teachContext'
import { highlightCss } from './highlight'
import { LessonCard, type LessonControls } from './LessonCard'
import { moveLesson } from './startLesson'
import { StartLessonButton } from './StartLessonButton'
import './lessons.css'

/**
 * The lesson of the open scenario, above the canvas (below it, as a caption, in presenter
 * mode): "Start the lesson" until it plays, then the step with its controls. It drives
 * the diagram's fault timeline and the run from the step (see useLessonDriver) and draws
 * attention to the step's nodes and links.
 */
export function LessonPlayer({ presenting }: { presenting: boolean }) {
  const teaching = useTeaching()
  const ctx = useCommandContext()
  const runner = useRunnerMaybe()
  const scenario = useStore(teaching.store, (s) => s.scenario)
  const step = useStore(teaching.store, (s) => s.step)
  const answers = useStore(teaching.store, (s) => s.answers)
  const links = useEditor((s) => s.history.present.links)
  useLessonDriver(teaching.store, ctx.store, runner)
  useLessonKeys(teaching.store, ctx.store, presenting)

  // the canvas changes height when the lesson starts or ends: frame the diagram again
  const playing = step !== null
  const { flow } = ctx
  useEffect(() => {
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS)))
    return () => cancelAnimationFrame(frame)
  }, [playing, presenting, flow])
  // while it plays, the card's height follows the step (a question is taller): keep every node in view
  useRefitOnResize(flow.fitView, playing)

  const controls: LessonControls = useMemo(
    () => ({
      previous: () => moveLesson(teaching.store, -1),
      next: () => moveLesson(teaching.store, 1),
      end: () => teaching.store.getState().setStep(null),
      answer: (choice) => {
        const s = teaching.store.getState()
        if (s.step !== null) s.answer(s.step, choice)
      },
    }),
    [teaching.store],
  )
  const highlight = scenario?.lesson && step !== null ? scenario.lesson[step]?.highlight : undefined
  const css = useMemo(() => highlightCss(highlight, links), [highlight, links])

  if (!scenario?.lesson?.length) return null
  if (step === null) {
    return (
      // a chip over the canvas's top left corner: the canvas keeps its height until the lesson starts
      <section className="lesson-idle" aria-label="Lesson">
        <StartLessonButton className="lesson-idle__start" />
      </section>
    )
  }
  return (
    <>
      {css && <style data-lesson-highlight="">{css}</style>}
      <LessonCard scenario={scenario} step={step} answers={answers} controls={controls} />
    </>
  )
}

/**
 * Entering a step sets the diagram's fault timeline to the lesson's state at that step
 * and stands the run at its instant, paused (lessonStateAt). The state depends on the
 * step alone, so Previous shows exactly what the step showed before: going back replays
 * the same run from 0. A step with a question holds its action until the room answers.
 */
function useLessonDriver(lessons: ScenarioStore, editor: EditorStore, runner: Runner | null) {
  useEffect(() => {
    if (!runner) return
    let applied = ''
    let opened: unknown = null
    const apply = () => {
      const { scenario, step, answers, openedDiagram } = lessons.getState()
      const current = step === null ? undefined : scenario?.lesson?.[step]
      if (!scenario || step === null || !current) {
        applied = ''
        return
      }
      const actionDone = !current.question || answers[step] !== undefined
      const key = `${scenario.id}:${step}:${actionDone}`
      // opening the scenario again (a link to a step) replaces the diagram: apply again
      if (key === applied && openedDiagram === opened) return
      applied = key
      opened = openedDiagram
      const state = lessonStateAt(scenario, step, actionDone)
      runner.store.getState().pause()
      editor.getState().setFaults(state.faults)
      runner.store.getState().seek(state.at)
    }
    apply()
    return lessons.subscribe(apply)
  }, [lessons, editor, runner])
}

const NOT_FOR_US = 'dialog[open], input, textarea, select, [contenteditable="true"], [role="slider"], [role="tab"], [role="radio"], [role="menu"]'

/**
 * Left and Right step the lesson, unless a field, a slider or a list has focus. In the
 * editor, arrows still move selected nodes; in presenter mode they always step.
 */
function useLessonKeys(lessons: ScenarioStore, editor: EditorStore, presenting: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return
      const target = e.target as HTMLElement
      if (target.closest?.(NOT_FOR_US)) return
      if (!presenting && (editor.getState().selection.nodes.length > 0 || target.closest?.('.react-flow__node'))) return
      if (lessons.getState().step === null) return
      moveLesson(lessons, e.key === 'ArrowLeft' ? -1 : 1)
      // the key is the lesson's: not the editor's arrow keys, nor React Flow's on a focused node
      e.preventDefault()
      e.stopPropagation()
    }
    // capture: before the editor's own arrow keys (useShortcuts) and React's handlers
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [lessons, editor, presenting])
}
