import { Deque } from '../lib/deque'
import { Histogram } from '../lib/histogram'
import { rngStream, type Rng } from '../lib/rng'
import { linkRole } from '../model/rules'
import type { Diagram, DiagramLink, DiagramNode, LinkRole } from '../model/types'
import { LIFECYCLE } from './compiled'
import { distCode } from './distributions'
import { REASONS } from './records'

/**
 * The runtime shape of a diagram: nodes, replicas, links and subscriptions as mutable
 * objects with array indices, built once per run. One class per concept with every
 * field set in its constructor keeps V8's objects monomorphic in the loop.
 */

/** A FIFO of timers that all share one delay (a link's timeout, a subscription's ack
 * timeout): their due times only grow, so one scheduler event for the head serves them
 * all, and a cancelled timer is skipped when it reaches the head instead of searched for. */
export class Lane {
  refs: unknown[] = new Array(64).fill(null)
  gens = new Int32Array(64)
  dues = new Float64Array(64)
  head = 0
  size = 0
  armed = false
  firing = false
  readonly kind: number
  constructor(kind: number) {
    this.kind = kind
  }

  /** capacity − 1; capacity stays a power of two so wrapping is a mask */
  mask = 63

  push(ref: unknown, gen: number, due: number): void {
    if (this.size > this.mask) {
      const cap = this.mask + 1
      const refs = new Array(cap * 2).fill(null)
      const gens = new Int32Array(cap * 2)
      const dues = new Float64Array(cap * 2)
      for (let i = 0; i < this.size; i++) {
        const j = (this.head + i) & this.mask
        refs[i] = this.refs[j]
        gens[i] = this.gens[j] as number
        dues[i] = this.dues[j] as number
      }
      this.refs = refs
      this.gens = gens
      this.dues = dues
      this.head = 0
      this.mask = cap * 2 - 1
    }
    const i = (this.head + this.size) & this.mask
    this.refs[i] = ref
    this.gens[i] = gen
    this.dues[i] = due
    this.size++
  }

  drop(): void {
    this.refs[this.head] = null
    this.head = (this.head + 1) & this.mask
    this.size--
  }
}

export const LANE_TIMEOUT = 0
export const LANE_DEADLINE = 1
export const LANE_ACK = 2

export class Replica {
  state = LIFECYCLE.initial
  /** bumped on each lifecycle transition: stale heal timers are dropped */
  gen = 0
  busy = 0
  readonly queue = new Deque<Req>()
  /** jobs holding a worker; each knows its slot, for O(1) removal */
  readonly active: Req[] = []
  readonly node: NodeRT
  readonly index: number
  constructor(node: NodeRT, index: number) {
    this.node = node
    this.index = index
  }
}

export class Subscription {
  consumers: LinkRT[] = []
  rr = 0
  readonly ready = new Deque<Msg>()
  /** ready + delivering: what counts against capacity */
  held = 0
  dispatching = false
  /** false while a topic's subscriber is unsubscribed: no new copies, what it holds still goes out */
  subscribed = true
  published = 0
  delivered = 0
  acked = 0
  redelivered = 0
  deadLettered = 0
  maxHeld = 0
  areaHeld = 0
  last = 0
  readonly toAck = new Histogram()
  readonly lane = new Lane(LANE_ACK)
  readonly index: number
  readonly broker: NodeRT
  readonly capacity: number
  readonly ackTimeoutMs: number
  readonly maxDeliveries: number
  /** event names it receives; null = every event */
  readonly filter: readonly string[] | null
  /** for a topic, the subscriber link; null for a queue (shared by its consumers) */
  readonly link: LinkRT | null
  constructor(index: number, broker: NodeRT, link: LinkRT | null, capacity: number, ackTimeoutMs: number, maxDeliveries: number, filter: readonly string[] | null) {
    this.link = link
    this.index = index
    this.broker = broker
    this.capacity = capacity
    this.ackTimeoutMs = ackTimeoutMs
    this.maxDeliveries = maxDeliveries
    this.filter = filter
  }
}

