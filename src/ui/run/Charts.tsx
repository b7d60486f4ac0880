import { useEffect, useRef, useState } from 'react'
import type uPlot from 'uplot'
import { useUPlot, type UPlotCtor } from './loadUPlot'
import { formatTick, formatTickTime, niceTop, readout, timeUnitFor, valueKind, xSteps, yTicks, type ChartSeries } from './series'

/** One chart: its lines are columns picked from a series object (x is the first column). */
export interface ChartSpec<S extends { x: number[] } = ChartSeries> {
  key: string
  title: string
  unit: string
  lines: { label: string; pick: (s: S) => (number | null)[]; color: string; dash?: number[] }[]
}

/** Colours readable on both themes; the latency lines differ by dash as well as colour. */
const CHARTS: ChartSpec[] = [
  { key: 'throughput', title: 'Throughput', unit: 'operations/s', lines: [{ label: 'per second', pick: (s) => s.throughput, color: '#3b6fd9' }] },
  {
    key: 'latency',
    title: 'Latency',
    unit: 'ms',
    lines: [
      { label: 'p50', pick: (s) => s.p50, color: '#0e9f6e' },
      { label: 'p95', pick: (s) => s.p95, color: '#d48a0c', dash: [6, 3] },
      { label: 'p99', pick: (s) => s.p99, color: '#c2362b', dash: [2, 3] },
    ],
  },
  { key: 'errors', title: 'Errors', unit: 'per second', lines: [{ label: 'per second', pick: (s) => s.errors, color: '#c2362b' }] },
  { key: 'depth', title: 'Queue depth', unit: 'waiting', lines: [{ label: 'waiting', pick: (s) => s.depth, color: '#7c3aed' }] },
]

/** The plot's height (canvas and axes); the readout line sits below it. */
const HEIGHT = 72
/** The readout line's height (as in runPanel.css), kept by the placeholder too. */
const READOUT_HEIGHT = 14
const FONT = '11px system-ui, sans-serif'
/** Room at the right for half of the last x label ('60 s', '10 min'), which is centred on its tick. */
const RIGHT_PAD = 18

let measurer: CanvasRenderingContext2D | null | undefined
/** The width of the widest axis label, px (a rough guess where there is no canvas). */
function labelWidth(labels: readonly string[]): number {
  measurer ??= document.createElement('canvas').getContext('2d')
  if (measurer) measurer.font = FONT
  return Math.max(0, ...labels.map((t) => (measurer ? measurer.measureText(t).width : t.length * 6.5)))
}

/** The plot's last x, simulated seconds: what its time unit is decided on. */
const lastX = (u: uPlot): number | undefined => (u.data[0] as readonly number[] | undefined)?.at(-1)

function dataOf<S extends { x: number[] }>(spec: ChartSpec<S>, s: S): uPlot.AlignedData {
  return [s.x, ...spec.lines.map((l) => l.pick(s))] as uPlot.AlignedData
}

function themeColors(el: HTMLElement) {
  const css = getComputedStyle(el)
  return { text: css.getPropertyValue('--muted').trim() || '#5b6675', grid: css.getPropertyValue('--border').trim() || '#d7dce3' }
}

/**
 * The four live charts (uPlot on canvas). Plots are created once (and again only when the
 * theme or the width changes); new samples go in with setData.
 */
export function Charts({ series, scope }: { series: ChartSeries; scope: string }) {
  const { ctor, failed } = useUPlot()
  return (
    <div className="run-charts" aria-label={`Charts: ${scope}`} role="group">
      {CHARTS.map((spec) => (
        <ChartFigure key={spec.key} ctor={ctor} failed={failed} spec={spec} series={series} />
      ))}
    </div>
  )
}

