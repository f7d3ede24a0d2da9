/**
 * The "Dataset" presets: seeded generators of labelled points, each teaching one thing about
 * logistic regression. The same (preset, n, noise, seed) always gives the same points.
 */
import type { Label, Point } from './dataset.ts';
import { tutorialPreset } from './presets.ts';
import { makeNormal, makeRng } from './random.ts';
import { assignSplit } from './split.ts';

export type PresetId = 'tutorial' | 'overlap' | 'imbalanced' | 'outlier' | 'xor' | 'circle';

/** Size, spread and seed of a generated dataset. */
export interface PresetOptions {
  /** Number of points, integer in [0, 1,000,000]. */
  n: number;
  /** Standard deviation of each blob per axis, in (0, 5]. */
  noise: number;
  /** Seed of the points and of the 33 % test split. */
  seed: number;
}

/** What each preset is, and what it shows. */
export const PRESETS: Record<PresetId, { name: string; about: string }> = {
  tutorial: {
    name: 'Tutorial: separable blobs',
    about:
      'Two separable blobs, as in the tutorial. Without L2 there is no finite optimum: ‖w‖ grows for ever while the loss creeps to 0.',
  },
  overlap: {
    name: 'Overlapping blobs',
    about:
      'The classes overlap, so no line separates them: the loss has one finite minimum, and gradient descent converges to it.',
  },
  imbalanced: {
    name: 'Imbalanced classes (85 : 15)',
    about:
      'Far more red than blue: accuracy looks good even for a poor boundary. Turn on “Show decisions and doubt” and move the Threshold: recall, precision and the precision–recall curve tell what accuracy hides.',
  },
  outlier: {
    name: 'Separable, one far outlier',
    about:
      'One blue point far from the rest, still on the blue side: the logistic loss barely notices a far, correctly classified point (least squares would swing the line).',
  },
  xor: {
    name: 'XOR (not linearly separable)',
    about:
      'XOR: blue where exactly one of x1, x2 is positive. No straight line can separate it: the best a line can do is cut off one of the four blobs (75 %), and the loss stays high. Turn on the feature x1·x2 (under Features): the model is then linear in (x1, x2, x1·x2), and the sign of x1·x2 is the XOR itself, so one negative weight w12 separates the four blobs (98 % test accuracy here, with L2 0.01).',
  },
  circle: {
    name: 'Circle (blue inside a red ring)',
    about:
      'Blue inside a ring of red: no line separates them, but with the features x1² and x2² on, w11·x1² + w22·x2² + … = 0 is an ellipse, and the boundary closes around the blue core.',
  },
};

/** The defaults of the "Dataset" control: the tutorial's 300 points, noise 1, seed 42. */
export const DEFAULT_PRESET: { id: PresetId } & PresetOptions = {
  id: 'tutorial',
  n: 300,
  noise: 1,
  seed: 42,
};

/** Fewest points the Points field asks a preset for: two of each class. */
export const MIN_PRESET_POINTS = 4;

/** Largest number of points a preset makes. */
export const MAX_PRESET_POINTS = 1_000_000;

/**
 * Generates a preset. Throws a RangeError naming the bad value for n, noise or seed out of range.
 * @returns `n` points with `split` assigned (33 % test, same seed).
 */
export function makePreset(
  id: PresetId,
  o: PresetOptions,
  onProgress?: (fraction: number) => void,
): Point[] {
  if (!(Number.isInteger(o.n) && o.n >= 0 && o.n <= MAX_PRESET_POINTS)) {
    throw new RangeError(`invalid n; not an integer in [0, ${MAX_PRESET_POINTS}]: ${o.n}`);
  }
  if (!(o.noise > 0 && o.noise <= 5))
    throw new RangeError(`invalid noise; not in (0, 5]: ${o.noise}`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed; not finite: ${o.seed}`);
  if (id === 'tutorial') return tutorialPreset(o, onProgress);
  const rng = makeRng(o.seed);
  const z = makeNormal(rng, 0, o.noise);
  const pts: { x1: number; x2: number; label: Label }[] = [];
  for (let i = 0; i < o.n; i++) {
    if (onProgress && (i & 0xffff) === 0) onProgress(i / o.n);
    if (id === 'overlap') {
      const label: Label = i % 2 === 0 ? 0 : 1;
      pts.push({ x1: 1.5 * label + z(), x2: 1.5 * label + z(), label });
    } else if (id === 'imbalanced') {
      const label: Label = rng() < 0.15 ? 1 : 0;
      pts.push({ x1: 3 * label + z(), x2: 2.5 * label + z(), label });
    } else if (id === 'xor') {
      const sx = rng() < 0.5 ? -1 : 1;
      const sy = rng() < 0.5 ? -1 : 1;
      const label: Label = sx * sy < 0 ? 1 : 0;
      pts.push({ x1: 2 * sx + 0.6 * z(), x2: 2 * sy + 0.6 * z(), label });
    } else if (id === 'circle') {
      // Blue: a round blob at the origin; red: a ring of radius 3 around it.
      const label: Label = i % 2 === 0 ? 0 : 1;
      if (label === 1) pts.push({ x1: 0.8 * z(), x2: 0.8 * z(), label });
      else {
        const angle = 2 * Math.PI * rng();
        const r = 3 + 0.4 * z();
        pts.push({ x1: r * Math.cos(angle), x2: r * Math.sin(angle), label });
      }
    }
  }
  if (id === 'outlier') {
    const base = tutorialPreset({ ...o, n: Math.max(0, o.n - 1) }, onProgress).map(
      ({ x1, x2, label }) => ({
        x1,
        x2,
        label,
      }),
    );
    if (o.n > 0) base.push({ x1: 14, x2: -2, label: 1 });
    return assignSplit(base, 0.33, o.seed);
  }
  return assignSplit(pts, 0.33, o.seed);
}
