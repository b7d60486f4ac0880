import { useCallback, useMemo, useState } from 'react'
import { formatProblems, parseDocument } from '../share/document'
import type { EditorStore } from '../store/editorStore'
import { createScenarioStore } from '../store/scenarioStore'
import type { ScenarioLibrary, Teaching } from '../ui/teachContext'

/** One load of the library per page, shared by every caller. */
let loading: Promise<ScenarioLibrary> | null = null
export function loadLibrary(): Promise<ScenarioLibrary> {
  loading ??= import('../scenarios/library').then((m) => ({ scenarios: m.SCENARIOS, comparisons: m.COMPARISONS }))
  return loading
}

/**
 * The built-in scenarios for the teaching panels, and opening one: its document goes
 * through the same parser as a file and replaces the diagram as one undoable step.
 */
export function useTeachingValue(store: EditorStore, fitView: () => unknown): Teaching {
  const [scenarioStore] = useState(createScenarioStore)
  const open = useCallback(
    async (id: string, step: number | null = null) => {
      const { scenarios } = await loadLibrary()
      const scenario = scenarios.find((s) => s.id === id)
      if (!scenario) {
        store.getState().notify(`There is no built-in scenario “${id}”.`, 'error')
        return false
      }
      // the scenario's name is the diagram's title: the toolbar, the tab and an export say it
      const parsed = parseDocument({ ...scenario.document, title: scenario.title })
      if (!parsed.ok) {
        // the library is checked by unit tests: this is a build bug, said rather than thrown
        store.getState().notify(`The scenario “${scenario.title}” could not be opened: ${formatProblems(parsed.error)}`, 'error')
        return false
      }
      store.getState().replaceDiagram(parsed.value, `Opened the scenario “${scenario.title}”. Undo brings back the diagram you had.`)
      scenarioStore.getState().opened(scenario, store.getState().history.present, step)
      requestAnimationFrame(() => void fitView())
      return true
    },
    [store, scenarioStore, fitView],
  )
  return useMemo(() => ({ library: loadLibrary, store: scenarioStore, open }), [scenarioStore, open])
}
