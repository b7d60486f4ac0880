import { useEffect, useState } from 'react'
import type uPlot from 'uplot'

export type UPlotCtor = typeof uPlot

let loading: Promise<UPlotCtor> | null = null

/** uPlot and its stylesheet, loaded on first use so the initial bundle does not carry them. */
export function loadUPlot(): Promise<UPlotCtor> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default)
  return loading
}

/** uPlot once loaded (null until then), and whether loading failed. */
export function useUPlot(): { ctor: UPlotCtor | null; failed: boolean } {
  const [state, setState] = useState<{ ctor: UPlotCtor | null; failed: boolean }>({ ctor: null, failed: false })
  useEffect(() => {
    let live = true
    loadUPlot().then(
      (ctor) => live && setState({ ctor, failed: false }),
      () => live && setState({ ctor: null, failed: true }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
