import { D_ABANDON, D_COUNT_REDELIVERY, D_DEAD_LETTER, D_DELIVER, D_ENQUEUE, D_SETTLE_ACK, type DeliveryTable, EVENT_TABLE, MESSAGE_TABLE } from './compiled'
import type { Engine } from './engine'
import { AT_DEAD_LETTERED, AT_DELIVERING, AT_READY, AT_TRAVELLING, C_DELIVERY, C_EVENT, C_MESSAGE, K_DELIVER, K_PUBLISH, O_ACKED, O_TIMED_OUT, R_BROKER_FULL, R_CONTRACT, R_NONE, REASON_MASK } from './records'
import { AWAIT_PUBLISH, LINK_MESSAGE, type LinkRT, Msg, type Req, type Subscription } from './world'

/**
 * Queues and topics: publishes (refused when full), one subscription per queue or per
 * topic subscriber, dispatch to the next consumer with room, and each message's delivery
 * machine (ack, redelivery, dead letter).
 * Functions of the engine's internals (see engine.ts), pure apart from the engine's state.
 */
export function publish(e: Engine, job: Req, link: LinkRT): void {
  const r = e.newReq(K_PUBLISH, link.target, job.op, link, AT_TRAVELLING)
  r.waiter = job
  job.awaiting = r
  job.awaitKind = AWAIT_PUBLISH
  link.sent++
  e.send(r, link, link.kindCode === LINK_MESSAGE ? C_MESSAGE : C_EVENT)
}

/** The broker takes the message (a copy per matching subscription for a topic) or refuses it when full. */
export function receivePublish(e: Engine, r: Req): void {
  const b = r.owner
  const link = r.link as LinkRT
  const subs = b.subs
  if (!b.isTopic) {
    // a queue always has its one subscription (buildWorld), consumed or not
    const sub = subs[0] as Subscription
    if (sub.held >= sub.capacity) {
      b.refused++
      return e.reply(r, R_BROKER_FULL)
    }
    b.published++
    newMessage(e, sub, r, takePoison(link, r.createdAt), MESSAGE_TABLE)
    return e.reply(r, R_NONE)
  }
  const name = link.eventName
  for (let i = 0; i < subs.length; i++) {
    const sub = subs[i] as Subscription
    if (sub.subscribed && matches(sub, name) && sub.held >= sub.capacity) {
      b.refused++
      return e.reply(r, R_BROKER_FULL)
    }
  }
  b.published++
  // a poison event poisons every copy (each subscriber chokes on it); one nobody gets
  // leaves the poison for the next event
  let copies = 0
  for (let i = 0; i < subs.length; i++) {
    const sub = subs[i] as Subscription
    if (sub.subscribed && matches(sub, name)) copies++
  }
  const poison = copies > 0 && takePoison(link, r.createdAt)
  for (let i = 0; i < subs.length; i++) {
    const sub = subs[i] as Subscription
    if (sub.subscribed && matches(sub, name)) newMessage(e, sub, r, poison, EVENT_TABLE)
  }
  e.reply(r, R_NONE)
}

/** Whether the message the broker takes now, sent at `sentAt`, is the one a poison fault
 * waits for: the first sent since the fault. */
function takePoison(link: LinkRT, sentAt: number): boolean {
  const waiting = link.poisonSince
  if (waiting.length === 0 || (waiting[0] as number) > sentAt) return false
  waiting.shift()
  return true
}

/** The contract a producer's link spoke when this message was sent. */
function contractWhenSent(link: LinkRT, sentAt: number): string {
  const since = link.contractSince
  if (since === null) return link.contract
  for (let i = since.length - 1; i >= 0; i--) {
    const c = since[i] as { at: number; contract: string }
    if (c.at <= sentAt) return c.contract
  }
  return link.baseContract
}

export function touchSub(e: Engine, sub: Subscription): void {
  const dt = e.s.now - sub.last
  if (dt > 0) {
    sub.areaHeld += sub.held * dt
    sub.last = e.s.now
  }
}

export function newMessage(e: Engine, sub: Subscription, r: Req, poison: boolean, t: DeliveryTable): void {
  const msg = new Msg(e.nextId++, sub, r.op, contractWhenSent(r.link as LinkRT, r.createdAt), poison, e.s.now, AT_READY)
  e.ledger.create(sub.broker.index)
  sub.published++
  touchSub(e, sub)
  sub.held++
  if (sub.held > sub.maxHeld) sub.maxHeld = sub.held
  msg.state = t.machine.initial
  deliveryRun(e, msg, t, t.machine.initialActions, t.machine.initialDelays)
}

