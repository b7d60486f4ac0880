import type { StoreApi } from 'zustand/vanilla'
import type { Fault } from '../../model/faults'
import type { FailureName, Hop, SimMetrics, SimSnapshot } from '../../sim/types'

/**
 * The live run of the diagram in the editor: one simulation driven by the wall clock
 * (or by Step, Fast-forward and the timeline). Everything shown while a run plays comes
 * from here; nothing is animated that the engine did not do. Times are simulated ms.
 */
export interface RunState {
  /** playing advances the clock every frame; paused holds it */
  playing: boolean
  /** the instant shown, simulated ms */
  time: number
  /** the furthest instant reached since the last reset: the timeline's end */
  horizon: number
  /** simulated ms per wall ms, from 0.1 to 20 */
  speed: number
  seed: number
  /** a fast-forward or a replay towards `target` is under way (spread over frames) */
  seeking: { target: number; from: number } | null
  /** nothing is left to happen (no clients, or every event processed) */
  finished: boolean
  /** the state of every node at `time`; refreshed once a frame while anything changes */
  snapshot: SimSnapshot
  /** bumps whenever the simulation is rebuilt (reset, seek back, seed or diagram change) */
  revision: number
  /** the fault timeline being replayed (the diagram's own, in time order) */
  faults: readonly Fault[]
  /** why the last rebuild happened, in words, for a notice ("The diagram changed: …") */
  lastReset: string | null
  /** the request being traced (its journey highlighted and drawn as a sequence), if any */
  traced: TracedRequest | null
  /** the clock last moved by Step: packets are drawn at their simulated times, not
   * stretched to be seen (packetTravel.ts), since Step is for seeing exactly where each is */
  stepped: boolean
}

/** A client operation (correlationId ≠ 0) or a single request without one. */
export interface TracedRequest {
  correlationId: number
  requestId: number
}

/** A hop being drawn: on its link between depart and arrive. */
export type Packet = Hop

/** One line of the event log, in plain words. */
export interface LogEntry {
  /** increasing, unique within a run (for React keys) */
  seq: number
  at: number
  text: string
  /** ids of the nodes it concerns (for the node filter) */
  nodes: readonly string[]
  /** the link it happened on, if any */
  link: string | null
  pattern: 'sync' | 'async' | 'message' | 'event' | 'node' | 'fault'
  /** 'retry': a sync call's next attempt or a message's redelivery, the caller or broker
   * doing its job after a failure, which is not itself an error */
  outcome: 'ok' | 'error' | 'info' | 'retry'
  /** an error line's reason (an error answer, a nack, a caller that stopped waiting) */
  reason?: FailureName
  /** the request it belongs to and its client operation (0 when none): for tracing */
  requestId: number
  correlationId: number
}

/** A timeout or a dead letter: something the canvas marks for a moment where it happened. */
export interface Alarm {
  /** increasing within a run: what is new since the last frame */
  seq: number
  kind: 'timeout' | 'deadLetter'
  /** the link it happened on (the call's link; the consumer's link for an ack timeout, and
   * for a dead letter if known) */
  link: string | null
  /** the broker holding a dead letter */
  node: string | null
  at: number
}

/** Metrics sampled at fixed simulated intervals, for charts. Cumulative counts; charts take differences. */
export interface Sample {
  at: number
  /** the whole system */
  system: SampleFigures
  /** per node id and per link id */
  parts: Record<string, SampleFigures>
}

export interface SampleFigures {
  /** operations (client), requests (server), messages published (broker) or calls (link) so far */
  count: number
  /** failures so far (failed, rejected, timed out, dead-lettered) */
  errors: number
  /** latency percentiles, ms (0 where none yet): over the last interval when available */
  p50: number
  p95: number
  p99: number
  /** queue length now (servers: waiting requests; brokers: messages held) */
  depth: number
}

export interface RunActions {
  play(): void
  pause(): void
  /** Space's job: play when paused, pause when playing */
  toggle(): void
  /** process exactly the next event and stand at its time */
  step(): void
  /** back to 0, paused, same seed and faults */
  reset(): void
  setSpeed(speed: number): void
  setSeed(seed: number): void
  /** advance by `ms` of simulated time, spread over frames when long */
  fastForward(ms: number): void
  /** stand at `t`: forward by running on, backward by replaying from 0 (deterministic) */
  seek(t: number): void
  /**
   * Called once per animation frame with the wall ms since the previous frame: advances a
   * playing run by `wallMs × speed`, or works on a seek for a few ms of wall time.
   */
  tick(wallMs: number): void
  /** trace a request (a clicked packet or log line), or stop tracing with null */
  traceRequest(which: TracedRequest | null): void
}

export type RunStore = StoreApi<RunState & RunActions>

/** What the canvas, panels and tests read from the run besides its store. */
export interface Runner {
  store: RunStore
  /** hops on screen at `time`: departed, and not yet at the far end of their link as drawn
   * (packetTravel.ts: a short hop stays a little past its arrival); the array is reused, do not keep it */
  packets(): readonly Packet[]
  /** the newest log lines, oldest first: at most LOG_LIMIT of them, plus the faults and replica changes older than those (at most LANDMARK_LIMIT) */
  log(): readonly LogEntry[]
  /** bumps when log() has new lines */
  logVersion(): number
  /** the latest timeouts and dead letters (at most ALARM_LIMIT), oldest first */
  alarms(): readonly Alarm[]
  /** every sample up to `time` */
  samples(): readonly Sample[]
  /** full metrics at `time` (what the command line prints for the same diagram, seed, instant) */
  metrics(): SimMetrics
  /** the recent hops of one client operation or request (from the engine's bounded trace) */
  journey(correlationId: number, requestId: number): Hop[]
  /** add a fault at the current instant to the diagram's timeline (recorded, undoable) */
  injectFault(fault: DistributiveOmit<Fault, 'at'>): void
  dispose(): void
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
