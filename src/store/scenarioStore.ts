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
}

export interface ScenarioActions {
  opened(scenario: Scenario, diagram: unknown, step?: number | null): void
  setStep(step: number | null): void
  close(): void
}

export type ScenarioStore = StoreApi<ScenarioState & ScenarioActions>

export function createScenarioStore(): ScenarioStore {
  return createStore<ScenarioState & ScenarioActions>()((set) => ({
    scenario: null,
    step: null,
    openedDiagram: null,
    opened: (scenario, diagram, step = null) => set({ scenario, openedDiagram: diagram, step }),
    setStep: (step) => set({ step }),
    close: () => set({ scenario: null, step: null, openedDiagram: null }),
  }))
}
