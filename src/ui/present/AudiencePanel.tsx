import { retryingLazy } from '../retryingLazy'
import { LazyPart } from '../LazyPart'
import type { PanelTab } from './presenterPanel'
import '../run/runPanel.css'

// the audience loads the tabs only once the presenter opens the panel
const MetricsTab = retryingLazy(() => import('../run/MetricsTab').then((m) => ({ default: m.MetricsTab })))
const EventLogTab = retryingLazy(() => import('../run/EventLogTab').then((m) => ({ default: m.EventLogTab })))
const TraceTab = retryingLazy(() => import('../run/TraceTab').then((m) => ({ default: m.TraceTab })))

const TITLES: Record<PanelTab, string> = { metrics: 'Metrics', log: 'Event log', trace: 'Trace' }
const noop = () => {}

/**
 * The presenter's run panel in the audience window: the tab the presenter shows, read from
 * this window's own replay of the run (same document, instant, selection and traced
 * request give the same numbers and drawings). Nothing to press: no tabs, no toggle.
 */
export function AudiencePanel({ tab }: { tab: PanelTab }) {
  return (
    // inert: the room watches; a click here would trace or filter apart from the presenter
    <section className="run-panel run-panel--audience" aria-label="Metrics, log and trace" inert>
      <div className="run-panel__bar">
        <h2 className="run-panel__title">{TITLES[tab]}</h2>
      </div>
      <div className="run-panel__body">
        <LazyPart key={tab} name={TITLES[tab]} fallback={<p className="muted">Loading…</p>}>
          {tab === 'metrics' && <MetricsTab />}
          {tab === 'log' && <EventLogTab onShowTrace={noop} />}
          {tab === 'trace' && <TraceTab />}
        </LazyPart>
      </div>
    </section>
  )
}
