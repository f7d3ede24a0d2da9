import { randomLcg, randomNormal } from 'd3-random';

/**
 * A seeded uniform random number generator (d3's linear congruential generator).
 *
 * @param seed Any finite number. Seeds in [0, 1) are scaled like d3's `randomLcg` does, so 0.5
 *   and 42 are both valid and give different streams.
 * @returns A function returning uniform numbers in [0, 1); the same seed always gives the same
 *   sequence.
 * @throws RangeError if `seed` is not finite.
 */
export function makeRng(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed; not a finite number: ${seed}`);
  return randomLcg(seed);
}

/**
 * A normal (Gaussian) sampler drawing its randomness from `rng`.
 *
 * @param rng Uniform source in [0, 1), e.g. from {@link makeRng}.
 * @param mu Mean, in data units.
 * @param sigma Standard deviation, in data units; must be finite and ≥ 0.
 * @returns A function returning one N(mu, sigma²) sample per call.
 * @throws RangeError if `mu` is not finite or `sigma` is negative or not finite.
 */
export function makeNormal(rng: () => number, mu: number, sigma: number): () => number {
  if (!Number.isFinite(mu)) throw new RangeError(`invalid mu; not a finite number: ${mu}`);
  if (!(Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`invalid sigma; not a finite number ≥ 0: ${sigma}`);
  }
  return randomNormal.source(rng)(mu, sigma);
}

/**
 * Shuffles `arr` in place with the Fisher–Yates algorithm (every permutation equally likely).
 *
 * @param arr The array to permute; it is modified.
 * @param rng Uniform source in [0, 1).
 * @returns The same array, for chaining.
 */
export function shuffleInPlace<T>(arr: T[], rng: () => number): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i] as T;
    arr[i] = arr[j] as T;
    arr[j] = tmp;
  }
  return arr;
}
