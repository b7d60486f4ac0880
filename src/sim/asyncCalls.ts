import { ASYNC, ASYNC_ABANDON_POLL, ASYNC_ACCEPTED, ASYNC_DONE_EVENT, ASYNC_FAILED_EVENT, ASYNC_PENDING, ASYNC_POLL_ERROR, ASYNC_REJECTED, ASYNC_DONE, ASYNC_EXPIRED, ASYNC_FAIL, ASYNC_RESUME, ASYNC_SEND_POLL, ASYNC_SEND_SUBMIT, ASYNC_SETTLE, ASYNC_START_DEADLINE } from './compiled'
import type { Engine } from './engine'
import { EV_POLL } from './events'
import { AT_QUEUED, AT_TRAVELLING, C_POLL, C_REQUEST, K_ASYNC_JOB, K_DELIVER, K_POLL, K_SUBMIT, failureAt, O_TIMED_OUT, R_DEADLINE, R_NONE, R_REJECTED, R_UNAVAILABLE } from './records'
import { hasRoom, pickReplica, place } from './servers'
import { AsyncCall, AWAIT_ASYNC, AWAIT_NONE, type LinkRT, type Req } from './world'

/**
 * Asynchronous HTTP, driven by the asyncCall machine's table: the callee records the
 * job and answers 202 at once; the caller polls the status URL until done, failed or the
 * deadline (a timer lane per link).
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function startAsync(e: Engine, job: Req, link: LinkRT): void {
  // the operation waits for polling started on its own chain of calls, not for polling a
  // message consumer does later: the producer was released by the broker's ack
  const op = job.kind !== K_DELIVER && job.op !== null && !job.op.done ? job.op : null
  if (op !== null) op.pending++
  const p = new AsyncCall(job, link, op, job.op)
  job.awaiting = p
  job.awaitKind = AWAIT_ASYNC
  link.calls++
  p.state = ASYNC.initial
  asyncRun(e, p, ASYNC.initialActions, ASYNC.initialDelays)
}

/** The answer to a submit (202 or refusal) or to a poll (pending, done, failed, or an
 * error) is back: the call's machine hears it, if the caller still waits. */
export function asyncAnswered(e: Engine, r: Req): void {
  const p = r.waiter as AsyncCall | null
  if (p === null) return
  p.current = null
  if (r.kind === K_SUBMIT) {
    p.reason = r.failure
    return asyncFire(e, p, r.failure === R_NONE ? ASYNC_ACCEPTED : ASYNC_REJECTED)
  }
  if (r.failure !== R_NONE) return asyncFire(e, p, ASYNC_POLL_ERROR)
  if (r.status === 0) return asyncFire(e, p, ASYNC_PENDING)
  if (r.status === 1) return asyncFire(e, p, ASYNC_DONE_EVENT)
  p.reason = r.statusReason
  asyncFire(e, p, ASYNC_FAILED_EVENT)
}

export function asyncFire(e: Engine, p: AsyncCall, event: number): void {
  const cs = ASYNC.table[p.state * ASYNC.events.length + event]
  if (cs === undefined) return
  const c = cs[0]! // the async machine has no guards
  p.state = c.target
  p.gen++
  if (ASYNC.final[p.state]) e.trim(p.link.deadlineLane)
  asyncRun(e, p, c.actions, c.delays)
}

export function asyncRun(e: Engine, p: AsyncCall, actions: readonly number[], delays: readonly number[]): void {
  const link = p.link
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]
    if (a === ASYNC_SEND_SUBMIT) {
      const r = e.newReq(K_SUBMIT, link.target, p.correlation, link, AT_TRAVELLING)
      r.waiter = p
      r.poller = p
      p.current = r
      e.send(r, link, C_REQUEST)
    } else if (a === ASYNC_START_DEADLINE) {
      p.deadlineAt = e.s.now + link.deadlineMs
      e.laneAdd(link.deadlineLane, p, 0, p.deadlineAt)
    } else if (a === ASYNC_RESUME) {
      const job = p.job as Req
      p.job = null
      job.awaiting = null
      job.awaitKind = AWAIT_NONE
      e.continueJob(job)
    } else if (a === ASYNC_FAIL) {
      const job = p.job
      p.job = null
      // the deadline passed waiting on the callee: it happened there
      if (p.state === ASYNC_EXPIRED) p.reason = failureAt(R_DEADLINE, link.target.index)
      if (job !== null) {
        job.awaiting = null
        job.awaitKind = AWAIT_NONE
        e.jobDone(job, p.reason)
      }
    } else if (a === ASYNC_SEND_POLL) {
      link.polls++
      const r = e.newReq(K_POLL, link.target, p.correlation, link, AT_TRAVELLING)
      r.waiter = p
      r.poller = p
      p.current = r
      e.send(r, link, C_POLL)
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
        reason = failureAt(R_DEADLINE, link.target.index)
        if (e.listeners.length > 0) e.emit({ type: 'timeout', link: link.id, requestId: p.current?.id ?? 0, correlationId: p.correlation?.id ?? 0, at: e.s.now })
      } else if (p.state !== ASYNC_DONE) {
        link.failures++
        reason = p.reason
      }
      if (p.op !== null) e.settleOperation(p.op, reason)
    }
  }
  for (let i = 0; i < delays.length; i++) e.s.schedule(e.s.now + link.pollMs, EV_POLL, p, p.gen)
}

/** The callee records the job and answers 202 at once; the job then waits for a worker. */
export function admitAsync(e: Engine, submit: Req): void {
  const n = submit.owner
  n.arrivals++
  const rep = pickReplica(n)
  if (rep === null) return e.reply(submit, R_UNAVAILABLE)
  if (!hasRoom(n, rep)) {
    n.rejected++
    return e.reply(submit, R_REJECTED)
  }
  const job = e.newReq(K_ASYNC_JOB, n, submit.op, submit.link, AT_QUEUED)
  job.poller = submit.poller
  place(e, job, rep)
  e.reply(submit, R_NONE)
}

/** A status URL is answered from the job's record without taking a worker. */
export function answerPoll(e: Engine, r: Req): void {
  const n = r.owner
  if (pickReplica(n) === null) return e.reply(r, R_UNAVAILABLE)
  n.polls++
  const p = r.poller as AsyncCall
  r.status = p.jobStatus
  r.statusReason = p.jobReason
  e.reply(r, R_NONE)
}
