import type { Columns } from './dataset.ts';
import {
  featureFunctions,
  fromTheta,
  NO_FEATURES,
  paramCount,
  type FeatureSet,
} from './features.ts';
import type { Weights } from './maths.ts';
import { logit, objective, sigmoid } from './maths.ts';
import { classifySeparation } from './separability.ts';

/** Options of {@link solveReference}. */
export interface SolverOptions {
  /** Most Newton steps to take, an integer ≥ 1; default 100. */
  maxIter?: number;
  /** Stop once ‖∇J‖ ≤ tol (nats per point per unit of parameter), ≥ 0; default 1e-12. */
  tol?: number;
  /** The model's optional features (./features.ts); default none: the straight-line model. */
  features?: FeatureSet;
}

/**
 * Result of {@link solveReference}: the optimum, or why there is none.
 * `converged` is true when ‖∇J‖ ≤ tol or when no step can lower J any more in float64.
 */
export type ReferenceResult =
  | {
      status: 'optimum';
      weights: Weights;
      objective: number;
      gradientNorm: number;
      iterations: number;
      converged: boolean;
    }
  | { status: 'no-finite-optimum'; reason: 'separable' | 'one-class' | 'empty'; message: string };

/** A parameter vector θ in ./features.ts order: [w1, w2, quadratic weights…, b]. */
type Vec = number[];

const MESSAGES = {
  empty: 'There are no points, so there is nothing to fit.',
  'one-class':
    'Only one class is present, so the loss keeps falling as the bias grows: there is no finite optimum.',
  strict:
    'The classes are linearly separable and there is no L2 penalty, so the loss keeps falling as ‖w‖ grows: there is no finite optimum.',
  touching:
    'A line splits the classes with some points lying on it, and there is no L2 penalty, so the loss keeps falling as ‖w‖ grows: there is no finite optimum.',
  'feature-separable':
    'A boundary of these features splits the classes and there is no L2 penalty, so the loss keeps falling as ‖w‖ grows: there is no finite optimum. (The maximum-margin line is drawn for the straight-line model only; add an L2 penalty for an optimum to compare with.)',
} as const;

/** Gradient g and Hessian H (k×k, row-major) of J at θ, in one pass over the data. */
function derivatives(cols: Columns, th: Vec, l2: number, set: FeatureSet): { g: Vec; h: Vec } {
  const { n, x1, x2, y } = cols;
  const fns = featureFunctions(set);
  const k = th.length;
  const g: Vec = new Array<number>(k).fill(0);
  const h: Vec = new Array<number>(k * k).fill(0);
  const phi = new Float64Array(k);
  phi[k - 1] = 1;
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let a = 0; a < k - 1; a++) z += th[a]! * (phi[a] = fns[a]!(x1[i]!, x2[i]!));
    const p = sigmoid(z + th[k - 1]!);
    const r = p - y[i]!;
    const v = p * (1 - p);
    for (let a = 0; a < k; a++) {
      g[a]! += r * phi[a]!;
      for (let c = a; c < k; c++) h[a * k + c]! += v * phi[a]! * phi[c]!;
    }
  }
  for (let a = 0; a < k; a++) {
    g[a] = g[a]! / n + (a < k - 1 ? l2 * th[a]! : 0);
    for (let c = a; c < k; c++) h[c * k + a] = h[a * k + c] = h[a * k + c]! / n;
    if (a < k - 1) h[a * k + a]! += l2;
  }
  return { g, h };
}

/** Solves (H + ridge·I)·x = g by Cholesky factorisation; null if not positive definite. */
function cholSolve(h: Vec, g: Vec, ridge: number): Vec | null {
  const k = g.length;
  const l = new Array<number>(k * k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i * k + j]! + (i === j ? ridge : 0);
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j]!;
    }
  }
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let sum = g[i]!;
    for (let m = 0; m < i; m++) sum -= l[i * k + m]! * z[m]!;
    z[i] = sum / l[i * k + i]!;
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let m = i + 1; m < k; m++) sum -= l[m * k + i]! * x[m]!;
    x[i] = sum / l[i * k + i]!;
  }
  return x;
}

/** Newton step H⁻¹g, with a growing ridge when H is singular (e.g. collinear data). */
function newtonStep(h: Vec, g: Vec): Vec {
  const k = g.length;
  const scale = Math.max(...g.map((_, i) => h[i * k + i]!), Number.MIN_VALUE);
  for (let m = 0; m < 30; m++) {
    const x = cholSolve(h, g, m === 0 ? 0 : scale * 10 ** (m - 16));
    if (x !== null && x.every(Number.isFinite)) return x;
  }
  return g; // A last resort: plain gradient descent direction.
}

interface State {
  th: Vec;
  j: number;
  g: Vec;
  h: Vec;
  gn: number;
}

function stateAt(cols: Columns, th: Vec, l2: number, set: FeatureSet): State {
  const { g, h } = derivatives(cols, th, l2, set);
  return { th, j: objective(cols, fromTheta(th, set), l2), g, h, gn: Math.hypot(...g) };
}

