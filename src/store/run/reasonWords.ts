import type { FailureName } from '../../sim/types'

/**
 * Why something failed, in a few words, the same wherever a reason is shown: an error or
 * nack in the event log and the sequence diagram, a client's failed operations in the
 * metrics. A reason travels up a chain of calls unchanged, so an error answered by
 * a caller may name what failed further down ("timed out": one of its calls did).
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

/** An error answer in a few words: its status where it has one ("503 queue full"), else
 * what went wrong ("error: timed out"). */
export function errorWords(reason: FailureName | undefined): string {
  if (!reason) return 'error'
  const words = FAILURE_WORDS[reason]
  return /^\d{3} /.test(words) ? words : `error: ${words}`
}
