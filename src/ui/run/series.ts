import type { Sample, SampleFigures } from '../../store/run/types'

/**
 * Chart series from the run's samples (one per simulated second, cumulative counts):
 * rates are differences of counts between consecutive samples divided by the interval.
 * Pure. Arrays are uPlot's aligned columns: x in simulated seconds; a part missing from a
 * sample (it did not exist then) is a gap (null).
 */
export interface ChartSeries {
  /** simulated seconds */
  x: number[]
  /** operations (or requests, messages, calls) per second over the interval ending at x */
  throughput: (number | null)[]
  /** failures per second over the interval ending at x */
  errors: (number | null)[]
  /** latency percentiles, ms */
  p50: (number | null)[]
  p95: (number | null)[]
  p99: (number | null)[]
  /** queue depth at x */
  depth: (number | null)[]
}

export function emptySeries(): ChartSeries {
  return { x: [], throughput: [], errors: [], p50: [], p95: [], p99: [], depth: [] }
}

/** The figures of `part` (a node or link id), or of the whole system when null. */
export function figuresOf(s: Sample, part: string | null): SampleFigures | undefined {
  return part === null ? s.system : s.parts[part]
}

/** Append point i of `samples` to `out` (i − 1 is the previous sample; before the first, 0 at 0 ms). */
function appendPoint(out: ChartSeries, samples: readonly Sample[], i: number, part: string | null) {
  const s = samples[i] as Sample
  const prev = i > 0 ? (samples[i - 1] as Sample) : null
  const f = figuresOf(s, part)
  const pf = prev ? figuresOf(prev, part) : undefined
  out.x.push(s.at / 1000)
  if (!f) {
    out.throughput.push(null)
    out.errors.push(null)
    out.p50.push(null)
    out.p95.push(null)
    out.p99.push(null)
    out.depth.push(null)
    return
  }
  const seconds = (s.at - (prev?.at ?? 0)) / 1000
  out.throughput.push(seconds > 0 ? (f.count - (pf?.count ?? 0)) / seconds : 0)
  out.errors.push(seconds > 0 ? (f.errors - (pf?.errors ?? 0)) / seconds : 0)
  out.p50.push(f.p50)
  out.p95.push(f.p95)
  out.p99.push(f.p99)
  out.depth.push(f.depth)
}

/** Every point of the samples, for one part or the system. */
export function seriesOf(samples: readonly Sample[], part: string | null): ChartSeries {
  const out = emptySeries()
  for (let i = 0; i < samples.length; i++) appendPoint(out, samples, i, part)
  return out
}

/**
 * Keeps the series of one part up to date as samples arrive, appending only the new ones
 * (the run's sample list only grows, except after a reset or a seek back, which starts
 * it again). Returns the same arrays, extended, or new ones after a restart.
 */
export function createSeriesCache() {
  let series = emptySeries()
  let first: Sample | undefined
  let part: string | null = null
  let length = 0
  return (samples: readonly Sample[], forPart: string | null): { series: ChartSeries; changed: boolean } => {
    const restart = forPart !== part || samples[0] !== first || samples.length < length || (length > 0 && samples[length - 1]?.at !== series.x[length - 1]! * 1000)
    if (restart) {
      series = seriesOf(samples, forPart)
      part = forPart
      first = samples[0]
      length = samples.length
      return { series, changed: true }
    }
    if (samples.length === length) return { series, changed: false }
    for (let i = length; i < samples.length; i++) appendPoint(series, samples, i, part)
    length = samples.length
    return { series, changed: true }
  }
}

/* ---- axes and readouts of the charts (pure, so the numbers can be tested) ---- */

/** How a chart's values read: milliseconds, a rate per second, or a plain count. */
export type ValueKind = 'ms' | 'rate' | 'count'

/** The kind of a chart's values, from the unit its title gives ('ms', 'operations/s', 'per second', 'waiting'). */
export function valueKind(unit: string): ValueKind {
  if (unit === 'ms') return 'ms'
  if (unit.endsWith('/s') || unit === 'per second') return 'rate'
  return 'count'
}

/** Drops the float noise of products like 3 × 0.1. */
const tidy = (v: number) => Number(v.toPrecision(12))

