import type { Fault } from '../model/faults'
import type { Diagram } from '../model/types'
import {
  ASYNC,
  ASYNC_ABANDON,
  ASYNC_ABANDON_POLL,
  ASYNC_ACCEPTED,
  ASYNC_AFTER_POLL,
  ASYNC_DEADLINE,
  ASYNC_DONE,
  ASYNC_DONE_EVENT,
  ASYNC_EXPIRED,
  ASYNC_FAIL,
  ASYNC_FAILED_EVENT,
  ASYNC_PENDING,
  ASYNC_POLL_ERROR,
  ASYNC_REJECTED,
  ASYNC_RESUME,
  ASYNC_SEND_POLL,
  ASYNC_SEND_SUBMIT,
  ASYNC_SETTLE,
  ASYNC_START_DEADLINE,
  D_ABANDON,
  D_COUNT_REDELIVERY,
  D_DEAD_LETTER,
  D_DELIVER,
  D_ENQUEUE,
  D_SETTLE_ACK,
  EVENT_TABLE,
  LIFECYCLE,
  MESSAGE_TABLE,
  NODE_AFTER_HEAL,
  NODE_AUTO_HEAL,
  NODE_CRASH,
  NODE_FAIL,
  NODE_RESTART,
  NODE_RESUME,
  NODE_UP,
  SYNC,
  SYNC_ABANDON,
  SYNC_ABANDONED,
  SYNC_ABANDON_ATTEMPT,
  SYNC_AFTER_BACKOFF,
  SYNC_AFTER_TIMEOUT,
  SYNC_CAN_RETRY,
  SYNC_DELAY_TIMEOUT,
  SYNC_FAIL,
  SYNC_REPLY_ERROR,
  SYNC_REPLY_OK,
  SYNC_RESUME,
  SYNC_SEND,
  SYNC_TIMED_OUT,
  type DeliveryTable,
} from './compiled'
import { sample } from './distributions'
import { Ledger } from './ledger'
import {
  AT_CALLING,
  AT_DEAD_LETTERED,
  AT_DELIVERING,
  AT_PROCESSING,
  AT_QUEUED,
  AT_READY,
  AT_REPLYING,
  AT_TRAVELLING,
  C_ACCEPTED,
  C_ACK,
  C_BROKER_ACK,
  C_DELIVERY,
  C_ERROR,
  C_EVENT,
  C_MESSAGE,
  C_NACK,
  C_POLL,
  C_REPLY,
  C_REQUEST,
  C_STATUS,
  DIR_BACK,
  DIR_FORWARD,
  K_ASYNC_JOB,
  K_DELIVER,
  K_OP,
  K_POLL,
  K_PUBLISH,
  K_SUBMIT,
  K_SYNC,
  O_ABANDONED,
  O_ACKED,
  O_FAILED,
  O_SUCCEEDED,
  O_TIMED_OUT,
  R_BROKER_FULL,
  R_CONTRACT,
  R_CRASHED,
  R_DEADLINE,
  R_ERROR,
  R_NONE,
  R_REJECTED,
  R_TIMEOUT,
  R_UNAVAILABLE,
  CARRIES,
  outcomeOf,
  type CarriesName,
} from './records'
import { Scheduler } from './scheduler'
import { TraceRing } from './trace'
import type { SimEvent } from './types'
import {
  AWAIT_ASYNC,
  AWAIT_NONE,
  AWAIT_PUBLISH,
  AWAIT_SYNC,
  AsyncCall,
  LANE_ACK,
  LANE_DEADLINE,
  LINK_ASYNC,
  LINK_MESSAGE,
  LINK_SYNC,
  Lane,
  Msg,
  NodeRT,
  Replica,
  Req,
  Subscription,
  SyncCall,
  buildWorld,
  type LinkRT,
  type World,
} from './world'

/** Event types on the scheduler. */
export const EV_NOOP = 0
const EV_ARRIVAL = 1
const EV_BURST = 2
export const EV_ARRIVE = 3
const EV_DONE = 4
export const EV_REPLY = 5
const EV_LANE = 6
const EV_BACKOFF = 7
const EV_POLL = 8
const EV_HEAL = 9
const EV_FAULT = 10

export interface EngineOptions {
  diagram: Diagram
  seed: number
  faults: readonly Fault[]
  traceCapacity: number
}

/**
 * The simulation itself: the world of a diagram advanced by one scheduler. Patterns
 * follow their compiled machines (compiled.ts): each `*Fire` method asks the table where
 * an event leads, then runs the named actions and starts the named delays. Everything a
 * record does also moves it in the ledger, so conservation can be checked at any event.
 * Pure: no clock, no Math.random, no I/O.
 */
