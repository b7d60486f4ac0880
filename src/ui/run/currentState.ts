import { linkContractAt } from '../../model/faults'
import { nodeLabel } from '../../model/rules'
import type { Diagram, DiagramLink, LinkKind } from '../../model/types'
import type { MachineName } from '../../store/run/machines'
import { spanWords } from '../../store/run/logWords'
import { failureAtWords, nackCauseWords } from '../../store/run/reasonWords'
import type { Hop, ReplicaState } from '../../sim/types'
import type { TracedRequest } from '../../store/run/types'
import { answeredInTime, deadlineOf } from './answers'
import { deliveryOutcome } from './deliveries'
import { formatSimTime } from './formatTime'
import { crashOrphans, type Orphan } from './orphans'

/**
 * Which lifecycle machine a traced request is in, and its current state, derived from the
 * hops seen so far (the engine does not expose a record's machine state; its hops and the
 * link's settings determine it). Pure. The mapping, per machine:
 *
 * Sync call (hops of the call's link in the operation; each request is one attempt, with
 * its own requestId; the state follows the call's latest attempt, see syncCallsOf):
 *   request sent, no answer yet            → waiting (until timeoutMs after the request)
 *   no answer after timeoutMs               → backoff if attempts ≤ retries, else timedOut
 *   200 OK / error still on its way back    → waiting
 *   200 OK arrived                          → succeeded
 *   error arrived                           → backoff if attempts ≤ retries, else failed
 *   an answer arriving timeoutMs or more after its request finds nobody waiting (the
 *   engine drops it; the callee worked for nothing): it changes nothing
 *   the caller's job thrown out by a crash while it waited (orphans.ts) → abandoned
 * Async call:
 *   submit sent, or its 202 still on the way → submitting; an error back → failed
 *   202 arrived, or a status answer arrived less than pollMs ago → waiting (the next poll is due)
 *   poll sent, or its answer still on the way → asking
 *   a status answer arrived pollMs ago and no poll followed → done (the hops do not tell a
 *   finished job from a failed one; the log and metrics do)
 *   deadlineMs after the submit, not finished → expired
 * Message and event delivery (one message in the queue, or one copy in one subscription):
 *   published, still on its way to the broker → no state yet (the machine starts at ready)
 *   in the broker, not delivered            → ready
 *   delivered (the answer not back yet)     → delivering, until ackTimeoutMs: then ready
 *                                             again if deliveries < maxDeliveries, else deadLettered
 *                                             (an answer arriving later is ignored, as the engine does)
 *   ack arrived                             → acked
 *   nack arrived                            → ready if deliveries < maxDeliveries, else
 *                                             deadLettered (at once on a contract mismatch)
 */
export interface MachineView {
  machine: MachineName
  /** the state to highlight, or null when none applies (yet) */
  state: string | null
  /** in words, why this state */
  why: string
  /** the link whose pattern it is */
  link: string | null
}

export const MACHINE_OF_KIND: Record<LinkKind, MachineName> = {
  sync: 'syncCall',
  async: 'asyncCall',
  message: 'messageDelivery',
  event: 'eventDelivery',
}

export const MACHINE_TITLES: Record<MachineName, string> = {
  syncCall: 'Synchronous call (with retries)',
  asyncCall: 'Asynchronous call with polling',
  messageDelivery: 'Message delivery (queue)',
  eventDelivery: 'Event delivery (one subscription)',
  nodeLifecycle: 'Replica lifecycle',
}

const arrived = (h: Hop, now: number) => h.arrive <= now

/** The machine and state of a traced request at `now`; null when its hops are gone from the trace. */
export function machineForTrace(traced: TracedRequest, journey: readonly Hop[], d: Diagram, now: number): MachineView | null {
  const seen = journey.filter((h) => h.depart <= now)
  const own = seen.find((h) => h.requestId === traced.requestId) ?? seen[0]
  if (!own) return null
  const link = d.links.find((l) => l.id === own.link)
  if (!link) return null
  const machine = MACHINE_OF_KIND[link.kind]
  if (link.kind === 'sync' || link.kind === 'async') {
    const hops = seen.filter((h) => h.link === link.id && (traced.correlationId !== 0 || h.requestId === traced.requestId))
    const label = (id: string) => nodeLabel(d, id)
    const r = link.kind === 'sync' ? syncState(hops, link, now, own.link === link.id ? own.requestId : undefined, label, crashOrphans(seen, d, now)) : asyncState(hops, link, now, label)
    return { machine, ...r, link: link.id }
  }
  const broker = d.nodes.find((n) => n.id === link.target && (n.kind === 'queue' || n.kind === 'topic')) ?? d.nodes.find((n) => n.id === link.source)
  if (!broker) return null
  return { machine, ...deliveryState(seen, own, broker.id, d, now), link: link.id }
}

