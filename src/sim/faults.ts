import type { Fault } from '../model/faults'
import { dispatchSub } from './brokers'
import { NODE_CRASH, NODE_RESTART } from './compiled'
import type { Engine } from './engine'
import { lifecycleFire } from './lifecycle'

/**
 * The fault timeline applied at its simulated times: crash or restart replicas, add
 * latency to a link, change an error rate or a mean service time, detach or attach a consumer, unsubscribe or
 * subscribe a topic's subscriber, poison the first message sent over a producer's link
 * from then on, change a message link's contract.
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function applyFault(e: Engine, f: Fault): void {
  const { nodes, links } = e.world
  switch (f.action) {
    case 'crash':
    case 'restart': {
      const n = nodes.find((x) => x.id === f.node)
      const reps = n === undefined ? [] : f.replica === undefined ? n.replicas : n.replicas.filter((r) => r.index === (f.replica as number) - 1)
      for (const rep of reps) lifecycleFire(e, rep, f.action === 'crash' ? NODE_CRASH : NODE_RESTART)
      break
    }
    case 'errorRate': {
      const n = nodes.find((x) => x.id === f.node)
      if (n) n.errorRate = f.errorRate
      break
    }
    case 'serviceTime': {
      const n = nodes.find((x) => x.id === f.node)
      if (n) n.timeMs = f.timeMs
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
      if (l.attached && l.sub !== null) dispatchSub(e, l.sub)
      break
    }
    case 'unsubscribe':
    case 'subscribe': {
      const sub = links.find((x) => x.id === f.link)?.sub
      if (sub) sub.subscribed = f.action === 'subscribe'
      break
    }
    case 'poison': {
      links.find((x) => x.id === f.link)?.poisonSince.push(e.s.now)
      break
    }
    case 'contract': {
      const l = links.find((x) => x.id === f.link)
      if (!l) break
      l.contract = f.contract
      // messages already on their way keep the contract they were sent with
      if (l.role === 'publish') (l.contractSince ??= []).push({ at: e.s.now, contract: f.contract })
      break
    }
  }
  if (e.listeners.length > 0) e.emit({ type: 'fault', fault: f, at: e.s.now })
}