export class Engine {
  readonly s = new Scheduler()
  readonly world: World
  readonly ledger: Ledger
  readonly trace: TraceRing
  readonly seed: number
  readonly faults: Fault[] = []
  listeners: ((e: SimEvent) => void)[] = []
  events = 0
  private nextId = 1
  private readonly linkIds: string[]

  constructor(o: EngineOptions) {
    this.seed = o.seed
    this.world = buildWorld(o.diagram, o.seed)
    this.linkIds = this.world.links.map((l) => l.id)
    this.ledger = new Ledger(this.world.nodes.length)
    this.trace = new TraceRing(o.traceCapacity)
    for (const node of this.world.nodes) {
      for (const rep of node.replicas) this.enterLifecycle(rep)
      if (node.isClient) {
        this.scheduleArrival(node)
        if (node.burstSize > 0 && node.burstEveryMs > 0) this.s.schedule(node.burstEveryMs, EV_BURST, node, 0)
      }
    }
    for (const f of o.faults) this.inject(f)
  }

  get now(): number {
    return this.s.now
  }

  /** Add a fault to the timeline; one in the past happens now. */
  inject(f: Fault): void {
    this.faults.push(f)
    this.s.schedule(Math.max(this.s.now, f.at), EV_FAULT, f, this.faults.length - 1)
  }

  /** Process one event; false when nothing is left to happen. */
  step(): boolean {
    if (!this.s.pop()) return false
    this.dispatch()
    return true
  }

  /** Process every event due at or before `t`, then stand at `t`. */
  runUntil(t: number): void {
    const s = this.s
    while (s.popUntil(t)) this.dispatch()
    if (t > s.now) s.now = t
  }

  linkId(i: number): string {
    return this.linkIds[i] as string
  }

  private dispatch(): void {
    this.events++
    const s = this.s
    switch (s.type) {
      case EV_ARRIVE:
        this.onArrive(s.ref as Req)
        break
      case EV_DONE:
        this.onServiceDone(s.ref as Req, s.tag)
        break
      case EV_REPLY:
        this.onReply(s.ref as Req)
        break
      case EV_ARRIVAL: {
        const client = s.ref as NodeRT
        this.scheduleArrival(client)
        this.startOperation(client)
        break
      }
      case EV_LANE:
        this.onLane(s.ref as Lane)
        break
      case EV_BACKOFF: {
        const call = s.ref as SyncCall
        if (call.gen === s.tag) this.syncFire(call, SYNC_AFTER_BACKOFF)
        break
      }
      case EV_POLL: {
        const p = s.ref as AsyncCall
        if (p.gen === s.tag) this.asyncFire(p, ASYNC_AFTER_POLL)
        break
      }
      case EV_HEAL: {
        const rep = s.ref as Replica
        if (rep.gen === s.tag) this.lifecycleFire(rep, NODE_AFTER_HEAL)
        break
      }
      case EV_BURST: {
        const client = s.ref as NodeRT
        this.s.schedule(s.now + client.burstEveryMs, EV_BURST, client, 0)
        for (let i = 0; i < client.burstSize; i++) this.startOperation(client)
        break
      }
      case EV_FAULT:
        this.applyFault(s.ref as Fault)
        break
      default:
        break
    }
  }

  // ── records and hops ────────────────────────────────────────────────────────────────

  private newReq(kind: number, owner: NodeRT, op: Req | null, link: LinkRT | null, place: number): Req {
    const r = new Req(this.nextId++, kind, owner, op, link)
    r.corr = op === null ? r.id : op.id
    r.createdAt = this.s.now
    r.place = place
    this.ledger.create(owner.index, place)
    return r
  }

  private setPlace(r: Req, place: number): void {
    this.ledger.move(r.owner.index, r.place, place)
    r.place = place
  }

  /** Put a new record on its link towards the link's target. */
  private send(r: Req, link: LinkRT, carries: number): void {
    const arrive = this.s.now + link.latency
    this.s.schedule(arrive, EV_ARRIVE, r, 0)
    this.hop(link, DIR_FORWARD, carries, arrive, r.id, r.corr)
  }

  /** Send a record's answer back over the link it came by. */
  private reply(r: Req, reason: number): void {
    r.failure = reason
    this.setPlace(r, AT_REPLYING)
    const link = r.link as LinkRT
    const arrive = this.s.now + link.latency
    this.s.schedule(arrive, EV_REPLY, r, 0)
    const carries = reason === R_NONE ? (REPLY_CARRIES[r.kind] as number) : r.kind === K_DELIVER ? C_NACK : C_ERROR
    this.hop(link, DIR_BACK, carries, arrive, r.id, r.corr)
  }

