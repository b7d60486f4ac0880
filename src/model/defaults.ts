import type { BrokerSettings, ClientSettings, LinkSettings, NodeKind, ServiceSettings, SettingsByKind } from './types'

/** Defaults chosen so a fresh diagram runs sensibly: nothing saturated, nothing failing. */
export const CLIENT_DEFAULTS: ClientSettings = { rate: 10, arrivals: 'poisson', burstSize: 0, burstEverySec: 10 }

export const SERVICE_DEFAULTS: ServiceSettings = {
  replicas: 1,
  workers: 4,
  timeDist: 'exponential',
  timeMs: 20,
  queueLimit: 100,
  errorRate: 0,
  healMs: 0,
  balancing: 'round-robin',
}

export const DATABASE_DEFAULTS: ServiceSettings = { ...SERVICE_DEFAULTS, workers: 8, timeMs: 10 }

export const BROKER_DEFAULTS: BrokerSettings = { capacity: 1000, ackTimeoutMs: 30_000, maxDeliveries: 5 }

export const LINK_DEFAULTS: LinkSettings = {
  latencyMs: 2,
  probability: 100,
  timeoutMs: 1000,
  retries: 0,
  backoffMs: 100,
  pollMs: 500,
  deadlineMs: 30_000,
  contract: 'Job v1',
  eventName: 'Event',
  filter: '',
}

export function defaultSettings<K extends NodeKind>(kind: K): SettingsByKind[K] {
  const byKind: SettingsByKind = {
    client: CLIENT_DEFAULTS,
    service: SERVICE_DEFAULTS,
    database: DATABASE_DEFAULTS,
    queue: BROKER_DEFAULTS,
    topic: BROKER_DEFAULTS,
  }
  return { ...byKind[kind] }
}

export const KIND_LABELS: Record<NodeKind, string> = {
  client: 'Client',
  service: 'Service',
  database: 'Database',
  queue: 'Queue',
  topic: 'Topic',
}
