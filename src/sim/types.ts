import type { Fault } from '../model/faults'
import type { Diagram } from '../model/types'
import type { OutcomeName, PlaceName, ReasonName } from './records'
import type { Hop } from './trace'

export type { Hop } from './trace'
export type { FailureName } from './records'

export interface SimulationOptions {
  diagram: Diagram
  /** any integer; the same (diagram, seed, duration) gives identical results */
  seed?: number
  /** the fault timeline to replay (times in simulated ms) */
  faults?: readonly Fault[]
  /** hops kept in the trace ring; default 10,000; 0 keeps none */
  traceCapacity?: number
}

/** What subscribers hear, as it happens (in simulated time). */
export type SimEvent =
  | { type: 'hop'; hop: Hop }
  | { type: 'replica'; node: string; replica: number; state: 'up' | 'crashed' | 'restarting'; at: number }
  | { type: 'fault'; fault: Fault; at: number }
  /** a call's caller stopped waiting: a sync attempt's timeout, or an async call's poll deadline */
  | { type: 'timeout'; link: string; requestId: number; correlationId: number; at: number }
  /** a delivery not acknowledged within the ack timeout of broker `node`: the broker stops
   * waiting for it (a late answer is dropped) and redelivers the message, or dead-letters it
   * when `redeliver` is false (its `deliveries` used up max deliveries; a deadLetter event follows).
   * `link`: the consumer's link; `requestId`: the delivery that went unacknowledged */
  | { type: 'ackTimeout'; node: string; link: string; requestId: number; correlationId: number; deliveries: number; redeliver: boolean; at: number }
  /** a message or event copy given up on: parked in the dead-letter queue of `node` (the broker) */
  /** `mismatch`: the message was refused for its contract (what it carries, what its consumer expects) */
  | { type: 'deadLetter'; node: string; link: string | null; correlationId: number; deliveries: number; at: number; mismatch: { sent: string; expected: string } | null }

export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p95: number
  p99: number
  max: number
}

export interface Conservation {
  created: number
  ended: number
  inFlight: number
  /** live records by place (only places with records) */
  byPlace: Partial<Record<PlaceName, number>>
  /** ended records by outcome (only outcomes that happened) */
  byOutcome: Partial<Record<OutcomeName, number>>
}

export interface ClientMetrics {
  id: string
  label: string
  issued: number
  succeeded: number
  failed: number
  failedBy: Partial<Record<ReasonName, number>>
  inFlight: number
  /** end-to-end, from arrival until its last call (async polling included) ended, ms */
  latency: LatencySummary
  records: Conservation
}

export interface ServerMetrics {
  id: string
  label: string
  kind: 'service' | 'database'
  /** requests that reached it (rejected ones included; status polls are counted apart) */
  arrivals: number
  completed: number
  failed: number
  /** answered 503 at once: the replica's queue was full */
  rejected: number
  polls: number
  /** from reaching the service to answering, over every request that left (failed ones too), ms */
  responseTime: LatencySummary
  /** time-averaged busy workers ÷ workers of replicas that were up */
  utilization: number
  /** time-averaged requests inside (queued, processing or waiting on calls) */
  meanInSystem: number
  /** requests that left per second */
  throughput: number
  queueLength: { mean: number; max: number; now: number }
  replicas: { up: number; total: number }
  records: Conservation
}

export interface SubscriptionMetrics {
  /** the subscriber link for a topic; null for a queue */
  link: string | null
  /** consumer link ids, and the labels of the services behind them */
  consumers: string[]
  consumerLabels: string[]
  published: number
  delivered: number
  acked: number
  redelivered: number
  deadLettered: number
  /** messages held (ready + awaiting ack) */
  depth: { mean: number; max: number; now: number }
  ready: number
  /** how long the longest-waiting ready message has waited since it was published, ms (0 when none waits) */
  oldestReadyMs: number
  /** from publish to ack, ms */
  publishToAck: LatencySummary
}

export interface BrokerMetrics {
  id: string
  label: string
  kind: 'queue' | 'topic'
  /** publishes accepted */
  published: number
  /** publishes refused because a subscription was full */
  refused: number
  subscriptions: SubscriptionMetrics[]
  records: Conservation
}

export interface LinkMetrics {
  id: string
  kind: string
  role: string
  /** calls started (sync and async) or messages sent (message and event) */
  calls: number
  attempts: number
  retries: number
  timeouts: number
  failures: number
  polls: number
  expired: number
  /** consume links: deliveries awaiting an answer */
  outstanding: number
}

export interface SimMetrics {
  /** simulated ms covered */
  time: number
  seed: number
  events: number
  clients: ClientMetrics[]
  servers: ServerMetrics[]
  brokers: BrokerMetrics[]
  links: LinkMetrics[]
  totals: Conservation & { operations: { issued: number; succeeded: number; failed: number; inFlight: number } }
}

export interface ReplicaState {
  index: number
  state: 'up' | 'crashed' | 'restarting'
  busy: number
  queued: number
}

/** The state of the world now, small enough to take every animation frame. */
export interface SimSnapshot {
  time: number
  events: number
  nodes: {
    id: string
    inSystem: number
    replicas: ReplicaState[]
    /** per subscription: messages ready and awaiting ack */
    subscriptions: { link: string | null; ready: number; held: number; deadLettered: number }[]
  }[]
  totals: { created: number; ended: number; inFlight: number }
}

export interface Simulation {
  readonly now: number
  /** process the next event; false when nothing is left to happen */
  step(): boolean
  /** process every event due at or before t (ms), then stand at t */
  runUntil(t: number): void
  snapshot(): SimSnapshot
  metrics(): SimMetrics
  /** hear every hop, replica change and fault; returns the unsubscribe function */
  subscribe(listener: (e: SimEvent) => void): () => void
  /** the most recent hops, oldest first */
  trace(): Hop[]
  /** add a fault to the timeline (one in the past happens now) */
  inject(fault: Fault): void
  /** walk every structure and count records where they actually are (tests) */
  audit(): AuditReport
  dispose(): void
}

export interface AuditReport {
  /** per node id: records found by walking queues, workers, links in flight and brokers
   * (a client's operations, held in no structure, are its created minus its ended) */
  found: Record<string, Partial<Record<PlaceName, number>>>
  /** per node id: what the ledger says was created and ended; found must make up the difference */
  ledger: Record<string, { created: number; ended: number }>
  problems: string[]
}
