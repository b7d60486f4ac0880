import { setup } from 'xstate'
import { LINK_DEFAULTS } from '../../model/defaults'

/**
 * A synchronous HTTP call as its caller sees it, retries included. The caller's worker is
 * held from `waiting` until a final state. Each entry into `waiting` sends one attempt and
 * starts the per-attempt timeout; an attempt that times out is abandoned, not cancelled:
 * the callee keeps working on it. The engine runs this definition through a table
 * derived from it (see ../table.ts); the implementations here are placeholders.
 */
export const syncCallMachine = setup({
  types: {} as { events: { type: 'REPLY_OK' } | { type: 'REPLY_ERROR' } | { type: 'ABANDON' } },
  actions: {
    /** send attempt n + 1 over the link */
    sendAttempt: () => {},
    /** stop waiting for the attempt in flight; its reply will be dropped on arrival */
    abandonAttempt: () => {},
    /** the caller's work goes on with its next call */
    resumeCaller: () => {},
    /** the caller's work fails with this call's reason */
    failCaller: () => {},
  },
  guards: {
    /** attempts made ≤ the link's retries */
    canRetry: () => false,
  },
  delays: {
    /** link setting timeoutMs */
    timeout: LINK_DEFAULTS.timeoutMs,
    /** backoffMs · 2^(attempt − 1), with equal jitter (half fixed, half random) */
    backoff: LINK_DEFAULTS.backoffMs,
  },
}).createMachine({
  id: 'syncCall',
  initial: 'waiting',
  states: {
    waiting: {
      entry: 'sendAttempt',
      on: {
        REPLY_OK: 'succeeded',
        REPLY_ERROR: [{ guard: 'canRetry', target: 'backoff' }, { target: 'failed' }],
        ABANDON: { target: 'abandoned', actions: 'abandonAttempt' },
      },
      after: {
        timeout: [
          { guard: 'canRetry', target: 'backoff', actions: 'abandonAttempt' },
          { target: 'timedOut', actions: 'abandonAttempt' },
        ],
      },
    },
    backoff: {
      on: { ABANDON: 'abandoned' },
      after: { backoff: 'waiting' },
    },
    succeeded: { type: 'final', entry: 'resumeCaller' },
    failed: { type: 'final', entry: 'failCaller' },
    timedOut: { type: 'final', entry: 'failCaller' },
    /** the caller itself went away (its replica crashed) */
    abandoned: { type: 'final' },
  },
})
