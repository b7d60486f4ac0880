import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Runner, RunActions, RunState, RunStore } from '../run/types'

/**
 * The live run, created by the app next to the editor store. It is null until the engine
 * has loaded (just after the first paint): components that are drawn before that use
 * `useRunMaybe`; run panels are only mounted once it is there and use `useRun`.
 */
export const RunnerContext = createContext<Runner | null>(null)

export function useRunner(): Runner {
  const runner = useContext(RunnerContext)
  if (!runner) throw new Error('useRunner needs a RunnerContext provider with a runner')
  return runner
}

export function useRunnerMaybe(): Runner | null {
  return useContext(RunnerContext)
}

/** Subscribe to one slice of the run; re-renders only when that slice changes (time changes every frame while playing). */
export function useRun<T>(selector: (s: RunState & RunActions) => T): T {
  return useStore(useRunner().store, selector)
}

// stands in for the run before the engine has loaded, so hooks are called the same way
const NO_RUN = createStore(() => null) as unknown as RunStore

/** Like useRun, or `fallback` while there is no run yet. */
export function useRunMaybe<T>(selector: (s: RunState & RunActions) => T, fallback: T): T {
  const runner = useContext(RunnerContext)
  return useStore(runner ? runner.store : NO_RUN, runner ? selector : () => fallback)
}