/** One attempt of a sync call: its request and what came back for it. */
export interface SyncAttempt {
  request: Hop
  /** the answer (200 OK or error) that arrived before the caller's timeout, if one did (or is on its way to) */
  answer: Hop | null
  /** when the caller gives up on it (request depart + timeoutMs) when no answer beats the timeout; may be after `now` */
  timedOutAt: number | null
  /** answers that arrive when the caller has stopped waiting: the engine drops them */
  late: Hop[]
}

/**
 * The attempts on sync link `link` among `hops` (any hops; those of other links are
 * skipped), in the order they departed. An answer belongs to the latest request of its
 * requestId sent before it; it counts when it arrives before request depart + timeoutMs.
 */
export function syncAttemptsOf(hops: readonly Hop[], link: DiagramLink): SyncAttempt[] {
  const own = hops
    .filter((h) => h.link === link.id)
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.depart - b.h.depart || a.i - b.i)
    .map((x) => x.h)
  const attempts: SyncAttempt[] = []
  for (const h of own) {
    if (h.direction === 'forward' && h.carries === 'request') {
      attempts.push({ request: h, answer: null, timedOutAt: deadlineOf(h, link.settings.timeoutMs), late: [] })
      continue
    }
    if (h.direction !== 'back' || (h.carries !== 'reply' && h.carries !== 'error')) continue
    const a = attempts.findLast((x) => x.request.requestId === h.requestId)
    if (!a) continue
    if (a.answer === null && answeredInTime(h, a.request, link.settings.timeoutMs)) {
      a.answer = h
      a.timedOutAt = null
    } else a.late.push(h)
  }
  return attempts
}

/**
 * The attempts grouped into calls (a caller's job on this link). The engine numbers each
 * request's attempt (Hop.attempt): attempt 1 starts a call, attempt n joins a call whose
 * attempt n − 1 failed before it departed (the most recently failed such call, should two
 * calls of one operation both be retrying). Hops without a number (made by hand) are
 * grouped by inference: an attempt is a retry of the call whose latest attempt timed out or
 * got an error before it departed and still had retries left; otherwise it starts a call.
 */
export function syncCallsOf(attempts: readonly SyncAttempt[], link: DiagramLink): SyncAttempt[][] {
  const calls: SyncAttempt[][] = []
  const failedAt = (a: SyncAttempt) => (a.answer ? (a.answer.carries === 'error' ? a.answer.arrive : Infinity) : (a.timedOutAt ?? Infinity))
  for (const a of attempts) {
    const n = a.request.attempt
    let best: SyncAttempt[] | null = null
    if (n !== 1) {
      for (const c of calls) {
        const last = c.at(-1) as SyncAttempt
        if (failedAt(last) > a.request.depart) continue
        if (n === undefined ? c.length > link.settings.retries : last.request.attempt !== n - 1) continue
        if (!best || failedAt(last) > failedAt(best.at(-1) as SyncAttempt)) best = c
      }
    }
    if (best) best.push(a)
    else calls.push([a])
  }
  return calls
}

/**
 * The state of the sync call on `link` at `now`, from its hops: the call holding attempt
 * `requestId` when given (else the one started last), judged by its latest attempt.
 */
