import { NODE_UP } from './compiled'
import { DIST_CONSTANT, sample } from './distributions'
import type { Engine } from './engine'
import { EV_DONE } from './events'
import { AT_CALLING, AT_PROCESSING, AT_QUEUED, failureAt, K_ASYNC_JOB, O_FAILED, O_SUCCEEDED, R_ERROR, R_NONE, R_REJECTED, R_UNAVAILABLE } from './records'
import type { AsyncCall, NodeRT, Replica, Req } from './world'

/**
 * Services and databases: a request takes a worker of a replica chosen by the balancing
 * rule, or waits FIFO in that replica's queue, or is answered 503 beyond the queue limit.
 * The worker is held through the service time and every outgoing call.
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function pickReplica(n: NodeRT): Replica | null {
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

export function hasRoom(n: NodeRT, r: Replica): boolean {
  return r.busy < n.workers || r.queue.size < n.queueLimit
}

/** A request reaches a service: a worker, a place in the queue, or 503. */
export function admit(e: Engine, job: Req): void {
  const n = job.owner
  n.arrivals++
  const rep = pickReplica(n)
  if (rep === null) return e.reply(job, R_UNAVAILABLE)
  if (!hasRoom(n, rep)) {
    n.rejected++
    return e.reply(job, R_REJECTED)
  }
  place(e, job, rep)
}

export function place(e: Engine, job: Req, rep: Replica): void {
  const n = job.owner
  e.touch(n)
  n.nSys++
  job.arrivedAt = e.s.now
  if (rep.busy < n.workers) return startJob(e, job, rep)
  job.replica = rep
  job.place = AT_QUEUED
  rep.queue.push(job)
  n.nQueued++
  if (n.nQueued > n.maxQueued) n.maxQueued = n.nQueued
}

/** Take a worker (the caller has touched the node's sums). */
export function startJob(e: Engine, job: Req, rep: Replica): void {
  const n = job.owner
  rep.busy++
  n.nBusy++
  job.replica = rep
  job.slot = rep.active.length
  rep.active.push(job)
  job.place = AT_PROCESSING
  // a constant service time is a fixed delay: it queues in the scheduler's FIFO for that
  // delay instead of its heap (same order, cheaper; see scheduler.ts)
  if (n.dist === DIST_CONSTANT) e.s.scheduleIn(n.timeMs, EV_DONE, job, job.gen)
  else e.s.schedule(e.s.now + sample(n.dist, n.timeMs, n.timeRng), EV_DONE, job, job.gen)
}

export function onServiceDone(e: Engine, job: Req, gen: number): void {
  if (job.gen !== gen) return
  const n = job.owner
  if (n.errorRate > 0 && n.errorRng.next() * 100 < n.errorRate) return finishJob(e, job, R_ERROR)
  // a poison message fails whoever processes it, whatever their error rate
  const msg = job.msg
  if (msg !== null && msg.poison) return finishJob(e, job, R_ERROR)
  job.place = AT_CALLING
  e.continueJob(job)
}

/** A job leaves its service: answered, failed, or thrown out by a crash. */
export function finishJob(e: Engine, job: Req, reason: number): void {
  const n = job.owner
  const rep = job.replica as Replica
  e.touch(n)
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
  n.resp.add(e.s.now - job.arrivedAt)
  if (reason === R_NONE) n.completed++
  else n.failed++
  job.gen++
  if (job.kind === K_ASYNC_JOB) {
    const p = job.poller as AsyncCall
    p.jobStatus = reason === R_NONE ? 1 : 2
    p.jobReason = failureAt(reason, n.index)
    e.ledger.end(n.index, reason === R_NONE ? O_SUCCEEDED : O_FAILED)
  } else e.reply(job, reason)
  if (heldWorker && rep.state === NODE_UP && rep.queue.size > 0) {
    const next = rep.queue.shift() as Req
    n.nQueued--
    startJob(e, next, rep)
  }
}
