/**
 * Feature maps. Logistic regression is linear in its *features*, not in x: with x1², x2² and
 * x1·x2 beside x1 and x2 the same model, p(blue) = σ(θ·φ(x) + b), draws ellipses, hyperbolas and
 * parabolas, and its loss stays convex.
 *
 * x1 and x2 are always on; the three quadratic features are optional. Their weights are
 * {@link Weights}' optional fields w11 (x1²), w22 (x2²) and w12 (x1·x2): absent means 0, so a
 * linear model is the same object as before features existed.
 *
 * A parameter vector θ lists the weights in a fixed order — w1, w2, then the active quadratic
 * weights in {@link QUAD_FEATURES} order, then b — so that every engine, solver and export
 * agrees on which number is which.
 */
import type { Weights } from './maths.ts';

/** The optional features, in their fixed order. */
export const QUAD_FEATURES = ['x1sq', 'x2sq', 'x1x2'] as const;
export type QuadFeature = (typeof QUAD_FEATURES)[number];

/** The weight field of each optional feature. */
export type QuadWeightKey = 'w11' | 'w22' | 'w12';

/** Each optional feature: how the page writes it, and its weight's field and name. */
export const FEATURE_INFO: Record<QuadFeature, { label: string; weight: QuadWeightKey }> = {
  x1sq: { label: 'x1²', weight: 'w11' },
  x2sq: { label: 'x2²', weight: 'w22' },
  x1x2: { label: 'x1·x2', weight: 'w12' },
};

/**
 * A set of active optional features as one canonical string: 'none', or the features' ids in
 * {@link QUAD_FEATURES} order joined by '-' (e.g. 'x1sq-x2sq'). One string keeps it a plain
 * choice in the settings schema, the share link and the saved session.
 */
export type FeatureSet = string;

/** The linear model: x1 and x2 only. */
export const NO_FEATURES: FeatureSet = 'none';

/** Every feature set, 'none' first. */
export const FEATURE_SETS: readonly FeatureSet[] = Array.from({ length: 8 }, (_, mask) =>
  featureSetOf(QUAD_FEATURES.filter((_, k) => mask & (1 << k))),
);

/** The canonical set string of a list of features (any order, repeats ignored). */
export function featureSetOf(list: readonly QuadFeature[]): FeatureSet {
  const on = QUAD_FEATURES.filter((f) => list.includes(f));
  return on.length === 0 ? NO_FEATURES : on.join('-');
}

/** The active optional features of a set, in their fixed order. */
export function featureList(set: FeatureSet): QuadFeature[] {
  if (set === NO_FEATURES) return [];
  const parts = set.split('-');
  return QUAD_FEATURES.filter((f) => parts.includes(f));
}

/** Whether `set` turns feature `f` on. */
export function hasFeature(set: FeatureSet, f: QuadFeature): boolean {
  return featureList(set).includes(f);
}

/** The set with `f` turned on or off. */
export function withFeature(set: FeatureSet, f: QuadFeature, on: boolean): FeatureSet {
  const list = featureList(set).filter((g) => g !== f);
  return featureSetOf(on ? [...list, f] : list);
}

/** The names of all features of a set, as the page writes them: ['x1', 'x2', 'x1²', …]. */
export function featureLabels(set: FeatureSet): string[] {
  return ['x1', 'x2', ...featureList(set).map((f) => FEATURE_INFO[f].label)];
}

/** The weight fields of all features of a set: ['w1', 'w2', 'w11', …] (b not included). */
export function weightKeys(set: FeatureSet): ('w1' | 'w2' | QuadWeightKey)[] {
  return ['w1', 'w2', ...featureList(set).map((f) => FEATURE_INFO[f].weight)];
}

/** How many parameters the model of `set` has, b included: 3 to 6. */
export function paramCount(set: FeatureSet): number {
  return 3 + featureList(set).length;
}

/** θ = [w1, w2, active quadratic weights…, b]; an inactive feature's weight is left out. */
export function toTheta(w: Weights, set: FeatureSet): number[] {
  return [...weightKeys(set).map((k) => w[k] ?? 0), w.b];
}

/** The weights of θ (laid out as {@link toTheta} writes it); inactive features get no field. */
export function fromTheta(theta: ArrayLike<number>, set: FeatureSet): Weights {
  const keys = weightKeys(set);
  const w: Weights = { w1: theta[0]!, w2: theta[1]!, b: theta[keys.length]! };
  keys.slice(2).forEach((k, i) => (w[k] = theta[2 + i]!));
  return w;
}

