import type { FailureName, Hop } from '../../sim/types'

/**
 * Why something failed, in a few words, the same wherever a reason is shown: an error or
 * nack in the event log and the sequence diagram, a client's failed operations in the
 * metrics. A hop also says where the failure happened (`origin`), which a failure keeps as
 * it travels up a chain of calls: an answer whose origin is not the node answering was
 * passed on, and says so ("error, passed on: Orders answered 503 queue full").
 */
export const FAILURE_WORDS: Record<FailureName, string> = {
  error: '500 error',
  rejected: '503 queue full',
  unavailable: '503 no replica up',
  crashed: 'crashed mid-request',
  timeout: 'timed out',
  brokerFull: 'broker full',
  deadline: 'poll deadline passed',
  contract: 'contract mismatch',
}

/** An error answer a node gives for a failure of its own: the HTTP status where the
 * failure is one ("503 queue full"), else what went wrong ("error: crashed mid-request"). */
const OWN_ERROR_WORDS: Record<FailureName, string> = {
  error: '500 error',
  rejected: '503 queue full',
  unavailable: '503 no replica up',
  crashed: 'error: crashed mid-request',
  timeout: 'error: timed out',
  brokerFull: 'error: broker full',
  deadline: 'error: poll deadline passed',
  contract: 'error: contract mismatch',
}

/** A consumer's nack for a failure of its own: no HTTP status, a consumer is no server. */
const OWN_NACK_WORDS: Record<FailureName, string> = {
  error: 'error while processing',
  rejected: 'no room to take it',
  unavailable: 'no replica up',
  crashed: 'crashed mid-delivery',
  timeout: 'timed out',
  brokerFull: 'broker full',
  deadline: 'poll deadline passed',
  contract: 'contract mismatch',
}

/** A failure told from where it happened, to follow a node's name ("Orders answered 503
 * queue full"). */
const AT_WORDS: Record<FailureName, string> = {
  error: 'answered 500 error',
  rejected: 'answered 503 queue full',
  unavailable: 'had no replica up (503)',
  crashed: 'crashed mid-request',
  timeout: 'did not answer in time',
  brokerFull: 'was full',
  deadline: 'did not finish the job by the poll deadline',
  contract: 'refused the message contract',
}

/** What failed and where, in a sentence: "Orders answered 503 queue full"; without an
 * origin, the reason's own words. */
export function failureAtWords(reason: FailureName, origin: string | undefined, label: (id: string) => string): string {
  return origin === undefined ? FAILURE_WORDS[reason] : `${label(origin)} ${AT_WORDS[reason]}`
}

/** An error answer in a few words, said by the node `answering` it: its own failure
 * ("503 queue full", "error: crashed mid-request", "error: timed out waiting for Payments")
 * or one passed on from further down ("error, passed on: Payments did not answer in
 * time"). A timeout's origin is the callee that did not answer, so whether `answering`
 * gave up itself depends on whether it calls the origin: `callsOrigin`. */
export function errorWords(h: Pick<Hop, 'reason' | 'origin'>, answering: string, label: (id: string) => string, callsOrigin = false): string {
  if (!h.reason) return 'error'
  if (h.origin === undefined || h.origin === answering) return OWN_ERROR_WORDS[h.reason]
  if (callsOrigin && h.reason === 'timeout') return `error: timed out waiting for ${label(h.origin)}`
  if (callsOrigin && h.reason === 'deadline') return `error: ${label(h.origin)}'s job missed the poll deadline`
  return `error, passed on: ${failureAtWords(h.reason, h.origin, label)}`
}

/** Whether `from` calls `to` directly (a sync or async link), in `links`. */
export function callsDirectly(links: readonly { source: string; target: string; kind: string }[], from: string, to: string | undefined): boolean {
  return to !== undefined && links.some((l) => l.source === from && l.target === to && (l.kind === 'sync' || l.kind === 'async'))
}

/** Why the consumer `answering` a nack failed the delivery: in its own work ("error while
 * processing"), or by a call it made ("Jobs DB answered 503 queue full"). */
export function nackCauseWords(h: Pick<Hop, 'reason' | 'origin'>, answering: string, label: (id: string) => string): string {
  if (!h.reason) return 'not processed'
  if (h.origin === undefined || h.origin === answering) return OWN_NACK_WORDS[h.reason]
  return failureAtWords(h.reason, h.origin, label)
}

/** A nack in a few words: refused at the door (the contract), or failed (nackCauseWords). */
export function nackWords(h: Pick<Hop, 'reason' | 'origin'>, answering: string, label: (id: string) => string): string {
  return h.reason === 'contract' ? 'refused (nack): contract mismatch' : `failed (nack): ${nackCauseWords(h, answering, label)}`
}