export function syncState(
  hops: readonly Hop[],
  link: DiagramLink,
  now: number,
  requestId?: number,
  label: (id: string) => string = (id) => id,
  orphans: readonly Orphan[] = [],
): { state: string | null; why: string } {
  const calls = syncCallsOf(
    syncAttemptsOf(
      hops.filter((h) => h.depart <= now),
      link,
    ),
    link,
  )
  const call = (requestId === undefined ? undefined : calls.find((c) => c.some((a) => a.request.requestId === requestId))) ?? calls.at(-1)
  const latest = call?.at(-1)
  if (!call || !latest) return { state: null, why: 'The call has not started.' }
  const attempts = call.length
  const canRetry = attempts <= link.settings.retries
  const of = `attempt ${attempts} of ${link.settings.retries + 1}`
  const answer = latest.answer
  // the caller's replica crashed while it waited: the engine abandons the call
  const crash = orphans.find((o) => o.call.link === link.id && o.call.requestId === latest.request.requestId && o.crashedAt <= now)
  if (crash && (latest.timedOutAt === null || latest.timedOutAt > crash.crashedAt) && (!answer || answer.arrive > crash.crashedAt)) {
    const late = answer && arrived(answer, now) ? ` Its ${answer.carries === 'error' ? 'error' : '200 OK'}, at ${formatSimTime(answer.arrive)}, was ignored.` : ''
    return { state: 'abandoned', why: `${label(crash.caller)} crashed at ${formatSimTime(crash.crashedAt)} while waiting (${of}): the call was abandoned.${late}` }
  }
  if (!answer) {
    if (latest.timedOutAt !== null && now >= latest.timedOutAt) {
      return canRetry
        ? { state: 'backoff', why: `No reply within ${spanWords(link.settings.timeoutMs)} (${of}): waiting before the next attempt.` }
        : { state: 'timedOut', why: `No reply within ${spanWords(link.settings.timeoutMs)} (${of}): the call timed out.` }
    }
    return { state: 'waiting', why: `Request sent at ${formatSimTime(latest.request.depart)} (${of}): the caller's worker waits for the reply.` }
  }
  if (!arrived(answer, now)) return { state: 'waiting', why: `The ${answer.carries === 'error' ? 'error' : 'reply'} is on its way back (${of}); the caller still waits.` }
  if (answer.carries === 'reply') {
    const late = call.flatMap((a) => a.late).filter((h) => arrived(h, now))
    const ignored = late.length > 0 ? ` The late answer of an earlier attempt, at ${formatSimTime(late[0]!.arrive)}, was ignored.` : ''
    return { state: 'succeeded', why: `200 OK arrived at ${formatSimTime(answer.arrive)}${attempts > 1 ? ` (${of})` : ''}: the caller goes on.${ignored}` }
  }
  const cause = causeOf(answer, label)
  return canRetry
    ? { state: 'backoff', why: `Error at ${formatSimTime(answer.arrive)} (${of})${cause}: backing off before a retry.` }
    : { state: 'failed', why: `Error at ${formatSimTime(answer.arrive)} (${of})${cause}, no retries left: the call failed.` }
}

/** ", <what failed where>" for a failed answer, to follow its time in a sentence ("…,
 * Orders answered 503 queue full"); '' otherwise. */
const causeOf = (h: Hop, label: (id: string) => string): string => (h.reason ? `, ${failureAtWords(h.reason, h.origin, label)}` : '')

export function asyncState(hops: readonly Hop[], link: DiagramLink, now: number, label: (id: string) => string = (id) => id): { state: string | null; why: string } {
  const submit = hops.find((h) => h.carries === 'request')
  const last = hops.at(-1)
  if (!submit || !last) return { state: null, why: 'The call has not started.' }
  const { pollMs, deadlineMs } = link.settings
  const finishedAt = last.carries === 'status' && arrived(last, now) && now - last.arrive >= pollMs ? last.arrive : null
  if (finishedAt === null && now - submit.depart >= deadlineMs) return { state: 'expired', why: `${deadlineMs} ms passed since the submit without a final answer: the call expired.` }
  switch (last.carries) {
    case 'request':
      return { state: 'submitting', why: `Submitted at ${formatSimTime(submit.depart)}: the caller waits for 202 Accepted.` }
    case 'accepted':
      return arrived(last, now)
        ? { state: 'waiting', why: `202 Accepted at ${formatSimTime(last.arrive)}: the caller goes on; the first poll is due ${pollMs} ms later.` }
        : { state: 'submitting', why: '202 Accepted is on its way back.' }
    case 'error':
      if (!arrived(last, now)) return { state: hops.some((h) => h.carries === 'accepted') ? 'asking' : 'submitting', why: 'An error is on its way back.' }
      return hops.some((h) => h.carries === 'accepted')
        ? { state: 'waiting', why: `A poll failed at ${formatSimTime(last.arrive)}: polling again in ${pollMs} ms.` }
        : { state: 'failed', why: `The submit was refused at ${formatSimTime(last.arrive)}${causeOf(last, label)}: the call failed.` }
    case 'poll':
      return { state: 'asking', why: `Poll ${hops.filter((h) => h.carries === 'poll').length} sent at ${formatSimTime(last.depart)}: is the job done?` }
    case 'status':
      if (!arrived(last, now)) return { state: 'asking', why: 'The status answer is on its way back.' }
      if (finishedAt !== null) return { state: 'done', why: `The final status answer arrived at ${formatSimTime(finishedAt)}: the job is finished.` }
      return { state: 'waiting', why: `Status at ${formatSimTime(last.arrive)}: not done yet, polling again in ${pollMs} ms.` }
    default:
      return { state: null, why: '' }
  }
}