/**
 * One damped Newton step: Armijo backtracking on J while J can still register the predicted
 * decrease; closer in, where that decrease is below float64's resolution of J, the full step is
 * judged by ‖∇J‖ instead. Returns null when no step improves (the float64 limit is reached).
 */
function nextState(cols: Columns, l2: number, set: FeatureSet, s: State): State | null {
  const step = newtonStep(s.h, s.g);
  const slope = s.g.reduce((acc, gi, i) => acc + gi * step[i]!, 0);
  const at = (t: number): Vec => s.th.map((v, i) => v - t * step[i]!);
  if (slope <= 1e-10 * (1 + Math.abs(s.j))) {
    const next = stateAt(cols, at(1), l2, set);
    return next.gn < s.gn ? next : null;
  }
  for (let t = 1, m = 0; m < 60; m++, t /= 2) {
    const th = at(t);
    const j = objective(cols, fromTheta(th, set), l2);
    if (j < s.j && j <= s.j - 1e-4 * t * slope) return stateAt(cols, th, l2, set);
  }
  return null;
}

/** Whether θ puts every point strictly on its own side: a certificate of separability. */
function separates(cols: Columns, th: Vec, set: FeatureSet): boolean {
  const w = fromTheta(th, set);
  for (let i = 0; i < cols.n; i++) {
    const z = logit(w, cols.x1[i]!, cols.x2[i]!);
    if (cols.y[i] === 1 ? !(z > 0) : !(z < 0)) return false;
  }
  return true;
}

function whyNoOptimum(cols: Columns, l2: number): keyof typeof MESSAGES | null {
  if (cols.n === 0) return 'empty';
  let blue = 0;
  for (let i = 0; i < cols.n; i++) if (cols.y[i] === 1) blue++;
  if (blue === 0 || blue === cols.n) return 'one-class';
  // A penalty keeps ‖w‖ finite, so only the unpenalised fit needs the O(n log n) geometry.
  if (l2 > 0) return null;
  // A line that splits the classes (even with points on it) splits them for any features too:
  // the straight-line model is part of every feature model. Beyond that, with features,
  // separability shows during the solve (an iterate that separates is the certificate).
  const s = classifySeparation(cols);
  return s === 'strict' || s === 'touching' ? s : null;
}

function noOptimum(why: keyof typeof MESSAGES): ReferenceResult {
  const separable = why === 'strict' || why === 'touching' || why === 'feature-separable';
  return {
    status: 'no-finite-optimum',
    reason: separable ? 'separable' : why,
    message: MESSAGES[why],
  };
}

function checkArgs(l2: number, maxIter: number, tol: number): void {
  if (!(Number.isFinite(l2) && l2 >= 0)) {
    throw new RangeError(`invalid l2; not a finite number ≥ 0: ${l2}`);
  }
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) {
    throw new RangeError(`invalid maxIter; not an integer ≥ 1: ${maxIter}`);
  }
  if (!(Number.isFinite(tol) && tol >= 0)) {
    throw new RangeError(`invalid tol; not a finite number ≥ 0: ${tol}`);
  }
}

/**
 * The exact (float64) minimiser of J(w, b) = mean binary cross-entropy + (l2/2)·‖w‖², the bias
 * unpenalised, by Newton's method with an Armijo backtracking line search from w = 0, b = 0, on
 * the 3 to 6 parameters of the model's features.
 *
 * There is no finite optimum, and `status` says so, when the data are empty, hold one class only,
 * or (with l2 = 0) can be split by a line, strictly or with points on the line — with quadratic
 * features, when an iterate of the solve splits the classes strictly (that θ is the proof).
 *
 * @param cols The data.
 * @param l2 L2 penalty strength, finite and ≥ 0.
 * @param opts See {@link SolverOptions}.
 * @throws RangeError for a negative or non-finite `l2`, or invalid options.
 */
export function solveReference(
  cols: Columns,
  l2: number,
  opts: SolverOptions = {},
): ReferenceResult {
  const { maxIter = 100, tol = 1e-12, features: set = NO_FEATURES } = opts;
  checkArgs(l2, maxIter, tol);
  const why = whyNoOptimum(cols, l2);
  if (why !== null) return noOptimum(why);
  const checkSeparation = l2 === 0 && set !== NO_FEATURES;
  let s = stateAt(cols, new Array<number>(paramCount(set)).fill(0), l2, set);
  let iterations = 0;
  let stalled = false;
  while (s.gn > tol && iterations < maxIter) {
    if (checkSeparation && iterations > 0 && separates(cols, s.th, set)) {
      return noOptimum('feature-separable');
    }
    const next = nextState(cols, l2, set, s);
    if (next === null) {
      stalled = true;
      break;
    }
    s = next;
    iterations++;
  }
  if (checkSeparation && separates(cols, s.th, set)) return noOptimum('feature-separable');
  const converged = s.gn <= tol || stalled;
  return {
    status: 'optimum',
    weights: fromTheta(s.th, set),
    objective: s.j,
    gradientNorm: s.gn,
    iterations,
    converged,
  };
}