export function deliveryFire(e: Engine, msg: Msg, event: number): void {
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
    e.trim(msg.sub.lane)
    deliveryRun(e, msg, t, c.actions, c.delays)
    return
  }
}

export function deliveryRun(e: Engine, msg: Msg, t: DeliveryTable, actions: readonly number[], delays: readonly number[]): void {
  const sub = msg.sub
  for (let i = 0; i < actions.length; i++) {
    switch (t.actionCode[actions[i] as number]) {
      case D_ENQUEUE:
        msg.place = AT_READY
        sub.ready.push(msg)
        dispatchSub(e, sub)
        break
      case D_DELIVER: {
        const link = msg.nextLink as LinkRT
        msg.deliveries++
        sub.delivered++
        msg.place = AT_DELIVERING
        link.outstanding++
        const d = e.newReq(K_DELIVER, link.target, msg.op, link, AT_TRAVELLING)
        d.msg = msg
        d.waiter = msg
        d.attempt = msg.deliveries
        msg.delivery = d
        e.send(d, link, C_DELIVERY)
        break
      }
      case D_ABANDON: {
        const d = msg.delivery
        if (d !== null) {
          d.waiter = null
          d.abandonedAs = O_TIMED_OUT
          msg.delivery = null
          // only an ack timeout abandons a delivery (the machines' `after: ackTimeout`)
          if (e.listeners.length > 0) emitAckTimeout(e, msg, d)
        }
        break
      }
      case D_COUNT_REDELIVERY:
        sub.redelivered++
        break
      case D_SETTLE_ACK:
        e.ledger.end(sub.broker.index, O_ACKED)
        touchSub(e, sub)
        sub.held--
        sub.acked++
        sub.toAck.add(e.s.now - msg.createdAt)
        break
      case D_DEAD_LETTER:
        deadLetter(e, msg)
        break
      default:
        break
    }
  }
  if (delays.length > 0) e.laneAdd(sub.lane, msg, msg.gen, e.s.now + sub.ackTimeoutMs)
}

/** Kept out of deliveryRun: nothing of it runs when nobody listens. */
function emitAckTimeout(e: Engine, msg: Msg, d: Req): void {
  const link = d.link as LinkRT
  e.emit({ type: 'ackTimeout', node: msg.sub.broker.id, link: link.id, requestId: d.id, correlationId: d.corr, deliveries: msg.deliveries, redeliver: msg.deliveries < msg.sub.maxDeliveries, at: e.s.now })
}

/** A message leaves its subscription for the dead-letter queue, where it stays. */
function deadLetter(e: Engine, msg: Msg): void {
  const sub = msg.sub
  msg.place = AT_DEAD_LETTERED
  touchSub(e, sub)
  sub.held--
  sub.deadLettered++
  // after the counts, so a listener reading metrics sees the message where it now is
  if (e.listeners.length > 0) {
    const link = sub.link ?? msg.delivery?.link ?? msg.nextLink
    const mismatch = link && link.kindCode === LINK_MESSAGE && link.contract !== msg.contract ? { sent: msg.contract, expected: link.contract } : null
    e.emit({ type: 'deadLetter', node: sub.broker.id, link: link?.id ?? null, correlationId: msg.op?.id ?? msg.id, deliveries: msg.deliveries, at: e.s.now, mismatch })
  }
}

/** A delivery's answer is back at the broker: the message's machine hears ack, nack or
 * reject (if it still waits), and the consumer has room for the next one. */
export function deliveryAnswered(e: Engine, r: Req): void {
  const link = r.link as LinkRT
  link.outstanding--
  const msg = r.waiter as Msg | null
  if (msg !== null) {
    msg.delivery = null
    const t = msg.sub.broker.isTopic ? EVENT_TABLE : MESSAGE_TABLE
    deliveryFire(e, msg, r.failure === R_NONE ? t.ack : (r.failure & REASON_MASK) === R_CONTRACT && t.reject >= 0 ? t.reject : t.nack)
  }
  dispatchSub(e, link.sub as Subscription)
}

/** Hand ready messages to consumers with room, round robin: the next free consumer gets the next message. */
export function dispatchSub(e: Engine, sub: Subscription): void {
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
    deliveryFire(e, msg, t.deliver)
  }
  sub.dispatching = false
}

function matches(sub: Subscription, eventName: string): boolean {
  return sub.filter === null || sub.filter.includes(eventName)
}
