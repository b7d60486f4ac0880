import { useMemo } from 'react'
import type { Runner } from '../../store/run/types'
import { ChartFigure, type ChartSpec } from '../run/Charts'
import { exactValue, systemFigures } from '../run/figures'
import { useUPlot } from '../run/loadUPlot'
import { alignRows } from './alignRows'
import { seriesOf } from '../run/series'
import { useRunsTick } from '../run/useRunTick'
// the number table and chart styles are the run panel's (loaded with it; the compare view needs them too)
import '../run/runPanel.css'

/** Per-variant colours, distinct on both themes; lines also differ by dash. */
const COLORS = ['#3b6fd9', '#d48a0c', '#0e9f6e', '#7c3aed']
const DASHES: (number[] | undefined)[] = [undefined, [6, 3], [2, 3], [8, 2, 2, 2]]

interface Compared {
  x: number[]
  errors: (number | null)[][]
  p95: (number | null)[][]
}

/**
 * The variants' numbers side by side, and their errors and latency charted against each
 * other, refreshed a few times a second, and at once when every run has stopped (so a
 * fast-forward that ends at different frames for each still shows one instant).
 */
export function CompareMetrics({ runners, names, caption = 'The same load, seed and faults, at this instant' }: { runners: readonly Runner[]; names: readonly string[]; caption?: string }) {
  const tick = useRunsTick(runners, 250)
  const { ctor, failed } = useUPlot()
  // the runners are read on demand; `tick` says when to read them again
  const { tables, data } = useMemo(() => {
    void tick
    const tables = runners.map((r) => systemFigures(r.metrics()))
    const series = runners.map((r) => seriesOf(r.samples(), null))
    const n = Math.min(...series.map((s) => s.x.length))
    const data: Compared = { x: series[0]!.x.slice(0, n), errors: series.map((s) => s.errors.slice(0, n)), p95: series.map((s) => s.p95.slice(0, n)) }
    return { tables, data }
  }, [runners, tick])
  const specs = useMemo(() => chartSpecs(names), [names])
  const rows = useMemo(() => alignRows(tables), [tables])

  return (
    <section className="compare__metrics" aria-label="Compared metrics">
      <table className="run-numbers compare__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {names.map((n, i) => (
              <th key={i} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, cells }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {cells.map((cell, j) => (
                <td key={j} {...exactValue(cell)}>
                  {cell?.text ?? '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="compare__charts">
        {specs.map((spec) => (
          <ChartFigure key={spec.key} ctor={ctor} failed={failed} spec={spec} series={data} />
        ))}
      </div>
    </section>
  )
}

function chartSpecs(names: readonly string[]): ChartSpec<Compared>[] {
  const lines = (pick: (d: Compared, i: number) => (number | null)[]) =>
    names.map((label, i) => ({ label, pick: (d: Compared) => pick(d, i), color: COLORS[i % COLORS.length]!, dash: DASHES[i % DASHES.length] }))
  return [
    { key: 'errors', title: 'Failed operations', unit: 'per second', lines: lines((d, i) => d.errors[i] ?? []) },
    { key: 'p95', title: 'Latency p95', unit: 'ms', lines: lines((d, i) => d.p95[i] ?? []) },
  ]
}