/** The weights with only the features of `set`: the others dropped (a model of that set). */
export function restrictWeights(w: Weights, set: FeatureSet): Weights {
  return fromTheta(toTheta(w, set), set);
}

/** The feature set the weights carry: the optional features whose weight field is present. */
export function featureSetOfWeights(w: Weights): FeatureSet {
  return featureSetOf(QUAD_FEATURES.filter((f) => w[FEATURE_INFO[f].weight] !== undefined));
}

/** The quadratic part of the logit, w11·x1² + w22·x2² + w12·x1·x2 (0 for a linear model). */
export function quadraticTerm(w: Weights, x1: number, x2: number): number {
  return (w.w11 ?? 0) * x1 * x1 + (w.w22 ?? 0) * x2 * x2 + (w.w12 ?? 0) * x1 * x2;
}

/** Whether the weights draw a straight boundary (every quadratic weight absent or 0). */
export function isLinear(w: Weights): boolean {
  return !w.w11 && !w.w22 && !w.w12;
}

/** The feature functions of a set, x1 and x2 first, in θ order. */
export function featureFunctions(set: FeatureSet): ((x1: number, x2: number) => number)[] {
  const fns: Record<QuadFeature, (x1: number, x2: number) => number> = {
    x1sq: (a) => a * a,
    x2sq: (_, c) => c * c,
    x1x2: (a, c) => a * c,
  };
  return [(a) => a, (_, c) => c, ...featureList(set).map((f) => fns[f])];
}

/**
 * Standardization of the features, for the optimizer only: each feature φ_j's mean μ_j and
 * population standard deviation σ_j on the training points (σ = 1 where a feature is constant).
 * Descent then runs on the standardized parameters θ' — w'_j = σ_j·w_j, b' = b + Σ w_j·μ_j —
 * the weights of (φ_j − μ_j)/σ_j, so that a round bowl replaces a long, narrow valley; the weights
 * the page shows (and the objective, its L2 term and the exact optimum) stay those of the raw
 * features: w_j = w'_j/σ_j, b = b' − Σ w'_j·μ_j/σ_j.
 */
export interface Scaling {
  mean: number[];
  sd: number[];
}

/** The scaling of `features` on these columns (an empty set of points: no shift, unit scale). */
export function featureScaling(
  cols: { n: number; x1: ArrayLike<number>; x2: ArrayLike<number> },
  features: FeatureSet,
): Scaling {
  const fns = featureFunctions(features);
  // Two passes (the mean, then the squared deviations): no cancellation when |mean| ≫ SD.
  const mean = fns.map((f) => {
    let sum = 0;
    for (let i = 0; i < cols.n; i++) sum += f(cols.x1[i]!, cols.x2[i]!);
    return cols.n > 0 ? sum / cols.n : 0;
  });
  const sd = fns.map((f, k) => {
    let sq = 0;
    for (let i = 0; i < cols.n; i++) sq += (f(cols.x1[i]!, cols.x2[i]!) - mean[k]!) ** 2;
    const v = cols.n > 0 ? sq / cols.n : 1;
    return v > 1e-300 && Number.isFinite(v) ? Math.sqrt(v) : 1;
  });
  return { mean, sd };
}

/** Raw θ (w…, b) → standardized θ' (see {@link Scaling}). */
export function toStandardized(theta: ArrayLike<number>, s: Scaling): number[] {
  const d = s.mean.length;
  let b = theta[d]!;
  const out: number[] = [];
  for (let k = 0; k < d; k++) {
    out.push(theta[k]! * s.sd[k]!);
    b += theta[k]! * s.mean[k]!;
  }
  return [...out, b];
}

/** Standardized θ' → raw θ (see {@link Scaling}); writes into `out`. */
export function fromStandardized(thetaStd: ArrayLike<number>, s: Scaling, out: Float64Array): void {
  const d = s.mean.length;
  let b = thetaStd[d]!;
  for (let k = 0; k < d; k++) {
    const w = thetaStd[k]! / s.sd[k]!;
    out[k] = w;
    b -= w * s.mean[k]!;
  }
  out[d] = b;
}

/** A raw gradient g (θ order) as the gradient along θ': g'_j = (g_j − g_b·μ_j)/σ_j, g'_b = g_b. */
export function gradientToStandardized(g: ArrayLike<number>, s: Scaling, out: Float64Array): void {
  const d = s.mean.length;
  const gb = g[d]!;
  for (let k = 0; k < d; k++) out[k] = (g[k]! - gb * s.mean[k]!) / s.sd[k]!;
  out[d] = gb;
}
