import type { Fault } from './faults'

/**
 * The diagram document: plain, immutable, JSON-safe data. React Flow nodes and edges are
 * derived from it (canvas layer); the engine and the file format read it directly.
 * Times are in milliseconds, rates in requests per second, probabilities in percent.
 */

export const NODE_KINDS = ['client', 'service', 'database', 'queue', 'topic'] as const
export type NodeKind = (typeof NODE_KINDS)[number]

/** The four ways services talk. A message or event link is either the producing side
 * (into a queue or topic) or the consuming side (out of it); which follows from the ends. */
export const LINK_KINDS = ['sync', 'async', 'message', 'event'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const DISTRIBUTIONS = ['constant', 'exponential', 'uniform', 'lognormal'] as const
export type Distribution = (typeof DISTRIBUTIONS)[number]

export const ARRIVALS = ['poisson', 'uniform'] as const
export type Arrivals = (typeof ARRIVALS)[number]

export const BALANCING = ['round-robin', 'least-outstanding'] as const
export type Balancing = (typeof BALANCING)[number]

export interface ClientSettings {
  /** requests per second */
  rate: number
  arrivals: Arrivals
  /** extra requests sent at once every `burstEverySec`; 0 = no burst */
  burstSize: number
  burstEverySec: number
}

export interface ServiceSettings {
  replicas: number
  /** concurrent workers per replica */
  workers: number
  timeDist: Distribution
  /** mean service time, ms */
  timeMs: number
  /** requests that may wait per replica before it answers 503 */
  queueLimit: number
  /** percent of requests that fail, 0–100 */
  errorRate: number
  /** restart delay after a crash, ms; 0 = no auto-heal */
  healMs: number
  balancing: Balancing
}

/** A datastore: a service that makes no outgoing calls. */
export type DatabaseSettings = ServiceSettings

export interface BrokerSettings {
  /** messages held (per subscription, for a topic) before the broker refuses */
  capacity: number
  /** visibility timeout: no ack within it means redelivery, ms */
  ackTimeoutMs: number
  /** deliveries before a message goes to the dead-letter queue */
  maxDeliveries: number
}

export interface SettingsByKind {
  client: ClientSettings
  service: ServiceSettings
  database: DatabaseSettings
  queue: BrokerSettings
  topic: BrokerSettings
}

interface NodeOf<K extends NodeKind> {
  id: string
  kind: K
  label: string
  /** flow coordinates, whole numbers */
  x: number
  y: number
  settings: SettingsByKind[K]
}

export type ClientNode = NodeOf<'client'>
export type ServiceNode = NodeOf<'service'>
export type DatabaseNode = NodeOf<'database'>
export type QueueNode = NodeOf<'queue'>
export type TopicNode = NodeOf<'topic'>
export type DiagramNode = ClientNode | ServiceNode | DatabaseNode | QueueNode | TopicNode

/**
 * One flat settings record for every link: which fields apply depends on the link's role
 * (see `linkRole`), and keeping the others means switching sync ↔ async loses nothing.
 */
export interface LinkSettings {
  /** one-way network latency, ms */
  latencyMs: number
  /** percent of the caller's requests that make this call (links out of clients and services) */
  probability: number
  /** sync: caller gives up after this long, ms */
  timeoutMs: number
  /** sync: extra attempts after a failure or timeout */
  retries: number
  /** sync: first retry delay; doubles each attempt, with jitter, ms */
  backoffMs: number
  /** async: interval between status polls, ms */
  pollMs: number
  /** async: caller stops polling after this long, ms */
  deadlineMs: number
  /** message: contract "Name vN" that the producer sends or the consumer expects */
  contract: string
  /** event: the name the publisher emits */
  eventName: string
  /** event subscription: comma-separated event names to receive; empty = all */
  filter: string
}

export interface DiagramLink {
  id: string
  /** node ids */
  source: string
  target: string
  kind: LinkKind
  settings: LinkSettings
}

/** Outgoing links of a node are called in array order. */
export interface Diagram {
  nodes: readonly DiagramNode[]
  links: readonly DiagramLink[]
  /** the fault timeline a run replays, in time order (model/faults.ts); none when absent */
  faults?: readonly Fault[]
  /** the run's random seed, a whole number; 1 when absent */
  seed?: number
  /** what the diagram is called: one line of plain text (model/fields.ts, TITLE_MAX); none when absent, never empty */
  title?: string
  /** what the author wants a reader to know (a workshop's task, say): plain text with line
   * breaks (NOTES_MAX); none when absent, never empty. Neither changes a run. */
  notes?: string
}

/** How a link participates in its pattern, derived from its ends. */
export type LinkRole = 'call' | 'publish' | 'consume'