/** A chart with its title, unit and (for several lines) a key; a placeholder until uPlot has loaded. */
export function ChartFigure<S extends { x: number[] }>({ ctor, failed, spec, series }: { ctor: UPlotCtor | null; failed: boolean; spec: ChartSpec<S>; series: S }) {
  return (
    <figure className="run-chart">
      <figcaption>
        <span className="run-chart__title">{spec.title}</span> <span className="muted">({spec.unit})</span>
        {spec.lines.length > 1 && (
          <span className="run-chart__key" aria-hidden="true">
            {spec.lines.map((l) => (
              <span key={l.label}>
                <svg width="18" height="6">
                  <line x1="0" y1="3" x2="18" y2="3" stroke={l.color} strokeWidth="2" strokeDasharray={l.dash?.join(' ')} />
                </svg>
                {l.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      {failed ? <p className="muted">Charts could not be loaded.</p> : ctor ? <Plot ctor={ctor} spec={spec} series={series} /> : <div className="run-chart__plot" style={{ height: HEIGHT + READOUT_HEIGHT }} />}
    </figure>
  )
}

/**
 * One uPlot chart, created once per width and theme; new data goes in with setData. The y
 * axis runs from 0 to a round top, labelled at 0, half and top with the unit; below the
 * plot, a line reads out the values under the cursor (the latest ones when it is away).
 */
export function Plot<S extends { x: number[] }>({ ctor, spec, series }: { ctor: UPlotCtor; spec: ChartSpec<S>; series: S }) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const latest = useRef(series)
  // effects run in order: the creation below sees the current series
  useEffect(() => {
    latest.current = series
  }, [series])
  const [width, setWidth] = useState(0)
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? '')
  /** the point under the cursor, null when the cursor is away */
  const [hover, setHover] = useState<number | null>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)))
    ro.observe(el)
    const mo = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? ''))
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => {
      ro.disconnect()
      mo.disconnect()
    }
  }, [])

  // (re)create on width or theme changes only; data goes in through setData below
  useEffect(() => {
    const el = box.current
    if (!el || width <= 0) return
    const c = themeColors(el)
    const kind = valueKind(spec.unit)
    const axis: uPlot.Axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1, size: 3 }, font: FONT, gap: 2 }
    const p = new ctor(
      {
        width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: true, points: { show: false }, drag: { x: false, y: false } },
        // top: room for the top label, centred on the top tick; right: for the last x label
        padding: [8, RIGHT_PAD, 0, 0],
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, niceTop(max)] } },
        axes: [
          // the unit follows the data (a run grows past 2 min while the plot stays), as the readout's does
          {
            ...axis,
            size: 20,
            space: 44,
            incrs: (u) => xSteps(timeUnitFor(lastX(u))),
            values: (u, ticks) => ticks.map((t) => formatTickTime(t, timeUnitFor(lastX(u)))),
          },
          {
            ...axis,
            splits: (_u, _i, _min, max) => yTicks(max),
            values: (_u, ticks) => ticks.map((t) => formatTick(t, kind)),
            size: (_u, values) => Math.ceil(labelWidth(values ?? [])) + 3 + 2 + 4,
          },
        ],
        series: [{}, ...spec.lines.map((l) => ({ label: l.label, stroke: l.color, width: 1.5, dash: l.dash, points: { show: false }, spanGaps: false }))],
        hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)] },
      },
      dataOf(spec, latest.current),
      el,
    )
    plot.current = p
    return () => {
      p.destroy()
      plot.current = null
      setHover(null)
    }
  }, [ctor, spec, width, theme])

  useEffect(() => {
    plot.current?.setData(dataOf(spec, series))
  }, [spec, series])

  const n = series.x.length
  const at = hover !== null && hover < n ? hover : n - 1
  const text = readout(
    series.x[at],
    spec.lines.map((l) => ({ label: l.label, value: l.pick(series)[at] })),
    valueKind(spec.unit),
    spec.unit,
    timeUnitFor(series.x.at(-1)),
  )
  return (
    <>
      <div ref={box} className="run-chart__plot" style={{ height: HEIGHT }} />
      <p className="run-chart__readout" title={text || undefined}>
        {text || '\u00a0'}
      </p>
    </>
  )
}
