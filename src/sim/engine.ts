import type { Fault } from '../model/faults'
import type { Diagram } from '../model/types'
import { admitAsync, answerPoll, asyncAnswered, asyncFire, startAsync } from './asyncCalls'
import { deliveryAnswered, deliveryFire, publish, receivePublish } from './brokers'
import { ASYNC, ASYNC_AFTER_POLL, ASYNC_DEADLINE, EVENT_TABLE, MESSAGE_TABLE, NODE_AFTER_HEAL, SYNC_AFTER_BACKOFF, SYNC_AFTER_TIMEOUT, SYNC_REPLY_ERROR, SYNC_REPLY_OK } from './compiled'
import { EV_ARRIVAL, EV_ARRIVE, EV_BACKOFF, EV_BURST, EV_DONE, EV_FAULT, EV_HEAL, EV_LANE, EV_POLL, EV_REPLY } from './events'
import { applyFault } from './faults'
import { Ledger } from './ledger'
import { enterLifecycle, lifecycleFire } from './lifecycle'
import { AT_CALLING, AT_REPLYING, failureAt, originOf, REASON_MASK, C_ACCEPTED, C_ACK, C_BROKER_ACK, C_ERROR, C_NACK, C_REPLY, C_STATUS, CARRIES, type CarriesName, DIR_BACK, DIR_FORWARD, K_DELIVER, K_OP, K_POLL, K_PUBLISH, K_SUBMIT, K_SYNC, O_FAILED, O_SUCCEEDED, outcomeOf, R_CONTRACT, R_NONE, REASONS, type FailureName } from './records'
import { NONE, Scheduler } from './scheduler'
import { admit, finishJob, onServiceDone } from './servers'
import { startSync, syncFire } from './syncCalls'
import { TraceRing } from './trace'
import type { SimEvent } from './types'
import { type AsyncCall, AWAIT_NONE, buildWorld, type Lane, LANE_ACK, LANE_DEADLINE, LINK_ASYNC, LINK_MESSAGE, LINK_SYNC, type LinkRT, type Msg, type NodeRT, type Replica, Req, type SyncCall, type World } from './world'

export interface EngineOptions {
  diagram: Diagram
  seed: number
  faults: readonly Fault[]
  traceCapacity: number
}

