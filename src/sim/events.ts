/** Event types on the scheduler: what a popped event means (see Engine.dispatch). */
export const EV_NOOP = 0
export const EV_ARRIVAL = 1
export const EV_BURST = 2
export const EV_ARRIVE = 3
export const EV_DONE = 4
export const EV_REPLY = 5
export const EV_LANE = 6
export const EV_BACKOFF = 7
export const EV_POLL = 8
export const EV_HEAL = 9
export const EV_FAULT = 10
