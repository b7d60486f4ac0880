import { createContext, useContext } from 'react'
import type { Comparison, Scenario } from '../model/scenario'
import type { ScenarioStore } from '../store/scenarioStore'

/**
 * What the teaching panels get from the app: the built-in library (the ui layer may not
 * import scenarios/ itself; it is loaded lazily) and the one way to open a scenario, which parses its document
 * like any file and replaces the diagram as one undoable step.
 */
export interface ScenarioLibrary {
  scenarios: readonly Scenario[]
  comparisons: readonly Comparison[]
}

export interface Teaching {
  /** the built-in library, loaded on first use (it is not needed to draw or edit) */
  library(): Promise<ScenarioLibrary>
  store: ScenarioStore
  /** open a scenario (and optionally a lesson step); false if the user cancelled */
  open(id: string, step?: number | null): Promise<boolean>
}

export const TeachingContext = createContext<Teaching | null>(null)

export function useTeaching(): Teaching {
  const t = useContext(TeachingContext)
  if (!t) throw new Error('useTeaching needs a TeachingContext provider')
  return t
}
