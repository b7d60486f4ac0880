/** The speeds the run controls offer, simulated time per real second (0.1× to 20×). */
export const RUN_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20]

/** How far Fast-forward can jump, in simulated ms. */
export const RUN_JUMPS: readonly [label: string, ms: number][] = [
  ['1 s', 1_000],
  ['10 s', 10_000],
  ['1 min', 60_000],
  ['10 min', 600_000],
  ['1 h', 3_600_000],
]
