import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useState } from 'react'
import { Canvas } from '../canvas/Canvas'
import type { Comparison, Scenario } from '../model/scenario'
import type { EditorStore } from '../store/editorStore'
import { EditorContext } from '../store/react/editorContext'
import { RunnerContext } from '../store/react/runContext'
import type { Runner } from '../store/run/types'
import { CompareControls } from '../ui/compare/CompareControls'
import { CompareMetrics } from '../ui/compare/CompareMetrics'
import { shortNames } from '../ui/compare/shortNames'
import { ProblemBanner } from '../ui/ProblemBanner'
import { driveRuns } from './useLiveRun'
import { useTheme } from './useTheme'
import '../ui/compare/compare.css'

export interface CompareVariant {
  scenario: Scenario
  store: EditorStore
}

const noop = () => {}

/**
 * The compare view (`?view=compare&c=<comparison id>`): variants of one design side by
 * side, read-only, each with its own run, driven by one set of controls so they share one
 * simulated clock, with their numbers and charts set against each other.
 */
export function CompareApp({ comparison, variants, problem }: { comparison: Comparison | null; variants: readonly CompareVariant[]; problem: string | null }) {
  const { theme } = useTheme()
  const runners = useRunners(variants)
  return (
    <div className="app compare">
      <header className="embed-bar">
        <span className="toolbar__logo" aria-hidden="true">
          ⇄
        </span>
        <strong>Wireplay</strong>
        <span>Compare: {comparison?.title ?? 'nothing to compare'}</span>
        <a href={`${location.pathname}`}>Open the editor</a>
      </header>
      {problem && <ProblemBanner title="This comparison could not be opened." message={problem} onDismiss={noop} />}
      {comparison && <p className="compare__summary">{comparison.summary}</p>}
      {runners && runners.length > 0 ? <CompareControls runners={runners} /> : <div className="runbar runbar--loading" aria-hidden="true" />}
      <div className="compare__columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, variants.length)}, minmax(0, 1fr))` }}>
        {variants.map((v, i) => (
          <section key={v.scenario.id} className="compare__column" aria-label={v.scenario.title}>
            <h2>{v.scenario.title}</h2>
            <EditorContext.Provider value={v.store}>
              <RunnerContext.Provider value={runners?.[i] ?? null}>
                <ReactFlowProvider>
                  <Canvas colorMode={theme} initialViewport={undefined} onViewportChange={noop} readOnly />
                </ReactFlowProvider>
              </RunnerContext.Provider>
            </EditorContext.Provider>
          </section>
        ))}
      </div>
      {runners && runners.length > 0 && <CompareMetrics runners={runners} names={shortNames(variants.map((v) => v.scenario.title))} />}
    </div>
  )
}

/** One run per variant (the engine loaded after the first paint), advanced by one frame loop. */
function useRunners(variants: readonly CompareVariant[]): Runner[] | null {
  const [runners, setRunners] = useState<Runner[] | null>(null)
  useEffect(() => {
    let made: Runner[] = []
    let cancelled = false
    void import('../store/run/runner').then(({ createRunner }) => {
      if (cancelled) return
      made = variants.map((v) => createRunner({ editor: v.store, clock: () => performance.now() }))
      setRunners(made)
    })
    return () => {
      cancelled = true
      made.forEach((r) => r.dispose())
    }
  }, [variants])

  useEffect(() => (runners && runners.length > 0 ? driveRuns(runners) : undefined), [runners])
  return runners
}

