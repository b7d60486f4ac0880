import { useEffect, useState } from 'react'
import { useRunner } from '../../store/react/runContext'

/**
 * A number that changes when the run has moved on, for panels that read the runner on
 * demand (metrics, samples, log, journeys). While the run plays or seeks, at most once per
 * `intervalMs` of wall time (the clock moves every frame; these panels need not); when it
 * is paused, stepped, reset or rebuilt, at once, so the numbers shown are those of the
 * instant on the clock.
 */
export function useRunTick(intervalMs: number): number {
  const runner = useRunner()
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = -Infinity
    const bump = () => {
      timer = null
      last = performance.now()
      setTick((t) => t + 1)
    }
    const unsubscribe = runner.store.subscribe((s, prev) => {
      if (s.time === prev.time && s.revision === prev.revision && s.playing === prev.playing && s.seeking === prev.seeking) return
      if (!s.playing && s.seeking === null) {
        if (timer !== null) clearTimeout(timer)
        bump()
        return
      }
      if (timer !== null) return
      timer = setTimeout(bump, Math.max(0, intervalMs - (performance.now() - last)))
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [runner, intervalMs])
  return tick
}

/** The single selected node or link of the editor, or null. */
export function singleSelected(selection: { nodes: readonly string[]; links: readonly string[] }): string | null {
  const n = selection.nodes.length + selection.links.length
  if (n !== 1) return null
  return (selection.nodes[0] ?? selection.links[0]) as string
}
