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