export class NodeRT {
  readonly isClient: boolean
  readonly isServer: boolean
  readonly isBroker: boolean
  readonly isTopic: boolean
  /** call and publish links, in call order */
  readonly out: LinkRT[] = []
  /** consume links delivering to this node */
  readonly consumerIn: LinkRT[] = []
  readonly subs: Subscription[] = []
  readonly replicas: Replica[] = []
  // client
  readonly rate: number
  readonly poisson: boolean
  readonly burstSize: number
  readonly burstEveryMs: number
  readonly arrivalRng: Rng
  issued = 0
  succeeded = 0
  readonly failedBy = new Float64Array(REASONS.length)
  readonly latency = new Histogram()
  // service and database
  readonly workers: number
  readonly dist: number
  /** mean service time, ms: a fault may change it mid-run */
  timeMs: number
  readonly queueLimit: number
  errorRate: number
  readonly healMs: number
  readonly leastOutstanding: boolean
  rr = 0
  readonly timeRng: Rng
  readonly errorRng: Rng
  readonly callsRng: Rng
  upWorkers = 0
  arrivals = 0
  completed = 0
  failed = 0
  rejected = 0
  polls = 0
  readonly resp = new Histogram()
  nSys = 0
  nQueued = 0
  nBusy = 0
  maxQueued = 0
  last = 0
  areaSys = 0
  areaQueued = 0
  areaBusy = 0
  areaCap = 0
  // broker
  published = 0
  refused = 0

  readonly index: number
  readonly def: DiagramNode
  constructor(index: number, def: DiagramNode, seed: number) {
    this.index = index
    this.def = def
    const k = def.kind
    this.isClient = k === 'client'
    this.isServer = k === 'service' || k === 'database'
    this.isBroker = k === 'queue' || k === 'topic'
    this.isTopic = k === 'topic'
    const c = def.kind === 'client' ? def.settings : null
    const s = def.kind === 'service' || def.kind === 'database' ? def.settings : null
    this.rate = c ? c.rate : 0
    this.poisson = c ? c.arrivals === 'poisson' : true
    this.burstSize = c ? c.burstSize : 0
    this.burstEveryMs = c ? c.burstEverySec * 1000 : 0
    this.workers = s ? s.workers : 0
    this.dist = s ? distCode(s.timeDist) : 0
    this.timeMs = s ? s.timeMs : 0
    this.queueLimit = s ? s.queueLimit : 0
    this.errorRate = s ? s.errorRate : 0
    this.healMs = s ? s.healMs : 0
    this.leastOutstanding = s ? s.balancing === 'least-outstanding' : false
    // separate streams per purpose: turning on an error rate does not reshuffle service times
    this.arrivalRng = rngStream(seed, `${def.id}/arrivals`)
    this.timeRng = rngStream(seed, `${def.id}/time`)
    this.errorRng = rngStream(seed, `${def.id}/errors`)
    this.callsRng = rngStream(seed, `${def.id}/calls`)
    if (s) for (let i = 0; i < s.replicas; i++) this.replicas.push(new Replica(this, i))
  }

  get id(): string {
    return this.def.id
  }
}

export const LINK_SYNC = 0
export const LINK_ASYNC = 1
export const LINK_MESSAGE = 2
export const LINK_EVENT = 3

export class LinkRT {
  /** LINK_SYNC … LINK_EVENT: compared in the loop instead of the kind's name */
  readonly kindCode: number
  readonly probability: number
  readonly timeoutMs: number
  readonly retries: number
  readonly backoffMs: number
  readonly pollMs: number
  readonly deadlineMs: number
  /** what the link speaks now: a fault may change it mid-run (a producer's new release, a
   * consumer's upgrade); a producer's messages carry the one of when they were sent */
  contract: string
  /** producer links whose contract a fault changed: since when each one holds, oldest first */
  contractSince: { at: number; contract: string }[] | null = null
  readonly baseContract: string
  readonly eventName: string
  readonly baseLatency: number
  latency: number
  readonly jitter: Rng
  readonly timeoutLane = new Lane(LANE_TIMEOUT)
  readonly deadlineLane = new Lane(LANE_DEADLINE)
  /** consume links: the subscription they take from */
  sub: Subscription | null = null
  /** consume links: deliveries out and not yet answered */
  outstanding = 0
  attached = true
  /** producer links: when each poison fault still waiting for its message happened, oldest
   * first; the first message sent since then that the broker takes is the poison one */
  readonly poisonSince: number[] = []
  calls = 0
  attempts = 0
  retried = 0
  timeouts = 0
  failures = 0
  polls = 0
  expired = 0
  sent = 0