  private hop(link: LinkRT, dir: number, carries: number, arrive: number, id: number, corr: number): void {
    this.trace.push(link.index, dir, carries, this.s.now, arrive, id, corr)
    if (this.listeners.length > 0) {
      this.emit({
        type: 'hop',
        hop: { link: link.id, direction: dir === DIR_BACK ? 'back' : 'forward', carries: CARRIES[carries] as CarriesName, depart: this.s.now, arrive, requestId: id, correlationId: corr },
      })
    }
  }

  emit(e: SimEvent): void {
    for (const l of this.listeners) l(e)
  }

  // ── clients ─────────────────────────────────────────────────────────────────────────

  private scheduleArrival(c: NodeRT): void {
    if (c.rate <= 0) return
    const mean = 1000 / c.rate
    const gap = c.poisson ? -mean * Math.log(1 - c.arrivalRng.next()) : mean
    this.s.schedule(this.s.now + gap, EV_ARRIVAL, c, 0)
  }

  /** A client's arrival: an operation the client handles with zero service time. */
  private startOperation(c: NodeRT): void {
    const op = this.newReq(K_OP, c, null, null, AT_CALLING)
    op.op = op
    op.pending = 1
    c.issued++
    this.continueJob(op)
  }

  private settleOperation(op: Req, reason: number): void {
    if (reason !== R_NONE && op.failure === R_NONE) op.failure = reason
    if (--op.pending > 0) return
    op.done = true
    const c = op.owner
    const failed = op.failure !== R_NONE
    this.ledger.end(c.index, AT_CALLING, failed ? O_FAILED : O_SUCCEEDED)
    c.latency.add(this.s.now - op.createdAt)
    if (failed) c.failedBy[op.failure] = (c.failedBy[op.failure] as number) + 1
    else c.succeeded++
  }

  // ── services and databases ──────────────────────────────────────────────────────────

  /** Bring the time-weighted sums up to now before a count changes. */
  private touch(n: NodeRT): void {
    const dt = this.s.now - n.last
    if (dt > 0) {
      n.areaSys += n.nSys * dt
      n.areaQueued += n.nQueued * dt
      n.areaBusy += n.nBusy * dt
      n.areaCap += n.upWorkers * dt
      n.last = this.s.now
    }
  }

  private pickReplica(n: NodeRT): Replica | null {
    const reps = n.replicas
    const count = reps.length
    if (count === 1) {
      const r = reps[0] as Replica
      return r.state === NODE_UP ? r : null
    }
    if (!n.leastOutstanding) {
      let k = n.rr
      for (let i = 0; i < count; i++) {
        const r = reps[k] as Replica
        if (++k === count) k = 0
        if (r.state === NODE_UP) {
          n.rr = k
          return r
        }
      }
      return null
    }
    // least outstanding; ties go round robin so equal replicas share the load
    let best: Replica | null = null
    let bestLoad = Infinity
    for (let i = 0; i < count; i++) {
      const r = reps[(n.rr + i) % count] as Replica
      if (r.state !== NODE_UP) continue
      const load = r.busy + r.queue.size
      if (load < bestLoad) {
        best = r
        bestLoad = load
      }
    }
    n.rr = (n.rr + 1) % count
    return best
  }

  private hasRoom(n: NodeRT, r: Replica): boolean {
    return r.busy < n.workers || r.queue.size < n.queueLimit
  }

  /** A request reaches a service: a worker, a place in the queue, or 503. */
  private admit(job: Req): void {
    const n = job.owner
    n.arrivals++
    const rep = this.pickReplica(n)
    if (rep === null) return this.reply(job, R_UNAVAILABLE)
    if (!this.hasRoom(n, rep)) {
      n.rejected++
      return this.reply(job, R_REJECTED)
    }
    this.place(job, rep)
  }

  private place(job: Req, rep: Replica): void {
    const n = job.owner
    this.touch(n)
    n.nSys++
    job.arrivedAt = this.s.now
    if (rep.busy < n.workers) return this.startJob(job, rep)
    job.replica = rep
    this.setPlace(job, AT_QUEUED)
    rep.queue.push(job)
    n.nQueued++
    if (n.nQueued > n.maxQueued) n.maxQueued = n.nQueued
  }

  /** Take a worker (the caller has touched the node's sums). */
  private startJob(job: Req, rep: Replica): void {
    const n = job.owner
    rep.busy++
    n.nBusy++
    job.replica = rep
    job.slot = rep.active.length
    rep.active.push(job)
    this.setPlace(job, AT_PROCESSING)
    this.s.schedule(this.s.now + sample(n.dist, n.timeMs, n.timeRng), EV_DONE, job, job.gen)
  }

