import type { Columns } from './dataset.ts';
import type { Weights } from './maths.ts';
import { objective, sigmoid } from './maths.ts';
import { classifySeparation } from './separability.ts';

/** Options of {@link solveReference}. */
export interface SolverOptions {
  /** Most Newton steps to take, an integer ≥ 1; default 100. */
  maxIter?: number;
  /** Stop once ‖∇J‖ ≤ tol (nats per point per unit of parameter), ≥ 0; default 1e-12. */
  tol?: number;
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

type Vec3 = [number, number, number];
/** Symmetric 3×3 matrix as its upper triangle: [h11, h12, h1b, h22, h2b, hbb]. */
type Sym3 = [number, number, number, number, number, number];

const MESSAGES = {
  empty: 'There are no points, so there is nothing to fit.',
  'one-class':
    'Only one class is present, so the loss keeps falling as the bias grows: there is no finite optimum.',
  strict:
    'The classes are linearly separable and there is no L2 penalty, so the loss keeps falling as ‖w‖ grows: there is no finite optimum.',
  touching:
    'A line splits the classes with some points lying on it, and there is no L2 penalty, so the loss keeps falling as ‖w‖ grows: there is no finite optimum.',
} as const;

/** Gradient g and Hessian H of J at θ = (w1, w2, b), in one pass over the data. */
function derivatives(cols: Columns, th: Vec3, l2: number): { g: Vec3; h: Sym3 } {
  const { n, x1, x2, y } = cols;
  const g: Vec3 = [0, 0, 0];
  const h: Sym3 = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const a = x1[i]!;
    const c = x2[i]!;
    const p = sigmoid(th[0] * a + th[1] * c + th[2]);
    const r = p - y[i]!;
    const v = p * (1 - p);
    g[0] += r * a;
    g[1] += r * c;
    g[2] += r;
    h[0] += v * a * a;
    h[1] += v * a * c;
    h[2] += v * a;
    h[3] += v * c * c;
    h[4] += v * c;
    h[5] += v;
  }
  for (let k = 0; k < 3; k++) g[k] = g[k]! / n;
  for (let k = 0; k < 6; k++) h[k] = h[k]! / n;
  g[0] += l2 * th[0];
  g[1] += l2 * th[1];
  h[0] += l2;
  h[3] += l2;
  return { g, h };
}

/** Solves H·x = g by Cholesky factorisation; null if H (+ ridge·I) is not positive definite. */
function cholSolve(h: Sym3, g: Vec3, ridge: number): Vec3 | null {
  const [a11, a12, a13, a22, a23, a33] = h;
  const l11 = Math.sqrt(a11 + ridge);
  const l21 = a12 / l11;
  const l31 = a13 / l11;
  const d22 = a22 + ridge - l21 * l21;
  if (!(l11 > 0 && d22 > 0)) return null;
  const l22 = Math.sqrt(d22);
  const l32 = (a23 - l31 * l21) / l22;
  const d33 = a33 + ridge - l31 * l31 - l32 * l32;
  if (!(d33 > 0)) return null;
  const l33 = Math.sqrt(d33);
  const z1 = g[0] / l11;
  const z2 = (g[1] - l21 * z1) / l22;
  const z3 = (g[2] - l31 * z1 - l32 * z2) / l33;
  const x3 = z3 / l33;
  const x2 = (z2 - l32 * x3) / l22;
  const x1 = (z1 - l21 * x2 - l31 * x3) / l11;
  return [x1, x2, x3];
}

/** Newton step H⁻¹g, with a growing ridge when H is singular (e.g. collinear data). */
function newtonStep(h: Sym3, g: Vec3): Vec3 {
  const scale = Math.max(h[0], h[3], h[5], Number.MIN_VALUE);
  for (let k = 0; k < 30; k++) {
    const x = cholSolve(h, g, k === 0 ? 0 : scale * 10 ** (k - 16));
    if (x !== null && x.every(Number.isFinite)) return x;
  }
  return g; // A last resort: plain gradient descent direction.
}

function toWeights(th: Vec3): Weights {
  return { w1: th[0], w2: th[1], b: th[2] };
}

interface State {
  th: Vec3;
  j: number;
  g: Vec3;
  h: Sym3;
  gn: number;
}

function stateAt(cols: Columns, th: Vec3, l2: number): State {
  const { g, h } = derivatives(cols, th, l2);
  return { th, j: objective(cols, toWeights(th), l2), g, h, gn: Math.hypot(...g) };
}

/**
 * One damped Newton step: Armijo backtracking on J while J can still register the predicted
 * decrease; closer in, where that decrease is below float64's resolution of J, the full step is
 * judged by ‖∇J‖ instead. Returns null when no step improves (the float64 limit is reached).
 */
function nextState(cols: Columns, l2: number, s: State): State | null {
  const step = newtonStep(s.h, s.g);
  const slope = s.g[0] * step[0] + s.g[1] * step[1] + s.g[2] * step[2];
  const at = (t: number): Vec3 => [
    s.th[0] - t * step[0],
    s.th[1] - t * step[1],
    s.th[2] - t * step[2],
  ];
  if (slope <= 1e-10 * (1 + Math.abs(s.j))) {
    const next = stateAt(cols, at(1), l2);
    return next.gn < s.gn ? next : null;
  }
  for (let t = 1, k = 0; k < 60; k++, t /= 2) {
    const th = at(t);
    const j = objective(cols, toWeights(th), l2);
    if (j < s.j && j <= s.j - 1e-4 * t * slope) return stateAt(cols, th, l2);
  }
  return null;
}

function whyNoOptimum(cols: Columns, l2: number): keyof typeof MESSAGES | null {
  if (cols.n === 0) return 'empty';
  let blue = 0;
  for (let i = 0; i < cols.n; i++) if (cols.y[i] === 1) blue++;
  if (blue === 0 || blue === cols.n) return 'one-class';
  // A penalty keeps ‖w‖ finite, so only the unpenalised fit needs the O(n log n) geometry.
  if (l2 > 0) return null;
  const s = classifySeparation(cols);
  return s === 'strict' || s === 'touching' ? s : null;
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
 * The exact (float64) minimiser of J(w, b) = mean binary cross-entropy + (l2/2)·(w1² + w2²), the
 * bias unpenalised, by Newton's method with an Armijo backtracking line search from w = 0, b = 0.
 *
 * There is no finite optimum, and `status` says so, when the data are empty, hold one class only,
 * or (with l2 = 0) can be split by a line, strictly or with points on the line.
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
  const { maxIter = 100, tol = 1e-12 } = opts;
  checkArgs(l2, maxIter, tol);
  const why = whyNoOptimum(cols, l2);
  if (why !== null) {
    const reason = why === 'strict' || why === 'touching' ? 'separable' : why;
    return { status: 'no-finite-optimum', reason, message: MESSAGES[why] };
  }
  let s = stateAt(cols, [0, 0, 0], l2);
  let iterations = 0;
  let stalled = false;
  while (s.gn > tol && iterations < maxIter) {
    const next = nextState(cols, l2, s);
    if (next === null) {
      stalled = true;
      break;
    }
    s = next;
    iterations++;
  }
  const converged = s.gn <= tol || stalled;
  return {
    status: 'optimum',
    weights: toWeights(s.th),
    objective: s.j,
    gradientNorm: s.gn,
    iterations,
    converged,
  };
}