  readonly index: number
  readonly def: DiagramLink
  readonly role: LinkRole
  readonly source: NodeRT
  readonly target: NodeRT
  constructor(index: number, def: DiagramLink, role: LinkRole, source: NodeRT, target: NodeRT, seed: number) {
    this.index = index
    this.def = def
    this.role = role
    this.source = source
    this.target = target
    const s = def.settings
    this.kindCode = def.kind === 'sync' ? LINK_SYNC : def.kind === 'async' ? LINK_ASYNC : def.kind === 'message' ? LINK_MESSAGE : LINK_EVENT
    this.probability = s.probability
    this.timeoutMs = s.timeoutMs
    this.retries = s.retries
    this.backoffMs = s.backoffMs
    this.pollMs = s.pollMs
    this.deadlineMs = s.deadlineMs
    this.contract = s.contract
    this.baseContract = s.contract
    this.eventName = s.eventName
    this.baseLatency = s.latencyMs
    this.latency = s.latencyMs
    this.jitter = rngStream(seed, `${def.id}/jitter`)
  }

  get id(): string {
    return this.def.id
  }
}

/** A request, job, poll, publish or delivery: the plain record SIMULATION.md describes.
 * Its fields are `declare`d, so the class itself defines none of them, and the
 * constructor sets each once (the same holds for SyncCall, AsyncCall and Msg: the
 * records the loop creates by the million). */
export class Req {
  /** correlation id (the operation's id), copied so a hop need not follow `op` */
  declare corr: number
  declare place: number
  declare gen: number
  declare attempt: number
  declare createdAt: number
  /** when it reached its server (response time counts from here) */
  declare arrivedAt: number
  declare replica: Replica | null
  /** position in replica.active while it holds a worker */
  declare slot: number
  /** index of the next outgoing link to consider */
  declare nextCall: number
  /** what this job waits on: a SyncCall, an AsyncCall or a publish Req */
  declare awaiting: unknown
  declare awaitKind: number
  /** why it failed; for an operation, the first failure among its parts */
  declare failure: number
  /** who waits for this record's answer; null once they stopped waiting */
  declare waiter: unknown
  /** how it ends if its waiter went away */
  declare abandonedAs: number
  /** operations: parts still running (its own calls, plus each async call's polling) */
  declare pending: number
  declare done: boolean
  declare msg: Msg | null
  declare poller: AsyncCall | null
  /** a poll's answer: 0 pending, 1 done, 2 failed */
  declare status: number
  declare statusReason: number
  declare readonly id: number
  declare readonly kind: number
  declare readonly owner: NodeRT
  /** the operation it belongs to (its correlation id); an operation points to itself */
  declare op: Req | null
  declare readonly link: LinkRT | null
  /** Every field is set here, once, with its real first value (a time field that starts
   * as the integer 0 and is overwritten with a fraction right after costs a second store
   * and an extra heap number). What every record uses comes first, then a job's fields,
   * then those of one kind only. */
  constructor(id: number, kind: number, owner: NodeRT, op: Req | null, link: LinkRT | null, createdAt: number, place: number) {
    this.id = id
    this.kind = kind
    this.owner = owner
    this.link = link
    this.corr = op === null ? id : op.id
    this.place = place
    this.gen = 0
    this.waiter = null
    this.failure = 0
    this.op = op
    this.replica = null
    this.slot = -1
    this.arrivedAt = createdAt
    this.nextCall = 0
    this.awaiting = null
    this.awaitKind = 0
    this.createdAt = createdAt
    this.attempt = 1
    this.abandonedAs = 0
    this.pending = 0
    this.done = false
    this.msg = null
    this.poller = null
    this.status = 0
    this.statusReason = 0
  }
}

