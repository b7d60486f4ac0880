import type { Hop } from '../../sim/types'

/**
 * How long a packet stays on screen. Most links are a few milliseconds long (the default
 * latency is 2 ms), so a hop drawn at its simulated times lasts less than one frame at 1×
 * and nobody sees traffic move. On screen a packet therefore takes at least
 * MIN_TRAVEL_WALL_MS of real time to cross its link: a short hop is drawn slowed down and
 * reaches the far end a little after the engine has delivered it. A hop that takes longer
 * (a slow link, a latency fault) is drawn at its true pace, so slowness still shows. Only
 * the drawing is stretched: the clock, metrics, log and trace keep simulated times.
 */
export const MIN_TRAVEL_WALL_MS = 150

/** The stretch never exceeds this many simulated ms: at high speeds packets are drawn at
 * their true pace sooner, so a busy link does not fill with hops delivered long ago. */
export const MAX_STRETCH_MS = 250

/** The shortest time a packet takes to cross a link on screen, in simulated ms, when the
 * run plays at `speed` (simulated ms per wall ms). */
export function minTravelMs(speed: number): number {
  const ms = MIN_TRAVEL_WALL_MS * speed
  return ms < MAX_STRETCH_MS ? ms : MAX_STRETCH_MS
}

/** When a hop reaches the far end of its link on screen (simulated ms): its arrival, or
 * later for a hop shorter than `minTravel`. */
export function shownArrive(h: Pick<Hop, 'depart' | 'arrive'>, minTravel: number): number {
  const end = h.depart + minTravel
  return h.arrive > end ? h.arrive : end
}

/** Whether a hop is on screen at `time`: departed, and not yet at the far end of its link
 * as drawn. The runner keeps what is on screen at the current speed; the packet layer asks
 * again with its own `minTravel` (none after Step or with reduced motion). */
export function onScreen(h: Pick<Hop, 'depart' | 'arrive'>, time: number, minTravel: number): boolean {
  return h.depart <= time && shownArrive(h, minTravel) > time
}