/**
 * The simulation itself: the world of a diagram advanced by one scheduler. This file holds
 * the loop and what every pattern shares (records and hops, operations, the chain of a
 * job's outgoing calls, timer lanes); each pattern lives in its own file (servers,
 * syncCalls, asyncCalls, brokers, lifecycle, faults) as functions of the engine. Patterns
 * follow their compiled machines (compiled.ts): a `*Fire` function asks the table where an
 * event leads, then runs the named actions and starts the named delays. Every move of a
 * record sets its place, and the ledger counts what is created and ended, so conservation
 * can be checked at any event (census.ts, audit.ts).
 * Pure: no clock, no Math.random, no I/O. Its members are internal; the public API is
 * index.ts.
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
  nextId = 1
  readonly linkIds: string[]

  constructor(o: EngineOptions) {
    this.seed = o.seed
    this.world = buildWorld(o.diagram, o.seed)
    this.linkIds = this.world.links.map((l) => l.id)
    this.ledger = new Ledger(this.world.nodes.length)
    this.trace = new TraceRing(o.traceCapacity)
    for (const node of this.world.nodes) {
      for (const rep of node.replicas) enterLifecycle(this, rep)
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

  /** Add a fault to the timeline; one in the past happens now. A fault acts before any
   * other event of its instant, so one added live at a later instant replays exactly. */
  inject(f: Fault): void {
    this.faults.push(f)
    this.s.scheduleFirst(Math.max(this.s.now, f.at), EV_FAULT, f, this.faults.length - 1)
  }

  /** Process one event; false when nothing is left to happen. */
  step(): boolean {
    const ref = this.s.pop()
    if (ref === NONE) return false
    this.dispatch(ref)
    return true
  }

  /** Process every event due at or before `t`, then stand at `t`. */
  runUntil(t: number): void {
    const s = this.s
    let ref: unknown
    while ((ref = s.popUntil(t)) !== NONE) this.dispatch(ref)
    if (t > s.now) s.now = t
  }

  linkId(i: number): string {
    return this.linkIds[i] as string
  }

  /** A node's id by index; undefined for -1 (no node). */
  nodeId(i: number): string | undefined {
    return this.world.nodes[i]?.id
  }

  /** Run the event just popped: its object is `ref`, its type and tag are on the scheduler. */
  dispatch(ref: unknown): void {
    this.events++
    const s = this.s
    switch (s.type) {
      case EV_ARRIVE:
        this.onArrive(ref as Req)
        break
      case EV_DONE:
        onServiceDone(this, ref as Req, s.tag)
        break
      case EV_REPLY:
        this.onReply(ref as Req)
        break
      case EV_ARRIVAL: {
        const client = ref as NodeRT
        this.scheduleArrival(client)
        this.startOperation(client)
        break
      }
      case EV_LANE:
        this.onLane(ref as Lane)
        break
      case EV_BACKOFF: {
        const call = ref as SyncCall
        if (call.gen === s.tag) syncFire(this, call, SYNC_AFTER_BACKOFF)
        break
      }
      case EV_POLL: {
        const p = ref as AsyncCall
        // a poll due on the very instant of the deadline is not sent: the deadline, which
        // acts last at its instant, ends the call then, and the poll could only be wasted
        if (p.gen === s.tag && s.now < p.deadlineAt) asyncFire(this, p, ASYNC_AFTER_POLL)
        break
      }
      case EV_HEAL: {
        const rep = ref as Replica
        if (rep.gen === s.tag) lifecycleFire(this, rep, NODE_AFTER_HEAL)
        break
      }
      case EV_BURST: {
        const client = ref as NodeRT
        this.s.schedule(s.now + client.burstEveryMs, EV_BURST, client, 0)
        for (let i = 0; i < client.burstSize; i++) this.startOperation(client)
        break
      }
      case EV_FAULT:
        applyFault(this, ref as Fault)
        break
      default:
        break
    }
  }

  // ── records and hops ────────────────────────────────────────────────────────────────

  newReq(kind: number, owner: NodeRT, op: Req | null, link: LinkRT | null, place: number): Req {
    const r = new Req(this.nextId++, kind, owner, op, link, this.s.now, place)
    this.ledger.create(owner.index)
    return r
  }

  /** Put a new record on its link towards the link's target. */
  send(r: Req, link: LinkRT, carries: number): void {
    const arrive = this.s.scheduleIn(link.latency, EV_ARRIVE, r, 0)
    this.hop(link, DIR_FORWARD, carries, arrive, r, R_NONE)
  }

  /** Send a record's answer back over the link it came by. A failure that does not yet say
   * where it happened happened here, at the record's owner. */
  reply(r: Req, reason: number): void {
    if (reason !== R_NONE) reason = failureAt(reason, r.owner.index)
    r.failure = reason
    r.place = AT_REPLYING
    const link = r.link as LinkRT
    const arrive = this.s.scheduleIn(link.latency, EV_REPLY, r, 0)
    const carries = reason === R_NONE ? (REPLY_CARRIES[r.kind] as number) : r.kind === K_DELIVER ? C_NACK : C_ERROR
    this.hop(link, DIR_BACK, carries, arrive, r, reason)
  }

  /** `reason`: why an error or nack failed and where (records.ts failureAt; R_NONE for
   * everything else). */
  hop(link: LinkRT, dir: number, carries: number, arrive: number, r: Req, reason: number): void {
    this.trace.push(link.index, dir, carries, this.s.now, arrive, r.id, r.corr, reason, r.attempt)
    if (this.listeners.length > 0) this.emitHop(link, dir, carries, arrive, r.id, r.corr, reason, r.attempt)
  }

  /** Kept out of hop() so the hop every event makes stays small enough to inline. */
  emitHop(link: LinkRT, dir: number, carries: number, arrive: number, id: number, corr: number, reason: number, attempt: number): void {
    this.emit({
      type: 'hop',
      hop: {
        link: link.id,
        direction: dir === DIR_BACK ? 'back' : 'forward',
        carries: CARRIES[carries] as CarriesName,
        depart: this.s.now,
        arrive,
        requestId: id,
        correlationId: corr,
        attempt,
        reason: reason === R_NONE ? undefined : (REASONS[reason & REASON_MASK] as FailureName),
        origin: reason === R_NONE ? undefined : this.nodeId(originOf(reason)),
      },
    })
  }

  emit(e: SimEvent): void {
    for (const l of this.listeners) l(e)
  }

  // ── clients ─────────────────────────────────────────────────────────────────────────

  scheduleArrival(c: NodeRT): void {
    if (c.rate <= 0) return
    const mean = 1000 / c.rate
    const gap = c.poisson ? -mean * Math.log(1 - c.arrivalRng.next()) : mean
    this.s.schedule(this.s.now + gap, EV_ARRIVAL, c, 0)
  }

  /** A client's arrival: an operation the client handles with zero service time. */
  startOperation(c: NodeRT): void {
    const op = this.newReq(K_OP, c, null, null, AT_CALLING)
    op.op = op
    op.pending = 1
    c.issued++
    this.continueJob(op)
  }

  settleOperation(op: Req, reason: number): void {
    if (reason !== R_NONE && op.failure === R_NONE) op.failure = reason
    if (--op.pending > 0) return
    op.done = true
    const c = op.owner
    const failed = op.failure !== R_NONE
    this.ledger.end(c.index, failed ? O_FAILED : O_SUCCEEDED)
    c.latency.add(this.s.now - op.createdAt)
    if (failed) {
      const reason = op.failure & REASON_MASK
      c.failedBy[reason] = (c.failedBy[reason] as number) + 1
    }
    else c.succeeded++
  }

  // ── services and databases ──────────────────────────────────────────────────────────

  /** Bring the time-weighted sums up to now before a count changes. */
  touch(n: NodeRT): void {
    const dt = this.s.now - n.last
    if (dt > 0) {
      n.areaSys += n.nSys * dt
      n.areaQueued += n.nQueued * dt
      n.areaBusy += n.nBusy * dt
      n.areaCap += n.upWorkers * dt
      n.last = this.s.now
    }
  }

  /** Make the job's next outgoing call, in link order, each with its call probability. */
  continueJob(job: Req): void {
    const out = job.owner.out
    const rng = job.owner.callsRng
    while (job.nextCall < out.length) {
      const link = out[job.nextCall++] as LinkRT
      const p = link.probability
      if (p < 100 && !(rng.next() * 100 < p)) continue
      if (link.kindCode === LINK_SYNC) return startSync(this, job, link)
      if (link.kindCode === LINK_ASYNC) return startAsync(this, job, link)
      return publish(this, job, link)
    }
    this.jobDone(job, R_NONE)
  }

  jobDone(job: Req, reason: number): void {
    if (job.kind === K_OP) this.settleOperation(job, reason)
    else finishJob(this, job, reason)
  }

  // ── arrivals at a link's target ─────────────────────────────────────────────────────

  onArrive(r: Req): void {
    switch (r.kind) {
      case K_SYNC:
        return admit(this, r)
      case K_DELIVER: {
        const link = r.link as LinkRT
        // the consumer checks the contract before doing any work
        if (link.kindCode === LINK_MESSAGE && link.contract !== (r.msg as Msg).contract) return this.reply(r, R_CONTRACT)
        return admit(this, r)
      }
      case K_SUBMIT:
        return admitAsync(this, r)
      case K_POLL:
        return answerPoll(this, r)
      case K_PUBLISH:
        return receivePublish(this, r)
      default:
        return
    }
  }

  onReply(r: Req): void {
    const waiter = r.waiter
    this.ledger.end(r.owner.index, waiter === null ? r.abandonedAs : outcomeOf(r.failure, r.owner.index))
    switch (r.kind) {
      case K_SYNC: {
        if (waiter === null) return
        const call = waiter as SyncCall
        call.current = null
        call.reason = r.failure
        syncFire(this, call, r.failure === R_NONE ? SYNC_REPLY_OK : SYNC_REPLY_ERROR)
        return
      }
      case K_SUBMIT:
      case K_POLL:
        return asyncAnswered(this, r)
      case K_PUBLISH: {
        if (waiter === null) return
        const job = waiter as Req
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        if (r.failure !== R_NONE) return this.jobDone(job, r.failure)
        return this.continueJob(job)
      }
      case K_DELIVER:
        return deliveryAnswered(this, r)
      default:
        return
    }
  }

  // ── synchronous HTTP ────────────────────────────────────────────────────────────────

  // ── asynchronous HTTP ───────────────────────────────────────────────────────────────

  // ── messages and events ─────────────────────────────────────────────────────────────

  // ── timer lanes ─────────────────────────────────────────────────────────────────────

  /** A lane's event is scheduled last at its instant: every timer in a lane is a deadline,
   * and an answer arriving on the very instant of its deadline is on time (README). */
  laneAdd(lane: Lane, ref: unknown, gen: number, due: number): void {
    lane.push(ref, gen, due)
    if (!lane.armed && !lane.firing) {
      lane.armed = true
      this.s.scheduleLast(due, EV_LANE, lane, 0)
    }
  }

  /** Drop cancelled timers at the head at once: calls mostly end in the order they
   * started, so this keeps a lane (and the records it references) short. */
  trim(lane: Lane): void {
    // a short lane costs nothing to keep; checking its head on every transition would
    if (lane.size < 64) return
    while (lane.size > 0 && !this.laneLive(lane, lane.head)) lane.drop()
  }

  laneLive(lane: Lane, h: number): boolean {
    const ref = lane.refs[h]
    if (lane.kind === LANE_DEADLINE) return !ASYNC.final[(ref as AsyncCall).state]
    if (lane.kind === LANE_ACK) return (ref as Msg).gen === lane.gens[h]
    return (ref as SyncCall).gen === lane.gens[h]
  }

  onLane(lane: Lane): void {
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
      if (lane.kind === LANE_DEADLINE) asyncFire(this, ref as AsyncCall, ASYNC_DEADLINE)
      else if (lane.kind === LANE_ACK) {
        const msg = ref as Msg
        deliveryFire(this, msg, (msg.sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE).afterAck)
      } else syncFire(this, ref as SyncCall, SYNC_AFTER_TIMEOUT)
    }
    lane.firing = false
    if (lane.size > 0) {
      lane.armed = true
      this.s.scheduleLast(lane.dues[lane.head] as number, EV_LANE, lane, 0)
    }
  }

  // ── replicas: up, crashed, restarting ───────────────────────────────────────────────

  // ── faults ──────────────────────────────────────────────────────────────────────────

}

/** What a successful answer carries, by record kind (K_*). */
const REPLY_CARRIES = [C_REPLY, C_REPLY, C_ACCEPTED, C_REPLY, C_STATUS, C_BROKER_ACK, C_ACK, C_REPLY]