/**
 * A round top for a y-axis that starts at 0 and has to show `max`: 1, 2, 4, 6, 8 or 10 times
 * a power of ten, at or above max (so its half, the middle tick, is round too). 1 when there
 * is nothing to show yet.
 */
export function niceTop(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 4, 6, 8, 10]) {
    const top = tidy(m * power)
    if (top >= max) return top
  }
  return tidy(10 * power)
}

/** The y ticks of a chart from 0 to `top`: the bottom, the middle and the top. */
export function yTicks(top: number): number[] {
  return [0, tidy(top / 2), top]
}

const number = (v: number, digits: number) => v.toLocaleString('en-US', { maximumFractionDigits: digits })

/** A y tick label with its unit: '0', '500 ms', '1.5 s', '20 /s', '8'. */
export function formatTick(v: number, kind: ValueKind): string {
  if (v === 0) return '0'
  if (kind === 'ms') return v >= 1000 ? `${number(v / 1000, 2)} s` : `${number(v, 2)} ms`
  return kind === 'rate' ? `${number(v, 2)} /s` : number(v, 2)
}

/** The unit of a chart's time axis, and of its readout's time, so the two always agree. */
export type TimeUnit = 's' | 'min'

/**
 * The time unit of a chart whose points end at `lastX` simulated seconds: minutes from
 * 2 min on, so a long run ticks '5 min', '10 min' rather than '300 s', '600 s'; seconds
 * before. Decided for the whole axis, never tick by tick, so labels do not mix units.
 */
export function timeUnitFor(lastX: number | undefined): TimeUnit {
  return (lastX ?? 0) >= 120 ? 'min' : 's'
}

/** Steps between x ticks, seconds: round in seconds, then in minutes, then in hours. */
export const X_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 18000, 36000, 86400]
/** The steps of an axis in minutes: whole minutes only, so every tick is a whole number of them. */
const MINUTE_STEPS = X_STEPS.filter((step) => step % 60 === 0)

/** The x tick steps uPlot may choose from for an axis in `unit`. */
export function xSteps(unit: TimeUnit): number[] {
  return unit === 'min' ? MINUTE_STEPS : X_STEPS
}

/** An x tick label, from simulated seconds, in the axis's unit: '20 s', '10 min'. */
export function formatTickTime(s: number, unit: TimeUnit): string {
  return unit === 'min' ? `${number(s / 60, 1)} min` : `${number(s, 1)} s`
}

/** The readout's time, from simulated seconds, in the axis's unit: '37 s'; '3 min', '2 min 37 s' (samples fall on whole seconds). */
export function formatPointTime(s: number, unit: TimeUnit): string {
  if (unit === 's') return `${number(s, 1)} s`
  const minutes = Math.floor(s / 60)
  const rest = tidy(s - minutes * 60)
  return rest === 0 ? `${number(minutes, 0)} min` : `${number(minutes, 0)} min ${number(rest, 1)} s`
}

/** One value as the readout shows it: whole ms, rates and counts to one decimal; '–' when there is none. */
export function formatValue(v: number | null | undefined, kind: ValueKind): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return number(v, kind === 'ms' || Math.abs(v) >= 100 ? 0 : 1)
}

/**
 * The chart's values at one point (the hovered one, or the latest), in a short line: '37 s:
 * 4 /s', '37 s: p50 21 · p95 1,761 · p99 2,003 ms', '60 s: 12 waiting', and on an axis in
 * minutes '12 min 5 s: 4 /s'. Empty when there is no point.
 */
export function readout(
  x: number | undefined,
  lines: readonly { label: string; value: number | null | undefined }[],
  kind: ValueKind,
  unit: string,
  timeUnit: TimeUnit = 's',
): string {
  if (x === undefined) return ''
  const suffix = kind === 'ms' ? ' ms' : kind === 'rate' ? ' /s' : unit ? ` ${unit}` : ''
  const values = lines.length === 1 ? formatValue(lines[0]!.value, kind) : lines.map((l) => `${l.label} ${formatValue(l.value, kind)}`).join(' · ')
  return `${formatPointTime(x, timeUnit)}: ${values}${suffix}`
}
