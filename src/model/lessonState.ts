import type { Fault } from './faults'
import type { LessonStep, Scenario } from './scenario'

/**
 * Where a lesson stands at a step, as data: the fault timeline the run replays and the
 * instant it stands at. A function of the scenario and the step only (never of how the
 * learner got there), so Previous restores exactly what the step showed the first time:
 * the engine replays the same run from 0 to the same instant. Pure.
 */
export interface LessonState {
  /** the scenario's own faults, then every lesson fault so far; in time order (stable) */
  faults: Fault[]
  /** simulated ms: the last `runTo` so far, or 0 */
  at: number
}

/**
 * The state at step `step` (0-based). With `actionDone` false, the step's own action is
 * left out: a step with a question holds the simulation where the previous step left it
 * until the room has answered.
 */
export function lessonStateAt(scenario: Pick<Scenario, 'document' | 'lesson'>, step: number, actionDone = true): LessonState {
  const lesson = scenario.lesson ?? []
  const last = Math.min(step, lesson.length - 1)
  const faults: Fault[] = [...(scenario.document.faults ?? [])]
  let at = 0
  for (let i = 0; i <= last; i++) {
    if (i === last && !actionDone) break
    const action = (lesson[i] as LessonStep).action
    if (action?.kind === 'fault') faults.push(action.fault)
    else if (action?.kind === 'runTo') at = action.at
  }
  // a stable sort keeps same-instant faults in the order they were added (crash, then restart)
  faults.sort((a, b) => a.at - b.at)
  return { faults, at }
}

/** Does the step wait for the room's answer before its action runs? */
export function stepAsks(step: LessonStep | undefined): boolean {
  return Boolean(step?.question)
}

/** Same faults, field by field (the diagram's copies are not the scenario's objects). */
export function sameFault(a: Fault, b: Fault): boolean {
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
}

export function sameFaults(a: readonly Fault[], b: readonly Fault[]): boolean {
  return a.length === b.length && a.every((f, i) => sameFault(f, b[i] as Fault))
}
