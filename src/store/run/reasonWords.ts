import type { FailureName } from '../../sim/types'

/**
 * Why something failed, in a few words, the same wherever a reason is shown: an error or
 * nack in the event log and the sequence diagram, a client's failed operations in the
 * metrics. A reason travels up a chain of calls unchanged, so an error answered by
 * a caller may name what failed further down ("timed out": one of its calls did).
 */
export const FAILURE_WORDS: Record<FailureName, string> = {
  error: 'error (500)',
  rejected: 'queue full (503)',
  unavailable: 'no replica up (503)',
  crashed: 'crashed mid-request',
  timeout: 'timed out',
  brokerFull: 'broker full',
  deadline: 'poll deadline passed',
  contract: 'contract mismatch',
}