  private onServiceDone(job: Req, gen: number): void {
    if (job.gen !== gen) return
    const n = job.owner
    if (n.errorRate > 0 && n.errorRng.next() * 100 < n.errorRate) return this.finishJob(job, R_ERROR)
    this.setPlace(job, AT_CALLING)
    this.continueJob(job)
  }

  /** Make the job's next outgoing call, in link order, each with its call probability. */
  private continueJob(job: Req): void {
    const out = job.owner.out
    const rng = job.owner.callsRng
    while (job.nextCall < out.length) {
      const link = out[job.nextCall++] as LinkRT
      const p = link.probability
      if (p < 100 && !(rng.next() * 100 < p)) continue
      if (link.kindCode === LINK_SYNC) return this.startSync(job, link)
      if (link.kindCode === LINK_ASYNC) return this.startAsync(job, link)
      return this.publish(job, link)
    }
    this.jobDone(job, R_NONE)
  }

  private jobDone(job: Req, reason: number): void {
    if (job.kind === K_OP) this.settleOperation(job, reason)
    else this.finishJob(job, reason)
  }

  /** A job leaves its service: answered, failed, or thrown out by a crash. */
  private finishJob(job: Req, reason: number): void {
    const n = job.owner
    const rep = job.replica as Replica
    this.touch(n)
    n.nSys--
    const heldWorker = job.place !== AT_QUEUED
    if (heldWorker) {
      rep.busy--
      n.nBusy--
      const last = rep.active.pop() as Req
      if (last !== job) {
        rep.active[job.slot] = last
        last.slot = job.slot
      }
      job.slot = -1
    } else n.nQueued--
    n.resp.add(this.s.now - job.arrivedAt)
    if (reason === R_NONE) n.completed++
    else n.failed++
    job.gen++
    if (job.kind === K_ASYNC_JOB) {
      const p = job.poller as AsyncCall
      p.jobStatus = reason === R_NONE ? 1 : 2
      p.jobReason = reason
      this.ledger.end(n.index, job.place, reason === R_NONE ? O_SUCCEEDED : O_FAILED)
    } else this.reply(job, reason)
    if (heldWorker && rep.state === NODE_UP && rep.queue.size > 0) {
      const next = rep.queue.shift() as Req
      n.nQueued--
      this.startJob(next, rep)
    }
  }

  // ── arrivals at a link's target ─────────────────────────────────────────────────────

  private onArrive(r: Req): void {
    switch (r.kind) {
      case K_SYNC:
        return this.admit(r)
      case K_DELIVER: {
        const link = r.link as LinkRT
        // the consumer checks the contract before doing any work
        if (link.kindCode === LINK_MESSAGE && link.contract !== (r.msg as Msg).contract) return this.reply(r, R_CONTRACT)
        return this.admit(r)
      }
      case K_SUBMIT:
        return this.admitAsync(r)
      case K_POLL:
        return this.answerPoll(r)
      case K_PUBLISH:
        return this.receivePublish(r)
      default:
        return
    }
  }

  private onReply(r: Req): void {
    const waiter = r.waiter
    this.ledger.end(r.owner.index, AT_REPLYING, waiter === null ? r.abandonedAs : outcomeOf(r.failure))
    switch (r.kind) {
      case K_SYNC: {
        if (waiter === null) return
        const call = waiter as SyncCall
        call.current = null
        call.reason = r.failure
        this.syncFire(call, r.failure === R_NONE ? SYNC_REPLY_OK : SYNC_REPLY_ERROR)
        return
      }
      case K_SUBMIT: {
        if (waiter === null) return
        const p = waiter as AsyncCall
        p.current = null
        p.reason = r.failure
        this.asyncFire(p, r.failure === R_NONE ? ASYNC_ACCEPTED : ASYNC_REJECTED)
        return
      }
      case K_POLL: {
        if (waiter === null) return
        const p = waiter as AsyncCall
        p.current = null
        if (r.failure !== R_NONE) return void this.asyncFire(p, ASYNC_POLL_ERROR)
        if (r.status === 0) return void this.asyncFire(p, ASYNC_PENDING)
        if (r.status === 1) return void this.asyncFire(p, ASYNC_DONE_EVENT)
        p.reason = r.statusReason
        this.asyncFire(p, ASYNC_FAILED_EVENT)
        return
      }
      case K_PUBLISH: {
        if (waiter === null) return
        const job = waiter as Req
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        if (r.failure !== R_NONE) return this.jobDone(job, r.failure)
        return this.continueJob(job)
      }
      case K_DELIVER: {
        const link = r.link as LinkRT
        link.outstanding--
        if (waiter !== null) {
          const msg = waiter as Msg
          msg.delivery = null
          const t = msg.sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE
          this.deliveryFire(msg, r.failure === R_NONE ? t.ack : r.failure === R_CONTRACT && t.reject >= 0 ? t.reject : t.nack)
        }
        this.dispatchSub(link.sub as Subscription)
        return
      }
      default:
        return
    }
  }

