import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Scenario } from '../model/scenario'

/**
 * Which built-in scenario is open, and where its lesson stands. The diagram itself lives
 * in the editor store like any other; this only remembers what it came from, for the
 * scenario panel, the lesson player and links that point at a scenario and a step.
 */
export interface ScenarioState {
  scenario: Scenario | null
  /** the lesson step shown (index into scenario.lesson), or null when no lesson is playing */
  step: number | null
  /** the editor's diagram when the scenario was opened: an edit since makes it "your copy" */
  openedDiagram: unknown
  /** the room's answer (choice index) per lesson step with a question, while the lesson plays */
  answers: Readonly<Record<number, number>>
}

export interface ScenarioActions {
  opened(scenario: Scenario, diagram: unknown, step?: number | null): void
  /** null ends the lesson (and forgets its answers) */
  setStep(step: number | null): void
  answer(step: number, choice: number): void
  close(): void
}

export type ScenarioStore = StoreApi<ScenarioState & ScenarioActions>

export function createScenarioStore(): ScenarioStore {
  return createStore<ScenarioState & ScenarioActions>()((set) => ({
    scenario: null,
    step: null,
    openedDiagram: null,
    answers: {},
    opened: (scenario, diagram, step = null) => set({ scenario, openedDiagram: diagram, step, answers: {} }),
    setStep: (step) => set(step === null ? { step, answers: {} } : { step }),
    answer: (step, choice) => set((s) => ({ answers: { ...s.answers, [step]: choice } })),
    close: () => set({ scenario: null, step: null, openedDiagram: null, answers: {} }),
  }))
}
