import type { Rng } from '../lib/rng'
import type { Distribution } from '../model/types'

/**
 * Service-time distributions, each with the configured mean (ms). Shapes are fixed so a
 * diagram needs one number:
 * - constant: always the mean (M/D/1 in queueing terms);
 * - exponential: rate 1/mean, coefficient of variation 1 (M/M/c);
 * - uniform: between half and one and a half times the mean (CV ≈ 0.29);
 * - lognormal: σ = 1 on the log scale, so the median is mean/√e ≈ 0.61·mean and the
 *   p99 about 6·mean: the long tail real services show (CV ≈ 1.31).
 */
export const DIST_CONSTANT = 0
export const DIST_EXPONENTIAL = 1
export const DIST_UNIFORM = 2
export const DIST_LOGNORMAL = 3

export const LOGNORMAL_SIGMA = 1

export function distCode(d: Distribution): number {
  return d === 'constant' ? DIST_CONSTANT : d === 'exponential' ? DIST_EXPONENTIAL : d === 'uniform' ? DIST_UNIFORM : DIST_LOGNORMAL
}

const LN_SHIFT = (LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) / 2

export function sample(code: number, mean: number, rng: Rng): number {
  if (mean <= 0) return 0
  switch (code) {
    case DIST_CONSTANT:
      return mean
    case DIST_EXPONENTIAL:
      return -mean * Math.log(1 - rng.next())
    case DIST_UNIFORM:
      return mean * (0.5 + rng.next())
    default: {
      // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1]
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())
      return mean * Math.exp(LOGNORMAL_SIGMA * z - LN_SHIFT)
    }
  }
}
