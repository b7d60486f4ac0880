import { SYNC, SYNC_ABANDON_ATTEMPT, SYNC_ABANDONED, SYNC_CAN_RETRY, SYNC_DELAY_TIMEOUT, SYNC_FAIL, SYNC_RESUME, SYNC_SEND, SYNC_TIMED_OUT } from './compiled'
import type { Engine } from './engine'
import { EV_BACKOFF } from './events'
import { AT_TRAVELLING, C_REQUEST, failureAt, K_SYNC, O_ABANDONED, O_TIMED_OUT, R_TIMEOUT } from './records'
import { AWAIT_NONE, AWAIT_SYNC, type LinkRT, type Req, SyncCall } from './world'

/**
 * Synchronous HTTP from the caller's side, driven by the syncCall machine's table:
 * attempts, per-attempt timeouts (a timer lane per link), retries after exponential
 * backoff with equal jitter. A timed-out attempt is abandoned, never cancelled.
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function startSync(e: Engine, job: Req, link: LinkRT): void {
  const call = new SyncCall(job, link)
  job.awaiting = call
  job.awaitKind = AWAIT_SYNC
  link.calls++
  call.state = SYNC.initial
  syncRun(e, call, SYNC.initialActions, SYNC.initialDelays)
}

export function syncFire(e: Engine, call: SyncCall, event: number): void {
  const cs = SYNC.table[call.state * SYNC.events.length + event]
  if (cs === undefined) return
  const retry = call.attempt <= call.link.retries ? SYNC_CAN_RETRY : 0
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!
    if (c.guard >= 0 && (retry & (1 << c.guard)) === 0) continue
    call.state = c.target
    call.gen++
    e.trim(call.link.timeoutLane)
    syncRun(e, call, c.actions, c.delays)
    return
  }
}

export function syncRun(e: Engine, call: SyncCall, actions: readonly number[], delays: readonly number[]): void {
  const link = call.link
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]
    if (a === SYNC_SEND) {
      call.attempt++
      link.attempts++
      if (call.attempt > 1) link.retried++
      const job = call.job
      const r = e.newReq(K_SYNC, link.target, job.op, link, AT_TRAVELLING)
      r.attempt = call.attempt
      r.waiter = call
      call.current = r
      e.send(r, link, C_REQUEST)
    } else if (a === SYNC_ABANDON_ATTEMPT) abandonAttempt(e, call)
    else if (a === SYNC_RESUME) {
      const job = call.job
      job.awaiting = null
      job.awaitKind = AWAIT_NONE
      e.continueJob(job)
    } else if (a === SYNC_FAIL) failCaller(e, call)
  }
  for (let i = 0; i < delays.length; i++) {
    if (delays[i] === SYNC_DELAY_TIMEOUT) e.laneAdd(link.timeoutLane, call, call.gen, e.s.now + link.timeoutMs)
    else scheduleBackoff(e, call)
  }
}

/** Exponential backoff with equal jitter before the next attempt: half of the step fixed, half drawn. */
function scheduleBackoff(e: Engine, call: SyncCall): void {
  const link = call.link
  const base = link.backoffMs * 2 ** (call.attempt - 1)
  e.s.schedule(e.s.now + base / 2 + (link.jitter.next() * base) / 2, EV_BACKOFF, call, call.gen)
}

/** The caller stops waiting for its attempt: by its own timeout, or because its job went away. */
function abandonAttempt(e: Engine, call: SyncCall): void {
  const link = call.link
  const r = call.current
  const byCaller = call.state === SYNC_ABANDONED
  if (!byCaller) {
    link.timeouts++
    if (e.listeners.length > 0) e.emit({ type: 'timeout', link: link.id, requestId: r?.id ?? 0, correlationId: r?.corr ?? call.job.op?.id ?? 0, at: e.s.now })
  }
  if (r !== null) {
    r.waiter = null
    r.abandonedAs = byCaller ? O_ABANDONED : O_TIMED_OUT
    call.current = null
  }
}

/** The call failed for good: the caller's job fails with the attempt's reason, or a
 * timeout, which happened at the callee that did not answer in time. */
function failCaller(e: Engine, call: SyncCall): void {
  const job = call.job
  job.awaiting = null
  job.awaitKind = AWAIT_NONE
  call.link.failures++
  e.jobDone(job, call.state === SYNC_TIMED_OUT ? failureAt(R_TIMEOUT, call.link.target.index) : call.reason)
}