/**
 * One message (queue) or one event copy (topic subscription) in broker `brokerId`. For a
 * topic, the subscription is the traced hop's link when it leaves the topic, else the
 * first subscription the journey reached.
 */
export function deliveryState(seen: readonly Hop[], own: Hop, brokerId: string, d: Diagram, now: number): { state: string | null; why: string } {
  const broker = d.nodes.find((n) => n.id === brokerId)
  if (!broker || (broker.kind !== 'queue' && broker.kind !== 'topic')) return { state: null, why: '' }
  const linkOf = (id: string) => d.links.find((l) => l.id === id)
  const published = seen.find((h) => linkOf(h.link)?.target === brokerId && (h.carries === 'message' || h.carries === 'event'))
  const outLinks = new Set(d.links.filter((l) => l.source === brokerId).map((l) => l.id))
  let consumed = seen.filter((h) => outLinks.has(h.link))
  if (broker.kind === 'topic') {
    const sub = outLinks.has(own.link) ? own.link : consumed[0]?.link
    consumed = consumed.filter((h) => h.link === sub)
  }
  const settings = broker.settings as { ackTimeoutMs: number; maxDeliveries: number }
  const name = broker.label
  // a topic redelivers from the subscriber's own subscription, as the log says
  const backIn = `back in the ${broker.kind === 'topic' ? 'subscription' : 'queue'}`
  if (published && !arrived(published, now) && consumed.length === 0) return { state: null, why: `On its way to ${name}.` }
  const deliveries = consumed.filter((h) => h.carries === 'delivery')
  const delivery = deliveries.at(-1)
  if (!delivery) return { state: 'ready', why: `In ${name}, waiting for a free consumer.` }
  const canRedeliver = deliveries.length < settings.maxDeliveries
  const of = `delivery ${deliveries.length} of at most ${settings.maxDeliveries}`
  // the latest delivery's own answer; one arriving after the ack timeout finds the broker gone
  const { deadline, answer, late: lateAnswer } = deliveryOutcome(consumed, delivery, settings.ackTimeoutMs)
  if (!answer) {
    if (now >= deadline) {
      const late = lateAnswer && arrived(lateAnswer, now) ? ` Its late ${lateAnswer.carries}, at ${formatSimTime(lateAnswer.arrive)}, was ignored.` : ''
      return canRedeliver
        ? { state: 'ready', why: `No ack within ${spanWords(settings.ackTimeoutMs)} (${of}): ${backIn} for redelivery.${late}` }
        : { state: 'deadLettered', why: `No ack within ${spanWords(settings.ackTimeoutMs)} (${of}): dead-lettered.${late}` }
    }
    return { state: 'delivering', why: `Delivered at ${formatSimTime(delivery.depart)} (${of}): waiting for the consumer's ack.` }
  }
  const last = answer
  if (!arrived(last, now)) return { state: 'delivering', why: `The ${last.carries} is on its way back to ${name}.` }
  if (last.carries === 'ack') return { state: 'acked', why: `Acknowledged at ${formatSimTime(last.arrive)}: done, removed from ${name}.` }
  if (last.carries === 'nack') {
    const consumer = linkOf(last.link)
    const producer = published ? linkOf(published.link) : undefined
    // the contracts as the timeline had them: the producer's when it sent, the consumer's when it refused
    const expects = consumer ? linkContractAt(d, consumer, last.depart) : ''
    const sent = producer && published ? linkContractAt(d, producer, published.depart) : ''
    if (last.reason === 'contract') return { state: 'deadLettered', why: `The consumer expects ${expects}, not ${sent}: dead-lettered at once.` }
    const failed = `Failed (nack) at ${formatSimTime(last.arrive)} (${of}), ${nackCauseWords(last, consumer?.target ?? '', (id) => nodeLabel(d, id))}`
    return canRedeliver ? { state: 'ready', why: `${failed}: ${backIn}.` } : { state: 'deadLettered', why: `${failed}: dead-lettered.` }
  }
  return { state: 'ready', why: `In ${name}.` }
}

/** The lifecycle states its replicas are in (for highlighting), and in words (replica indexes count from 1). */
export function lifecycleView(replicas: readonly ReplicaState[]): { states: string[]; why: string } {
  const states = [...new Set(replicas.map((r) => r.state))]
  const why = replicas.length === 0 ? 'No replicas.' : replicas.map((r) => `replica ${r.index}: ${r.state}`).join(', ')
  return { states, why }
}
