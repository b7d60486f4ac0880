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

  useEffect(() => {
    if (!runners || runners.length === 0) return
    let frame = 0
    let last = 0
    // every run gets the same wall time each frame, so their clocks stay together
    const loop = (now: number) => {
      const dt = last === 0 ? 0 : now - last
      last = now
      for (const r of runners) r.store.getState().tick(dt)
      frame = requestAnimationFrame(loop)
    }
    const active = () => runners.some((r) => r.store.getState().playing || r.store.getState().seeking !== null)
    const sync = () => {
      if (active() && frame === 0) {
        last = 0
        frame = requestAnimationFrame(loop)
      } else if (!active() && frame !== 0) {
        cancelAnimationFrame(frame)
        frame = 0
      }
    }
    sync()
    const unsubscribe = runners.map((r) => r.store.subscribe(sync))
    return () => {
      unsubscribe.forEach((u) => u())
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [runners])
  return runners
}

