import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Runner, RunActions, RunState } from '../run/types'

/** The live run, created once by the app next to the editor store; tests can make their own. */
export const RunnerContext = createContext<Runner | null>(null)

export function useRunner(): Runner {
  const runner = useContext(RunnerContext)
  if (!runner) throw new Error('useRunner needs a RunnerContext provider')
  return runner
}

/** Subscribe to one slice of the run; re-renders only when that slice changes (time changes every frame while playing). */
export function useRun<T>(selector: (s: RunState & RunActions) => T): T {
  return useStore(useRunner().store, selector)
}