  // ── synchronous HTTP ────────────────────────────────────────────────────────────────

  private startSync(job: Req, link: LinkRT): void {
    const call = new SyncCall(job, link)
    job.awaiting = call
    job.awaitKind = AWAIT_SYNC
    link.calls++
    call.state = SYNC.initial
    this.syncRun(call, SYNC.initialActions, SYNC.initialDelays)
  }

  private syncFire(call: SyncCall, event: number): void {
    const cs = SYNC.table[call.state * SYNC.events.length + event]
    if (cs === undefined) return
    const retry = call.attempt <= call.link.retries ? SYNC_CAN_RETRY : 0
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!
      if (c.guard >= 0 && (retry & (1 << c.guard)) === 0) continue
      call.state = c.target
      call.gen++
      this.trim(call.link.timeoutLane)
      this.syncRun(call, c.actions, c.delays)
      return
    }
  }

  private syncRun(call: SyncCall, actions: readonly number[], delays: readonly number[]): void {
    const link = call.link
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]
      if (a === SYNC_SEND) {
        call.attempt++
        link.attempts++
        if (call.attempt > 1) link.retried++
        const job = call.job
        const r = this.newReq(K_SYNC, link.target, job.op, link, AT_TRAVELLING)
        r.attempt = call.attempt
        r.waiter = call
        call.current = r
        this.send(r, link, C_REQUEST)
      } else if (a === SYNC_ABANDON_ATTEMPT) {
        const r = call.current
        const byCaller = call.state === SYNC_ABANDONED
        if (!byCaller) link.timeouts++
        if (r !== null) {
          r.waiter = null
          r.abandonedAs = byCaller ? O_ABANDONED : O_TIMED_OUT
          call.current = null
        }
      } else if (a === SYNC_RESUME) {
        const job = call.job
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        this.continueJob(job)
      } else if (a === SYNC_FAIL) {
        const job = call.job
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        link.failures++
        this.jobDone(job, call.state === SYNC_TIMED_OUT ? R_TIMEOUT : call.reason)
      }
    }
    for (let i = 0; i < delays.length; i++) {
      if (delays[i] === SYNC_DELAY_TIMEOUT) this.laneAdd(link.timeoutLane, call, call.gen, this.s.now + link.timeoutMs)
      else {
        // exponential backoff with equal jitter: half of the step fixed, half drawn
        const base = link.backoffMs * 2 ** (call.attempt - 1)
        this.s.schedule(this.s.now + base / 2 + (link.jitter.next() * base) / 2, EV_BACKOFF, call, call.gen)
      }
    }
  }

  // ── asynchronous HTTP ───────────────────────────────────────────────────────────────

  private startAsync(job: Req, link: LinkRT): void {
    const op = job.op !== null && !job.op.done ? job.op : null
    if (op !== null) op.pending++
    const p = new AsyncCall(job, link, op, job.op)
    job.awaiting = p
    job.awaitKind = AWAIT_ASYNC
    link.calls++
    p.state = ASYNC.initial
    this.asyncRun(p, ASYNC.initialActions, ASYNC.initialDelays)
  }

  private asyncFire(p: AsyncCall, event: number): void {
    const cs = ASYNC.table[p.state * ASYNC.events.length + event]
    if (cs === undefined) return
    const c = cs[0]! // the async machine has no guards
    p.state = c.target
    p.gen++
    if (ASYNC.final[p.state]) this.trim(p.link.deadlineLane)
    this.asyncRun(p, c.actions, c.delays)
  }

  private asyncRun(p: AsyncCall, actions: readonly number[], delays: readonly number[]): void {
    const link = p.link
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]
      if (a === ASYNC_SEND_SUBMIT) {
        const r = this.newReq(K_SUBMIT, link.target, p.correlation, link, AT_TRAVELLING)
        r.waiter = p
        r.poller = p
        p.current = r
        this.send(r, link, C_REQUEST)
      } else if (a === ASYNC_START_DEADLINE) {
        this.laneAdd(link.deadlineLane, p, 0, this.s.now + link.deadlineMs)
      } else if (a === ASYNC_RESUME) {
        const job = p.job as Req
        p.job = null
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        this.continueJob(job)
      } else if (a === ASYNC_FAIL) {
        const job = p.job
        p.job = null
        if (p.state === ASYNC_EXPIRED) p.reason = R_DEADLINE
        if (job !== null) {
          job.awaiting = null
          job.awaitKind = AWAIT_NONE
          this.jobDone(job, p.reason)
        }
      } else if (a === ASYNC_SEND_POLL) {
        link.polls++
        const r = this.newReq(K_POLL, link.target, p.correlation, link, AT_TRAVELLING)
        r.waiter = p
        r.poller = p
        p.current = r
        this.send(r, link, C_POLL)
      } else if (a === ASYNC_ABANDON_POLL) {
        const r = p.current
        if (r !== null) {
          r.waiter = null
          r.abandonedAs = O_TIMED_OUT
          p.current = null
        }
      } else if (a === ASYNC_SETTLE) {
        let reason = R_NONE
        if (p.state === ASYNC_EXPIRED) {
          link.expired++
          reason = R_DEADLINE
        } else if (p.state !== ASYNC_DONE) {
          link.failures++
          reason = p.reason
        }
        if (p.op !== null) this.settleOperation(p.op, reason)
      }
    }
    for (let i = 0; i < delays.length; i++) this.s.schedule(this.s.now + link.pollMs, EV_POLL, p, p.gen)
  }

  /** The callee records the job and answers 202 at once; the job then waits for a worker. */
  private admitAsync(submit: Req): void {
    const n = submit.owner
    n.arrivals++
    const rep = this.pickReplica(n)
    if (rep === null) return this.reply(submit, R_UNAVAILABLE)
    if (!this.hasRoom(n, rep)) {
      n.rejected++
      return this.reply(submit, R_REJECTED)
    }
    const job = this.newReq(K_ASYNC_JOB, n, submit.op, submit.link, AT_QUEUED)
    job.poller = submit.poller
    this.place(job, rep)
    this.reply(submit, R_NONE)
  }

  /** A status URL is answered from the job's record without taking a worker. */
  private answerPoll(r: Req): void {
    const n = r.owner
    if (this.pickReplica(n) === null) return this.reply(r, R_UNAVAILABLE)
    n.polls++
    const p = r.poller as AsyncCall
    r.status = p.jobStatus
    r.statusReason = p.jobReason
    this.reply(r, R_NONE)
  }

  // ── messages and events ─────────────────────────────────────────────────────────────

  private publish(job: Req, link: LinkRT): void {
    const r = this.newReq(K_PUBLISH, link.target, job.op, link, AT_TRAVELLING)
    r.waiter = job
    job.awaiting = r
    job.awaitKind = AWAIT_PUBLISH
    link.sent++
    this.send(r, link, link.kindCode === LINK_MESSAGE ? C_MESSAGE : C_EVENT)
  }

  /** The broker takes the message (a copy per matching subscription for a topic) or refuses it when full. */
  private receivePublish(r: Req): void {
    const b = r.owner
    const link = r.link as LinkRT
    const subs = b.subs
    if (!b.isTopic) {
      // a queue always has its one subscription (buildWorld), consumed or not
      const sub = subs[0] as Subscription
      if (sub.held >= sub.capacity) {
        b.refused++
        return this.reply(r, R_BROKER_FULL)
      }
      b.published++
      this.newMessage(sub, r, MESSAGE_TABLE)
      return this.reply(r, R_NONE)
    }
    const name = link.eventName
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i] as Subscription
      if (matches(sub, name) && sub.held >= sub.capacity) {
        b.refused++
        return this.reply(r, R_BROKER_FULL)
      }
    }
    b.published++
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i] as Subscription
      if (matches(sub, name)) this.newMessage(sub, r, EVENT_TABLE)
    }
    this.reply(r, R_NONE)
  }

  private touchSub(sub: Subscription): void {
    const dt = this.s.now - sub.last
    if (dt > 0) {
      sub.areaHeld += sub.held * dt
      sub.last = this.s.now
    }
  }

  private newMessage(sub: Subscription, r: Req, t: DeliveryTable): void {
    const msg = new Msg(this.nextId++, sub, r.op, (r.link as LinkRT).contract)
    msg.createdAt = this.s.now
    msg.place = AT_READY
    this.ledger.create(sub.broker.index, AT_READY)
    sub.published++
    this.touchSub(sub)
    sub.held++
    if (sub.held > sub.maxHeld) sub.maxHeld = sub.held
    msg.state = t.machine.initial
    this.deliveryRun(msg, t, t.machine.initialActions, t.machine.initialDelays)
  }

  private deliveryFire(msg: Msg, event: number): void {
    const t = msg.sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE
    const m = t.machine
    const cs = m.table[msg.state * m.events.length + event]
    if (cs === undefined) return
    const bits = msg.deliveries < msg.sub.maxDeliveries ? t.canRedeliver : 0
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!
      if (c.guard >= 0 && (bits & (1 << c.guard)) === 0) continue
      msg.state = c.target
      msg.gen++
      this.trim(msg.sub.lane)
      this.deliveryRun(msg, t, c.actions, c.delays)
      return
    }
  }

  private setMsgPlace(msg: Msg, place: number): void {
    if (msg.place === place) return
    this.ledger.move(msg.sub.broker.index, msg.place, place)
    msg.place = place
  }

  private deliveryRun(msg: Msg, t: DeliveryTable, actions: readonly number[], delays: readonly number[]): void {
    const sub = msg.sub
    for (let i = 0; i < actions.length; i++) {
      switch (t.actionCode[actions[i] as number]) {
        case D_ENQUEUE:
          this.setMsgPlace(msg, AT_READY)
          sub.ready.push(msg)
          this.dispatchSub(sub)
          break
        case D_DELIVER: {
          const link = msg.nextLink as LinkRT
          msg.deliveries++
          sub.delivered++
          this.setMsgPlace(msg, AT_DELIVERING)
          link.outstanding++
          const d = this.newReq(K_DELIVER, link.target, msg.op, link, AT_TRAVELLING)
          d.msg = msg
          d.waiter = msg
          d.attempt = msg.deliveries
          msg.delivery = d
          this.send(d, link, C_DELIVERY)
          break
        }
        case D_ABANDON: {
          const d = msg.delivery
          if (d !== null) {
            d.waiter = null
            d.abandonedAs = O_TIMED_OUT
            msg.delivery = null
          }
          break
        }
        case D_COUNT_REDELIVERY:
          sub.redelivered++
          break
        case D_SETTLE_ACK:
          this.ledger.end(sub.broker.index, msg.place, O_ACKED)
          this.touchSub(sub)
          sub.held--
          sub.acked++
          sub.toAck.add(this.s.now - msg.createdAt)
          break
        case D_DEAD_LETTER:
          this.setMsgPlace(msg, AT_DEAD_LETTERED)
          this.touchSub(sub)
          sub.held--
          sub.deadLettered++
          break
        default:
          break
      }
    }
    if (delays.length > 0) this.laneAdd(sub.lane, msg, msg.gen, this.s.now + sub.ackTimeoutMs)
  }

  /** Hand ready messages to consumers with room, round robin: the next free consumer gets the next message. */
  dispatchSub(sub: Subscription): void {
    if (sub.dispatching) return
    sub.dispatching = true
    const cons = sub.consumers
    const n = cons.length
    while (sub.ready.size > 0 && n > 0) {
      let chosen: LinkRT | null = null
      for (let i = 0; i < n; i++) {
        const k = (sub.rr + i) % n
        const c = cons[k] as LinkRT
        if (c.attached && c.target.upWorkers > c.outstanding) {
          chosen = c
          sub.rr = (k + 1) % n
          break
        }
      }
      if (chosen === null) break
      const msg = sub.ready.shift() as Msg
      msg.nextLink = chosen
      const t = sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE
      this.deliveryFire(msg, t.deliver)
    }
    sub.dispatching = false
  }

  // ── timer lanes ─────────────────────────────────────────────────────────────────────

  private laneAdd(lane: Lane, ref: unknown, gen: number, due: number): void {
    lane.push(ref, gen, due)
    if (!lane.armed && !lane.firing) {
      lane.armed = true
      this.s.schedule(due, EV_LANE, lane, 0)
    }
  }

  /** Drop cancelled timers at the head at once: calls mostly end in the order they
   * started, so this keeps a lane (and the records it references) short. */
  private trim(lane: Lane): void {
    // a short lane costs nothing to keep; checking its head on every transition would
    if (lane.size < 64) return
    while (lane.size > 0 && !this.laneLive(lane, lane.head)) lane.drop()
  }

  private laneLive(lane: Lane, h: number): boolean {
    const ref = lane.refs[h]
    if (lane.kind === LANE_DEADLINE) return !ASYNC.final[(ref as AsyncCall).state]
    if (lane.kind === LANE_ACK) return (ref as Msg).gen === lane.gens[h]
    return (ref as SyncCall).gen === lane.gens[h]
  }

  private onLane(lane: Lane): void {
    lane.armed = false
    lane.firing = true
    const now = this.s.now
    while (lane.size > 0) {
      const h = lane.head
      const ref = lane.refs[h]
      if (!this.laneLive(lane, h)) {
        lane.drop()
        continue
      }
      if ((lane.dues[h] as number) > now) break
      lane.drop()
      if (lane.kind === LANE_DEADLINE) this.asyncFire(ref as AsyncCall, ASYNC_DEADLINE)
      else if (lane.kind === LANE_ACK) {
        const msg = ref as Msg
        this.deliveryFire(msg, (msg.sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE).afterAck)
      } else this.syncFire(ref as SyncCall, SYNC_AFTER_TIMEOUT)
    }
    lane.firing = false
    if (lane.size > 0) {
      lane.armed = true
      this.s.schedule(lane.dues[lane.head] as number, EV_LANE, lane, 0)
    }
  }

  // ── replicas: up, crashed, restarting ───────────────────────────────────────────────

  private enterLifecycle(rep: Replica): void {
    rep.state = LIFECYCLE.initial
    this.lifecycleRun(rep, LIFECYCLE.initialActions, LIFECYCLE.initialDelays)
  }

  lifecycleFire(rep: Replica, event: number): void {
    const cs = LIFECYCLE.table[rep.state * LIFECYCLE.events.length + event]
    if (cs === undefined) return
    const bits = rep.node.healMs > 0 ? NODE_AUTO_HEAL : 0
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!
      if (c.guard >= 0 && (bits & (1 << c.guard)) === 0) continue
      rep.state = c.target
      rep.gen++
      this.lifecycleRun(rep, c.actions, c.delays)
      if (this.listeners.length > 0) this.emit({ type: 'replica', node: rep.node.id, replica: rep.index + 1, state: LIFECYCLE.states[rep.state] as 'up', at: this.s.now })
      return
    }
  }

  private lifecycleRun(rep: Replica, actions: readonly number[], delays: readonly number[]): void {
    const n = rep.node
    for (let i = 0; i < actions.length; i++) {
      if (actions[i] === NODE_RESUME) {
        this.touch(n)
        n.upWorkers += n.workers
        for (const link of n.consumerIn) if (link.sub !== null) this.dispatchSub(link.sub)
      } else if (actions[i] === NODE_FAIL) {
        this.touch(n)
        n.upWorkers -= n.workers
        // queued work fails first, so a freed worker cannot pick it up
        while (rep.queue.size > 0) this.finishJob(rep.queue.shift() as Req, R_CRASHED)
        while (rep.active.length > 0) {
          const job = rep.active[rep.active.length - 1] as Req
          this.abandonAwaited(job)
          this.finishJob(job, R_CRASHED)
        }
      }
    }
    if (delays.length > 0) this.s.schedule(this.s.now + n.healMs, EV_HEAL, rep, rep.gen)
  }

  /** The job's replica is gone: whatever it was waiting on is left to finish unobserved. */
  private abandonAwaited(job: Req): void {
    const kind = job.awaitKind
    const w = job.awaiting
    job.awaiting = null
    job.awaitKind = AWAIT_NONE
    if (kind === AWAIT_SYNC) this.syncFire(w as SyncCall, SYNC_ABANDON)
    else if (kind === AWAIT_ASYNC) {
      const p = w as AsyncCall
      p.job = null
      p.reason = R_CRASHED
      this.asyncFire(p, ASYNC_ABANDON)
    } else if (kind === AWAIT_PUBLISH) {
      const r = w as Req
      r.waiter = null
      r.abandonedAs = O_ABANDONED
    }
  }

  // ── faults ──────────────────────────────────────────────────────────────────────────

  private applyFault(f: Fault): void {
    const { nodes, links } = this.world
    switch (f.action) {
      case 'crash':
      case 'restart': {
        const n = nodes.find((x) => x.id === f.node)
        const reps = n === undefined ? [] : f.replica === undefined ? n.replicas : n.replicas.filter((r) => r.index === (f.replica as number) - 1)
        for (const rep of reps) this.lifecycleFire(rep, f.action === 'crash' ? NODE_CRASH : NODE_RESTART)
        break
      }
      case 'errorRate': {
        const n = nodes.find((x) => x.id === f.node)
        if (n) n.errorRate = f.errorRate
        break
      }
      case 'latency': {
        const l = links.find((x) => x.id === f.link)
        if (l) l.latency = l.baseLatency + f.addMs
        break
      }
      case 'detach':
      case 'attach': {
        const l = links.find((x) => x.id === f.link)
        if (!l) break
        l.attached = f.action === 'attach'
        if (l.attached && l.sub !== null) this.dispatchSub(l.sub)
        break
      }
    }
    if (this.listeners.length > 0) this.emit({ type: 'fault', fault: f, at: this.s.now })
  }
}

/** What a successful answer carries, by record kind (K_*). */
const REPLY_CARRIES = [C_REPLY, C_REPLY, C_ACCEPTED, C_REPLY, C_STATUS, C_BROKER_ACK, C_ACK, C_REPLY]

function matches(sub: Subscription, eventName: string): boolean {
  return sub.filter === null || sub.filter.includes(eventName)
}

