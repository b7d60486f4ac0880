import { useEffect, useMemo, useState } from 'react'
import { useRunner } from '../../store/react/runContext'
import type { Runner, RunState } from '../../store/run/types'

/**
 * A number that changes when the run has moved on, for panels that read the runner on
 * demand (metrics, samples, log, journeys). While the run plays or seeks, at most once per
 * `intervalMs` of wall time (the clock moves every frame; these panels need not); when it
 * is paused, stepped, reset or rebuilt, at once, so the numbers shown are those of the
 * instant on the clock.
 */
export function useRunTick(intervalMs: number): number {
  const runner = useRunner()
  const runners = useMemo(() => [runner], [runner])
  return useRunsTick(runners, intervalMs)
}

/**
 * The same for several runs on one clock (the compare view): at once only when every one
 * of them has stopped, so a fast-forward that ends at different frames for each still
 * shows one instant.
 */
export function useRunsTick(runners: readonly Runner[], intervalMs: number): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = -Infinity
    const bump = () => {
      timer = null
      last = performance.now()
      setTick((t) => t + 1)
    }
    const still = () => runners.every((r) => !r.store.getState().playing && r.store.getState().seeking === null)
    const onChange = (s: RunState, prev: RunState) => {
      if (s.time === prev.time && s.revision === prev.revision && s.playing === prev.playing && s.seeking === prev.seeking) return
      if (still()) {
        if (timer !== null) clearTimeout(timer)
        bump()
        return
      }
      if (timer !== null) return
      timer = setTimeout(bump, Math.max(0, intervalMs - (performance.now() - last)))
    }
    const unsubscribe = runners.map((r) => r.store.subscribe(onChange))
    return () => {
      unsubscribe.forEach((u) => u())
      if (timer !== null) clearTimeout(timer)
    }
  }, [runners, intervalMs])
  return tick
}

/** The single selected node or link of the editor, or null. */
export function singleSelected(selection: { nodes: readonly string[]; links: readonly string[] }): string | null {
  const n = selection.nodes.length + selection.links.length
  if (n !== 1) return null
  return (selection.nodes[0] ?? selection.links[0]) as string
}
