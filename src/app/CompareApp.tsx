import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useMemo, useState } from 'react'
import { Canvas } from '../canvas/Canvas'
import type { EditorStore } from '../store/editorStore'
import { EditorContext } from '../store/react/editorContext'
import { RunnerContext } from '../store/react/runContext'
import type { Runner } from '../store/run/types'
import { createCommonZoom } from '../ui/compare/commonZoom'
import { CommonZoomMember } from '../ui/compare/CommonZoomMember'
import { CompareControls } from '../ui/compare/CompareControls'
import { CompareMetrics } from '../ui/compare/CompareMetrics'
import { ProblemBanner } from '../ui/ProblemBanner'
import { driveRuns } from './useLiveRun'
import { useTheme } from './useTheme'
import '../ui/compare/compare.css'

export interface CompareVariant {
  /** stable among the variants (a scenario id, a side) */
  key: string
  /** the column's heading */
  title: string
  /** the metrics table's column heading: the title, or the part of it that differs */
  shortName: string
  store: EditorStore
  /** the editor's address with this variant's diagram (or scenario) in it, to go on editing it */
  editorUrl: string
}

const noop = () => {}

/** What is being compared, above the columns. */
export interface CompareSubject {
  title: string
  summary: string | null
  /** what the variants have in common, said above their numbers */
  caption: string
  /** a comparison of the user's own designs: its address is worth copying for a class */
  shareable: boolean
}

/** Why (part of) the comparison could not be opened, and whether any variant still was. */
export interface CompareProblem {
  message: string
  partial: boolean
}

/**
 * The compare view: variants side by side, read-only, each with its own run, driven by one
 * set of controls so they share one simulated clock, with their numbers and charts set
 * against each other. The variants are a built-in comparison's scenarios
 * (`?view=compare&c=<id>`) or two designs of the user's own, held by the link itself
 * (`?view=compare#a=w1.…&b=w1.…`, share/compareLink.ts). They are drawn at one zoom
 * (ui/compare/commonZoom.ts), so that their sizes compare.
 */
export function CompareApp({ subject, variants, problem }: { subject: CompareSubject | null; variants: readonly CompareVariant[]; problem: CompareProblem | null }) {
  const { theme } = useTheme()
  const runners = useRunners(variants)
  const [problemShown, setProblemShown] = useState(problem !== null)
  const names = useMemo(() => variants.map((v) => v.shortName), [variants])
  const stores = useMemo(() => variants.map((v) => v.store), [variants])
  // one zoom for every column, so the designs' sizes can be compared
  const zoom = useMemo(() => createCommonZoom(variants.length), [variants])
  // the tab says which comparison: a class may have several open
  useEffect(() => {
    if (subject) document.title = `Compare: ${subject.title} — Wireplay`
  }, [subject])
  return (
    <div className="app compare">
      <header className="embed-bar">
        <span className="toolbar__logo" aria-hidden="true">
          ⇄
        </span>
        <strong>Wireplay</strong>
        <span className="compare__title">Compare: {subject?.title ?? 'nothing to compare'}</span>
        {subject?.shareable && <CopyAddress />}
        <a href={`${location.pathname}`}>Open the editor</a>
      </header>
      {problem && problemShown && (
        <ProblemBanner
          title={problem.partial ? 'Part of this comparison could not be opened.' : 'This comparison could not be opened.'}
          message={problem.message}
          after={problem.partial ? 'The rest is shown below.' : ''}
          onDismiss={() => setProblemShown(false)}
        />
      )}
      {subject?.summary && <p className="compare__summary">{subject.summary}</p>}
      {runners && runners.length > 0 ? <CompareControls runners={runners} stores={stores} names={names} /> : <div className="runbar runbar--loading" aria-hidden="true" />}
      <div className="compare__columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, variants.length)}, minmax(0, 1fr))` }}>
        {variants.map((v, i) => (
          <section key={v.key} className="compare__column" aria-label={v.title}>
            <div className="compare__heading">
              <h2 title={v.title}>{v.title}</h2>
              {/* a new tab: the comparison stays, and the editor asks before replacing saved work */}
              <a href={v.editorUrl} target="_blank" rel="noopener" aria-label={`Open “${v.title}” in the editor`}>
                Open in the editor ↗
              </a>
            </div>
            <EditorContext.Provider value={v.store}>
              <RunnerContext.Provider value={runners?.[i] ?? null}>
                <ReactFlowProvider>
                  <CommonZoomMember zoom={zoom} id={v.key}>
                    <Canvas colorMode={theme} initialViewport={undefined} onViewportChange={noop} readOnly />
                  </CommonZoomMember>
                </ReactFlowProvider>
              </RunnerContext.Provider>
            </EditorContext.Provider>
          </section>
        ))}
      </div>
      {runners && runners.length > 0 && <CompareMetrics runners={runners} names={names} caption={subject?.caption} />}
    </div>
  )
}

/** Copies the page's address (which holds both designs), for a teacher to send on. */
function CopyAddress() {
  const [said, setSaid] = useState<string | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href)
      setSaid('Copied.')
    } catch {
      setSaid('Copying was not allowed: copy the address bar instead.')
    }
  }
  return (
    <span className="compare__copy">
      <button type="button" onClick={() => void copy()} title="This address holds both designs: anyone who opens it sees this comparison">
        Copy link
      </button>
      <span role="status" className="muted">
        {said}
      </span>
    </span>
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

