import { asyncFire } from './asyncCalls'
import { dispatchSub } from './brokers'
import { ASYNC_ABANDON, LIFECYCLE, NODE_AUTO_HEAL, NODE_FAIL, NODE_RESUME, SYNC_ABANDON } from './compiled'
import type { Engine } from './engine'
import { EV_HEAL } from './events'
import { failureAt, O_ABANDONED, R_CRASHED } from './records'
import { finishJob } from './servers'
import { syncFire } from './syncCalls'
import { type AsyncCall, AWAIT_ASYNC, AWAIT_NONE, AWAIT_PUBLISH, AWAIT_SYNC, type Replica, type Req, type SyncCall } from './world'

/**
 * Replicas going up, crashing and restarting, driven by the nodeLifecycle machine's
 * table. A crash fails the replica's queued and running work with a connection error;
 * whatever that work was waiting on is left to finish unobserved.
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function enterLifecycle(e: Engine, rep: Replica): void {
  rep.state = LIFECYCLE.initial
  lifecycleRun(e, rep, LIFECYCLE.initialActions, LIFECYCLE.initialDelays)
}

export function lifecycleFire(e: Engine, rep: Replica, event: number): void {
  const cs = LIFECYCLE.table[rep.state * LIFECYCLE.events.length + event]
  if (cs === undefined) return
  const bits = rep.node.healMs > 0 ? NODE_AUTO_HEAL : 0
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!
    if (c.guard >= 0 && (bits & (1 << c.guard)) === 0) continue
    rep.state = c.target
    rep.gen++
    lifecycleRun(e, rep, c.actions, c.delays)
    if (e.listeners.length > 0) e.emit({ type: 'replica', node: rep.node.id, replica: rep.index + 1, state: LIFECYCLE.states[rep.state] as 'up', at: e.s.now })
    return
  }
}

export function lifecycleRun(e: Engine, rep: Replica, actions: readonly number[], delays: readonly number[]): void {
  const n = rep.node
  for (let i = 0; i < actions.length; i++) {
    if (actions[i] === NODE_RESUME) {
      e.touch(n)
      n.upWorkers += n.workers
      for (const link of n.consumerIn) if (link.sub !== null) dispatchSub(e, link.sub)
    } else if (actions[i] === NODE_FAIL) {
      e.touch(n)
      n.upWorkers -= n.workers
      // queued work fails first, so a freed worker cannot pick it up
      while (rep.queue.size > 0) finishJob(e, rep.queue.shift() as Req, R_CRASHED)
      while (rep.active.length > 0) {
        const job = rep.active[rep.active.length - 1] as Req
        abandonAwaited(e, job)
        finishJob(e, job, R_CRASHED)
      }
    }
  }
  if (delays.length > 0) e.s.schedule(e.s.now + n.healMs, EV_HEAL, rep, rep.gen)
}

/** The job's replica is gone: whatever it was waiting on is left to finish unobserved. */
export function abandonAwaited(e: Engine, job: Req): void {
  const kind = job.awaitKind
  const w = job.awaiting
  job.awaiting = null
  job.awaitKind = AWAIT_NONE
  if (kind === AWAIT_SYNC) syncFire(e, w as SyncCall, SYNC_ABANDON)
  else if (kind === AWAIT_ASYNC) {
    const p = w as AsyncCall
    p.job = null
    p.reason = failureAt(R_CRASHED, job.owner.index)
    asyncFire(e, p, ASYNC_ABANDON)
  } else if (kind === AWAIT_PUBLISH) {
    const r = w as Req
    r.waiter = null
    r.abandonedAs = O_ABANDONED
  }
}
