import fc from 'fast-check'
import type { Fault } from '../../model/faults'
import { allowedKinds } from '../../model/rules'
import type { Diagram, LinkKind, NodeKind } from '../../model/types'
import { diagram } from './diagrams'

/**
 * Random valid diagrams with settings chosen to make things happen in a short run:
 * small timeouts, retries, errors, tiny queues and capacities, crashes with and
 * without auto-heal. Node 0 is always a client so there is traffic.
 */
const KINDS: NodeKind[] = ['client', 'service', 'database', 'queue', 'topic']

const serverSettings = fc.record({
  replicas: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 4 }),
  timeDist: fc.constantFrom('constant', 'exponential', 'uniform', 'lognormal'),
  timeMs: fc.constantFrom(0, 1, 5, 20, 60),
  queueLimit: fc.constantFrom(0, 1, 5, 100),
  errorRate: fc.constantFrom(0, 0, 10, 50),
  healMs: fc.constantFrom(0, 300),
  balancing: fc.constantFrom('round-robin', 'least-outstanding'),
})
const clientSettings = fc.record({
  rate: fc.constantFrom(0, 5, 20, 80),
  arrivals: fc.constantFrom('poisson', 'uniform'),
  burstSize: fc.constantFrom(0, 0, 5),
  burstEverySec: fc.constantFrom(0.5, 2),
})
const brokerSettings = fc.record({
  capacity: fc.constantFrom(1, 5, 1000),
  ackTimeoutMs: fc.constantFrom(30, 200, 2000),
  maxDeliveries: fc.integer({ min: 1, max: 4 }),
})
const linkSettings = fc.record({
  latencyMs: fc.constantFrom(0, 1, 5, 20),
  probability: fc.constantFrom(100, 100, 50, 0),
  timeoutMs: fc.constantFrom(15, 80, 1000),
  retries: fc.integer({ min: 0, max: 2 }),
  backoffMs: fc.constantFrom(0, 10, 50),
  pollMs: fc.constantFrom(10, 60),
  deadlineMs: fc.constantFrom(100, 1000),
  contract: fc.constantFrom('Job v1', 'Job v1', 'Job v2'),
  eventName: fc.constantFrom('Placed', 'Shipped'),
  filter: fc.constantFrom('', '', 'Placed', 'Other'),
})

export const arbDiagram: fc.Arbitrary<Diagram> = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }),
    servers: fc.array(serverSettings, { minLength: 7, maxLength: 7 }),
    clients: fc.array(clientSettings, { minLength: 7, maxLength: 7 }),
    brokers: fc.array(brokerSettings, { minLength: 7, maxLength: 7 }),
    edges: fc.array(fc.record({ from: fc.nat(6), to: fc.nat(6), alt: fc.boolean(), s: linkSettings }), { maxLength: 14 }),
  })
  .map(({ kinds, servers, clients, brokers, edges }) => {
    const all: NodeKind[] = ['client', ...kinds]
    const b = diagram()
    all.forEach((k, i) => {
      const id = `n${i}`
      if (k === 'client') b.client(id, clients[i] as never)
      else if (k === 'service') b.service(id, servers[i] as never)
      else if (k === 'database') b.database(id, servers[i] as never)
      else if (k === 'queue') b.queue(id, brokers[i])
      else b.topic(id, brokers[i])
    })
    const seen = new Set<string>()
    for (const e of edges) {
      const from = e.from % all.length
      const to = e.to % all.length
      if (from === to || seen.has(`${from}>${to}`)) continue
      const kinds = allowedKinds(all[from] as NodeKind, all[to] as NodeKind)
      if (!kinds.ok) continue
      seen.add(`${from}>${to}`)
      const kind = (e.alt && kinds.value.length > 1 ? kinds.value[1] : kinds.value[0]) as LinkKind
      b.link(`n${from}`, `n${to}`, kind, e.s)
    }
    return b.build()
  })

/** Faults that make sense for a diagram (unknown targets are filtered out). */
export function arbFaults(d: Diagram, horizon: number): fc.Arbitrary<Fault[]> {
  const servers = d.nodes.filter((n) => n.kind === 'service' || n.kind === 'database')
  const consumes = d.links.filter((l) => ['queue', 'topic'].includes(d.nodes.find((n) => n.id === l.source)?.kind ?? ''))
  const at = fc.integer({ min: 0, max: horizon })
  const options: fc.Arbitrary<Fault>[] = []
  if (servers.length > 0) {
    const node = fc.constantFrom(...servers.map((n) => n.id))
    options.push(fc.record({ at, action: fc.constantFrom('crash' as const, 'restart' as const), node }))
    options.push(fc.record({ at, action: fc.constant('errorRate' as const), node, errorRate: fc.constantFrom(0, 30, 100) }))
    options.push(fc.record({ at, action: fc.constant('serviceTime' as const), node, timeMs: fc.constantFrom(0, 5, 200) }))
  }
  if (d.links.length > 0) options.push(fc.record({ at, action: fc.constant('latency' as const), link: fc.constantFrom(...d.links.map((l) => l.id)), addMs: fc.constantFrom(0, 50) }))
  if (consumes.length > 0) options.push(fc.record({ at, action: fc.constantFrom('detach' as const, 'attach' as const), link: fc.constantFrom(...consumes.map((l) => l.id)) }))
  const kindOf = (id: string) => d.nodes.find((n) => n.id === id)?.kind ?? ''
  const subscribers = consumes.filter((l) => kindOf(l.source) === 'topic')
  const producers = d.links.filter((l) => ['queue', 'topic'].includes(kindOf(l.target)))
  const messageLinks = d.links.filter((l) => l.kind === 'message')
  if (subscribers.length > 0) options.push(fc.record({ at, action: fc.constantFrom('unsubscribe' as const, 'subscribe' as const), link: fc.constantFrom(...subscribers.map((l) => l.id)) }))
  if (producers.length > 0) options.push(fc.record({ at, action: fc.constant('poison' as const), link: fc.constantFrom(...producers.map((l) => l.id)) }))
  if (messageLinks.length > 0) options.push(fc.record({ at, action: fc.constant('contract' as const), link: fc.constantFrom(...messageLinks.map((l) => l.id)), contract: fc.constantFrom('Job v1', 'Job v2') }))
  return options.length === 0 ? fc.constant([]) : fc.array(fc.oneof(...options), { maxLength: 6 })
}
