import type { Label, Point } from './dataset.ts';
import { makeNormal, makeRng } from './random.ts';
import { assignSplit } from './split.ts';

/** The tutorial's recipe: data size, seeds, split, learning rate, epochs and the new point. */
export const TUTORIAL = {
  n: 300,
  seed: 42,
  testFraction: 0.33,
  lr: 0.01,
  epochs: 200_000,
  reportEvery: 10_000,
  newPoint: { x1: 1, x2: 1 },
} as const;

/** Centre of each class's blob, in data units, indexed by {@link Label}. */
export const TUTORIAL_CENTRES = [
  { x1: 0, x2: 0 },
  { x1: 4, x2: 3.5 },
] as const;

/** Every tutorial point lies at least this far (data units) on its own side of the bisector. */
export const TUTORIAL_MARGIN = 0.3;

/** Options of {@link tutorialPreset}. */
export interface TutorialOptions {
  /** Number of points, an integer ≥ 0; default 300. Red gets the extra point when odd. */
  n?: number;
  /** Seed for the points and for the train/test split; default 42. */
  seed?: number;
  /** Standard deviation of each blob per axis, data units, finite and ≥ 0; default 1. */
  noise?: number;
}

const [RED, BLUE] = TUTORIAL_CENTRES;
const MID = { x1: (RED.x1 + BLUE.x1) / 2, x2: (RED.x2 + BLUE.x2) / 2 };
const SPAN = Math.hypot(BLUE.x1 - RED.x1, BLUE.x2 - RED.x2);
const AXIS = { x1: (BLUE.x1 - RED.x1) / SPAN, x2: (BLUE.x2 - RED.x2) / SPAN };

/** Signed distance from the perpendicular bisector of the centres; positive on the blue side. */
function sideOf(x1: number, x2: number): number {
  return (x1 - MID.x1) * AXIS.x1 + (x2 - MID.x2) * AXIS.x2;
}

function checkOptions(n: number, noise: number): void {
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new RangeError(`invalid n; not an integer ≥ 0: ${n}`);
  }
  if (!(Number.isFinite(noise) && noise >= 0)) {
    throw new RangeError(`invalid noise; not a finite number ≥ 0: ${noise}`);
  }
}

/**
 * The tutorial's data: two Gaussian blobs, red (label 0) around (0, 0) and blue (label 1) around
 * (4, 3.5), alternating labels so each class has half the points.
 *
 * The classes are linearly separable for every seed: a draw that lands within
 * {@link TUTORIAL_MARGIN} of the perpendicular bisector of the two centres, or on the wrong side
 * of it, is thrown away and drawn again. So the new point (1, 1), 1.25 units on the red side of
 * the bisector, is clearly red. Splits are assigned by `assignSplit` (33 % test, same seed).
 *
 * @param opts See {@link TutorialOptions}; defaults give the tutorial's 300 points, seed 42.
 * @returns `n` points with `split` set (99 test points for n = 300).
 * @throws RangeError for a negative or fractional `n`, or a negative or non-finite `noise`.
 */
export function tutorialPreset(
  opts: TutorialOptions = {},
  onProgress?: (fraction: number) => void,
): Point[] {
  const { n = TUTORIAL.n, seed = TUTORIAL.seed, noise = 1 } = opts;
  checkOptions(n, noise);
  const rng = makeRng(seed);
  const jitter = makeNormal(rng, 0, noise);
  const points: { x1: number; x2: number; label: Label }[] = [];
  for (let i = 0; i < n; i++) {
    if (onProgress && (i & 0xffff) === 0) onProgress(i / n);
    const label: Label = i % 2 === 0 ? 0 : 1;
    const centre = TUTORIAL_CENTRES[label];
    const sign = label === 1 ? 1 : -1;
    let x1: number;
    let x2: number;
    do {
      x1 = centre.x1 + jitter();
      x2 = centre.x2 + jitter();
    } while (sign * sideOf(x1, x2) < TUTORIAL_MARGIN);
    points.push({ x1, x2, label });
  }
  return assignSplit(points, TUTORIAL.testFraction, seed);
}
