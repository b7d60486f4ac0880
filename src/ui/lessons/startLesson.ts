import type { ScenarioStore } from '../../store/scenarioStore'

/**
 * Start the open scenario's lesson (at its first step, or `step`); false when the open
 * scenario has none. The lesson player, mounted in the editor, applies the step to the
 * diagram and the run. For the scenario panel's "Start lesson" button.
 */
export function startLesson(store: ScenarioStore, step = 0): boolean {
  const { scenario } = store.getState()
  const n = scenario?.lesson?.length ?? 0
  if (n === 0) return false
  store.getState().setStep(Math.min(Math.max(0, step), n - 1))
  return true
}

/** Move by `delta` steps within the lesson; false at either end or when no lesson plays. */
export function moveLesson(store: ScenarioStore, delta: number): boolean {
  const { scenario, step } = store.getState()
  const n = scenario?.lesson?.length ?? 0
  if (step === null || n === 0) return false
  const next = step + delta
  if (next < 0 || next >= n) return false
  store.getState().setStep(next)
  return true
}
