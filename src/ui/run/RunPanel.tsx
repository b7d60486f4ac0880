import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { retryingLazy } from '../retryingLazy'
import { useStore } from 'zustand'
import { useRun } from '../../store/react/runContext'
import { LazyPart } from '../LazyPart'
import { type PanelTab, presenterPanel } from '../present/presenterPanel'
import './runPanel.css'

// the tabs' contents load with the run (after the first paint), not in the initial bundle
const MetricsTab = retryingLazy(() => import('./MetricsTab').then((m) => ({ default: m.MetricsTab })))
const EventLogTab = retryingLazy(() => import('./EventLogTab').then((m) => ({ default: m.EventLogTab })))
const TraceTab = retryingLazy(() => import('./TraceTab').then((m) => ({ default: m.TraceTab })))

type Tab = PanelTab
const TABS: { id: Tab; label: string }[] = [
  { id: 'metrics', label: 'Metrics' },
  { id: 'log', label: 'Event log' },
  { id: 'trace', label: 'Trace' },
]
const KEY = 'wireplay.runPanel'

/** Below this window height the panel starts hidden (until opened once): the canvas needs the room. */
const OPEN_FROM_HEIGHT = 900

function readSaved(): { tab: Tab; open: boolean } {
  const fallback = window.innerHeight >= OPEN_FROM_HEIGHT
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { tab?: unknown; open?: unknown } | null
    const tab = TABS.find((t) => t.id === v?.tab)?.id ?? 'metrics'
    return { tab, open: typeof v?.open === 'boolean' ? v.open : fallback }
  } catch {
    return { tab: 'metrics', open: fallback }
  }
}

/**
 * The panel under the canvas that explains a run: live metrics, the event log and a
 * traced request (sequence diagram and state machine). Tabs follow the ARIA tabs pattern
 * (arrow keys, Home, End); the panel can be hidden to give the canvas room (it starts hidden
 * in a short window), and remembers its tab and whether it was open. Only the open tab is
 * drawn and reads the run. In presenter mode it follows the presenter's own open and tab
 * (presenterPanel), in large type, and leaves the editor's saved choice alone.
 */
export function RunPanel() {
  const [editorChoice, setState] = useState(readSaved)
  const presenter = useStore(presenterPanel)
  const presenting = presenter.presenting
  const { tab, open } = presenting ? { tab: presenter.tab ?? editorChoice.tab, open: presenter.open } : editorChoice
  // presenting starts on the editor's tab; the store then holds it, for the audience too
  useEffect(() => {
    if (presenting && presenter.tab === null) presenterPanel.setState({ tab: editorChoice.tab })
  }, [presenting, presenter.tab, editorChoice.tab])
  const ids = useId()
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({})
  const traced = useRun((s) => s.traced)
  useEffect(() => {
    // the panel mounts with the run, after the first paint: fetch every tab now so switching is instant
    void import('./MetricsTab')
    void import('./EventLogTab')
    void import('./TraceTab')
  }, [])

  const update = useCallback((next: { tab: Tab; open: boolean }) => {
    if (presenting) return presenterPanel.setState(next)
    setState(next)
    try {
      localStorage.setItem(KEY, JSON.stringify(next))
    } catch {
      // not remembered; it still applies to this page
    }
  }, [presenting])
  const select = (t: Tab) => update({ tab: t, open: true })

  // a request traced from the canvas (a packet) shows its trace, unless the reader is in
  // the log, where clicking lines traces them one after another
  const lastTraced = useRef(traced)
  useEffect(() => {
    if (traced && traced !== lastTraced.current && tab === 'metrics') update({ tab: 'trace', open })
    lastTraced.current = traced
  }, [traced, tab, open, update])

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab)
    let j: number
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length
    else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length
    else if (e.key === 'Home') j = 0
    else if (e.key === 'End') j = TABS.length - 1
    else return
    e.preventDefault()
    const next = (TABS[j] as (typeof TABS)[number]).id
    select(next)
    tabRefs.current[next]?.focus()
  }

  const panelId = `${ids}-panel`
  return (
    <section className={`run-panel${open ? '' : ' is-collapsed'}`} aria-label="Metrics, log and trace">
      <div className="run-panel__bar">
        <div role="tablist" aria-label="Details" className="run-panel__tabs" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el
              }}
              type="button"
              role="tab"
              id={`${ids}-tab-${t.id}`}
              aria-selected={t.id === tab}
              aria-controls={open && t.id === tab ? panelId : undefined}
              tabIndex={t.id === tab ? 0 : -1}
              className="run-panel__tab"
              onClick={() => select(t.id)}
            >
              {t.label}
              {t.id === 'trace' && traced && <span className="run-panel__dot" aria-label="(a request is traced)" />}
            </button>
          ))}
        </div>
        <button type="button" className="run-panel__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => update({ tab, open: !open })}>
          {open ? 'Hide panel' : 'Show panel'}
        </button>
      </div>
      {open && (
        <div role="tabpanel" id={panelId} aria-labelledby={`${ids}-tab-${tab}`} className="run-panel__body" tabIndex={0}>
          <LazyPart key={tab} name={tab === 'metrics' ? 'Metrics tab' : tab === 'log' ? 'Event log' : 'Trace tab'} fallback={<p className="muted">Loading…</p>}>
            {tab === 'metrics' && <MetricsTab />}
            {tab === 'log' && <EventLogTab onShowTrace={() => select('trace')} />}
            {tab === 'trace' && <TraceTab />}
          </LazyPart>
        </div>
      )}
    </section>
  )
}
