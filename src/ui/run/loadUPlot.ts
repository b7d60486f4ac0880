import type uPlot from 'uplot'

export type UPlotCtor = typeof uPlot

let loading: Promise<UPlotCtor> | null = null

/** uPlot and its stylesheet, loaded on first use so the initial bundle does not carry them. */
export function loadUPlot(): Promise<UPlotCtor> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default)
  return loading
}
