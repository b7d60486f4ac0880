import { useMemo, useState } from 'react'
import { useDiagramStructure, useEditor } from '../../store/react/editorContext'
import { useRunner } from '../../store/react/runContext'
import { Charts } from './Charts'
import { exactValue, partFigures, systemFigures, type FigureTable } from './figures'
import { formatSimTime } from './formatTime'
import { createSeriesCache, type ChartSeries } from './series'
import { singleSelected, useRunTick } from './useRunTick'

/** Panel refreshes while the run plays: at most 4 a second. */
export const METRICS_REFRESH_MS = 250

/**
 * Live charts of the run and its key numbers (from the engine's metrics at the instant on
 * the clock), for the whole system and the selected node or link.
 */
export function MetricsTab() {
  const runner = useRunner()
  const tick = useRunTick(METRICS_REFRESH_MS)
  const diagram = useDiagramStructure()
  const selected = singleSelected(useEditor((s) => s.selection))
  const part = selected !== null && (diagram.nodes.some((n) => n.id === selected) || diagram.links.some((l) => l.id === selected)) ? selected : null
  const [cache] = useState(createSeriesCache)

  // read the runner once per tick (not per render); the chart arrays are appended to in place,
  // so the wrapper is new each time to tell the charts to setData
  const view = useMemo(() => {
    void tick
    const m = runner.metrics()
    const series: ChartSeries = { ...cache(runner.samples(), part).series }
    return { time: m.time, series, system: systemFigures(m), part: part === null ? null : partFigures(m, diagram, part) }
  }, [runner, cache, tick, part, diagram])
  const scope = part === null ? 'whole system' : (view.part?.caption ?? part)

  return (
    <div className="run-metrics">
      <div className="run-metrics__charts">
        <p className="run-metrics__scope muted">
          Charts: <strong>{scope}</strong>
          {part === null ? ' (select a node or link to chart it)' : ' (selected)'} · one point per simulated second
        </p>
        <Charts series={view.series} scope={scope} />
      </div>
      <div className="run-metrics__numbers" aria-label={`Numbers at ${formatSimTime(view.time)}`} role="group">
        <p className="muted run-metrics__at">
          At <span data-value={view.time}>{formatSimTime(view.time)}</span>; counts and percentiles cover the run from 0 s
        </p>
        <NumberTable table={view.system} />
        {view.part && <NumberTable table={view.part} />}
      </div>
    </div>
  )
}

function NumberTable({ table }: { table: FigureTable }) {
  return (
    <table className="run-numbers">
      <caption>{table.caption}</caption>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td {...exactValue(r)}>
              {r.text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