export const AWAIT_NONE = 0
export const AWAIT_SYNC = 1
export const AWAIT_ASYNC = 2
export const AWAIT_PUBLISH = 3

export class SyncCall {
  declare state: number
  declare gen: number
  declare attempt: number
  declare current: Req | null
  declare reason: number
  declare readonly job: Req
  declare readonly link: LinkRT
  constructor(job: Req, link: LinkRT) {
    this.state = 0
    this.gen = 0
    this.attempt = 0
    this.current = null
    this.reason = 0
    this.job = job
    this.link = link
  }
}

export class AsyncCall {
  declare state: number
  declare gen: number
  declare current: Req | null
  declare reason: number
  /** the callee's job status as its status URL would report it */
  declare jobStatus: number
  declare jobReason: number
  /** when the poll deadline passes (Infinity until it is set) */
  declare deadlineAt: number
  /** the caller's job while it waits for the 202; null after */
  declare job: Req | null
  declare readonly link: LinkRT
  /** the operation whose completion waits for this call; null if it already ended */
  declare readonly op: Req | null
  declare readonly correlation: Req | null
  constructor(job: Req | null, link: LinkRT, op: Req | null, correlation: Req | null) {
    this.state = 0
    this.gen = 0
    this.current = null
    this.reason = 0
    this.jobStatus = 0
    this.jobReason = 0
    this.deadlineAt = Infinity
    this.job = job
    this.link = link
    this.op = op
    this.correlation = correlation
  }
}

export class Msg {
  declare state: number
  declare gen: number
  declare place: number
  declare deliveries: number
  declare createdAt: number
  declare delivery: Req | null
  declare nextLink: LinkRT | null
  /** every consumer that processes it fails (a poison message) */
  declare readonly poison: boolean
  declare readonly id: number
  declare readonly sub: Subscription
  declare readonly op: Req | null
  declare readonly contract: string
  constructor(id: number, sub: Subscription, op: Req | null, contract: string, poison: boolean, createdAt: number, place: number) {
    this.id = id
    this.sub = sub
    this.state = 0
    this.gen = 0
    this.place = place
    this.delivery = null
    this.deliveries = 0
    this.nextLink = null
    this.op = op
    this.contract = contract
    this.poison = poison
    this.createdAt = createdAt
  }
}

export interface World {
  nodes: NodeRT[]
  links: LinkRT[]
  subs: Subscription[]
}

function parseFilter(text: string): string[] | null {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return names.length > 0 ? names : null
}

export function buildWorld(diagram: Diagram, seed: number): World {
  const nodes = diagram.nodes.map((n, i) => new NodeRT(i, n, seed))
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const links: LinkRT[] = []
  const subs: Subscription[] = []
  diagram.links.forEach((l, i) => {
    const source = byId.get(l.source)
    const target = byId.get(l.target)
    if (!source || !target) throw new Error(`link ${l.id} joins a missing node`)
    const link = new LinkRT(i, l, linkRole(diagram, l), source, target, seed)
    links.push(link)
    if (link.role === 'consume') target.consumerIn.push(link)
    else source.out.push(link)
  })
  for (const node of nodes) {
    if (!node.isBroker) continue
    const b = node.def.kind === 'queue' || node.def.kind === 'topic' ? node.def.settings : null
    if (!b) continue
    const consumers = links.filter((l) => l.role === 'consume' && l.source === node)
    if (node.isTopic) {
      for (const l of consumers) {
        const sub = new Subscription(subs.length, node, l, b.capacity, b.ackTimeoutMs, b.maxDeliveries, parseFilter(l.def.settings.filter))
        sub.consumers = [l]
        l.sub = sub
        subs.push(sub)
        node.subs.push(sub)
      }
    } else {
      const sub = new Subscription(subs.length, node, null, b.capacity, b.ackTimeoutMs, b.maxDeliveries, null)
      sub.consumers = consumers
      for (const l of consumers) l.sub = sub
      subs.push(sub)
      node.subs.push(sub)
    }
  }
  return { nodes, links, subs }
}
