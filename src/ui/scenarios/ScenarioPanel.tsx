import { useId } from 'react'
import { useStore } from 'zustand'
import { describeFault } from '../../model/faults'
import { useDiagramStructure, useEditorStore } from '../../store/react/editorContext'
import { useRunnerMaybe } from '../../store/react/runContext'
import { StartLessonButton } from '../lessons/StartLessonButton'
import { useTeaching } from '../teachContext'
import { isDiagram, scenarioRelation, splitFirstSentence, suggestedFaultAt } from './relation'
import './scenarios.css'

/**
 * The open scenario, where the inspector shows when nothing is selected: what it is about,
 * what to watch, the fault it suggests trying, and a way out. Once the diagram is edited
 * it is the user's copy; once none of the scenario is left, nothing is shown.
 */
export function ScenarioPanel() {
  const teaching = useTeaching()
  const scenario = useStore(teaching.store, (s) => s.scenario)
  const opened = useStore(teaching.store, (s) => s.openedDiagram)
  const diagram = useDiagramStructure()
  const editor = useEditorStore()
  const runner = useRunnerMaybe()
  const id = useId()
  if (!scenario || !isDiagram(opened)) return null
  const relation = scenarioRelation(diagram, opened)
  if (relation === 'other') return null
  const tryable = scenario.tryFault !== null && suggestedFaultAt(scenario.tryFault.fault, 0, diagram) !== null
  const [action, shows] = scenario.tryFault ? splitFirstSentence(scenario.tryFault.text) : ['', '']

  const tryIt = () => {
    if (!scenario.tryFault) return
    const run = runner?.store.getState()
    const now = run?.time ?? 0
    const present = editor.getState().history.present
    const fault = suggestedFaultAt(scenario.tryFault.fault, now, present)
    if (!fault) return
    // now: through the run, which records it at its own clock; later: straight onto the timeline
    if (runner && fault.at <= Math.round(now)) {
      const { at: _now, ...rest } = fault
      runner.injectFault(rest)
    } else editor.getState().addFault(fault)
    const when = `${(fault.at / 1000).toFixed(1)} s`
    editor.getState().notify(`${describeFault(fault, present)} at ${when}.${run?.playing ? '' : ' Press Run to watch it happen.'}`)
  }

  return (
    <section className="scenario-panel" aria-labelledby={`${id}-title`}>
      <p className="scenario-panel__kicker">Scenario</p>
      <h2 id={`${id}-title`}>{relation === 'edited' ? `Your copy of ${scenario.title}` : scenario.title}</h2>
      {relation === 'edited' && <p className="muted">You have changed it: what it says below may no longer hold. Undo takes you back towards the original.</p>}
      <p>{scenario.summary}</p>
      <p>
        <strong>Watch:</strong> {scenario.watch}
      </p>
      {scenario.tryFault && tryable && (
        <div className="scenario-panel__try">
          <button type="button" onClick={tryIt} aria-describedby={shows ? `${id}-shows` : undefined}>
            Try: {action}
          </button>
          {shows && (
            <p id={`${id}-shows`} className="muted">
              {shows}
            </p>
          )}
        </div>
      )}
      <div className="button-row">
        <StartLessonButton />
        <button type="button" onClick={() => teaching.store.getState().close()}>
          Close scenario
        </button>
      </div>
    </section>
  )
}
