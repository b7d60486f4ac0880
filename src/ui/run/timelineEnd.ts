import type { Fault } from '../../model/faults'

/**
 * Where the timeline slider ends, in simulated ms: the furthest instant reached, or a little
 * past the last fault on the timeline, so what a scheduled fault does (a poison's retries,
 * a backlog draining) can be scrubbed to; at least a second, in whole seconds. Pure.
 */
export function timelineEnd(horizon: number, time: number, faults: readonly Fault[]): number {
  let last = -1
  for (const f of faults) if (f.at > last) last = f.at
  const pastFaults = last < 0 ? 0 : last + Math.max(5_000, last / 4)
  return Math.ceil(Math.max(horizon, time, pastFaults, 1_000) / 1_000) * 1_000
}
