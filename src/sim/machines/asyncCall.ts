import { setup } from 'xstate'
import { LINK_DEFAULTS } from '../../model/defaults'

/**
 * An asynchronous HTTP call: submit, `202 Accepted` with a status URL, then poll until
 * the job is done or failed, or the poll deadline passes. The caller's worker is held
 * only while `submitting`; the operation completes when the final poll returns. The
 * deadline runs from the submit across every state, so the engine sends it as the
 * DEADLINE event rather than as a per-state delay.
 */
export const asyncCallMachine = setup({
  types: {} as {
    events:
      | { type: 'ACCEPTED' }
      | { type: 'REJECTED' }
      | { type: 'PENDING' }
      | { type: 'DONE' }
      | { type: 'FAILED' }
      | { type: 'POLL_ERROR' }
      | { type: 'DEADLINE' }
      | { type: 'ABANDON' }
  },
  actions: {
    sendSubmit: () => {},
    /** the deadline counts from the submit (link setting deadlineMs) */
    startDeadline: () => {},
    /** the 202 released the caller's worker: its work goes on */
    resumeCaller: () => {},
    /** no 202: the caller's work fails with the submit's reason */
    failCaller: () => {},
    sendPoll: () => {},
    /** the deadline passed with a poll in flight: its answer will be dropped */
    abandonPoll: () => {},
    /** the operation learns this call's outcome */
    settle: () => {},
  },
  delays: {
    /** link setting pollMs */
    pollInterval: LINK_DEFAULTS.pollMs,
  },
}).createMachine({
  id: 'asyncCall',
  initial: 'submitting',
  states: {
    submitting: {
      entry: ['sendSubmit', 'startDeadline'],
      on: {
        ACCEPTED: { target: 'waiting', actions: 'resumeCaller' },
        REJECTED: { target: 'failed', actions: 'failCaller' },
        DEADLINE: { target: 'expired', actions: 'failCaller' },
        ABANDON: 'abandoned',
      },
    },
    waiting: {
      after: { pollInterval: 'asking' },
      on: { DEADLINE: 'expired' },
    },
    asking: {
      entry: 'sendPoll',
      on: {
        PENDING: 'waiting',
        POLL_ERROR: 'waiting',
        DONE: 'done',
        FAILED: 'failed',
        DEADLINE: { target: 'expired', actions: 'abandonPoll' },
      },
    },
    done: { type: 'final', entry: 'settle' },
    failed: { type: 'final', entry: 'settle' },
    expired: { type: 'final', entry: 'settle' },
    /** the caller went away before the 202 */
    abandoned: { type: 'final', entry: 'settle' },
  },
})
