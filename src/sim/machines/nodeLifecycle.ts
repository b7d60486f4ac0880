import { setup } from 'xstate'
import { SERVICE_DEFAULTS } from '../../model/defaults'

/**
 * One replica of a service or database. A crash fails its queued and running work with a
 * connection error. With auto-heal (healMs > 0) it is `restarting` and comes back by
 * itself; without, it stays `crashed` until restarted.
 */
export const nodeLifecycleMachine = setup({
  types: {} as { events: { type: 'CRASH' } | { type: 'RESTART' } },
  actions: {
    /** its workers count again and consumers are offered messages */
    resumeWork: () => {},
    failWork: () => {},
  },
  guards: {
    /** healMs > 0 */
    autoHeal: () => false,
  },
  delays: {
    heal: SERVICE_DEFAULTS.healMs,
  },
}).createMachine({
  id: 'nodeLifecycle',
  initial: 'up',
  states: {
    up: {
      entry: 'resumeWork',
      on: {
        CRASH: [
          { guard: 'autoHeal', target: 'restarting', actions: 'failWork' },
          { target: 'crashed', actions: 'failWork' },
        ],
      },
    },
    crashed: { on: { RESTART: 'up' } },
    restarting: {
      on: { RESTART: 'up' },
      after: { heal: 'up' },
    },
  },
})
