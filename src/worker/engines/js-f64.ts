/**
 * The plain float64 engine: a tight JavaScript loop over typed arrays. At small N it is the
 * fastest engine on a machine without a GPU (no dispatch cost at all), and it is the float64
 * ground truth that the other engines are checked against.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import { makeRng, shuffleInPlace } from '../../core/random.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { applyUpdate, clearMoments, newOptState, type OptState } from './optimizer-state.ts';

const EMPTY: Columns = {
  n: 0,
  x1: new Float64Array(0),
  x2: new Float64Array(0),
  y: new Float64Array(0),
};

/** Creates the float64 JavaScript engine. */
export function createJsEngine(): Engine {
  let data = EMPTY;
  let params: TrainParams = { ...DEFAULT_PARAMS };
  let state: OptState = newOptState(0, 0, 0);
  let rng = makeRng(params.seed);
  let order: number[] = [];
  const grad = new Float64Array(3);

  /** Mean gradient of the BCE over indices [from, to) of `idx` (or of all points). */
  const batchGradient = (idx: number[] | null, from: number, to: number): void => {
    const { x1, x2, y } = data;
    const [w1, w2, b] = state.theta as unknown as [number, number, number];
    let s1 = 0;
    let s2 = 0;
    let sb = 0;
    for (let k = from; k < to; k++) {
      const i = idx ? idx[k]! : k;
      const a = x1[i]!;
      const c = x2[i]!;
      const z = w1 * a + w2 * c + b;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z));
      const r = p - y[i]!;
      s1 += r * a;
      s2 += r * c;
      sb += r;
    }
    const m = to - from;
    grad[0] = s1 / m + params.l2 * w1;
    grad[1] = s2 / m + params.l2 * w2;
    grad[2] = sb / m;
  };

  const epoch = (): void => {
    const n = data.n;
    if (n === 0) return;
    const bs = params.batchSize;
    if (bs <= 0 || bs >= n) {
      batchGradient(null, 0, n);
      applyUpdate(state, params, grad[0]!, grad[1]!, grad[2]!);
      return;
    }
    if (order.length !== n) order = Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(order, rng);
    for (let from = 0; from < n; from += bs) {
      batchGradient(order, from, Math.min(n, from + bs));
      applyUpdate(state, params, grad[0]!, grad[1]!, grad[2]!);
    }
  };

  return {
    id: 'js-f64',
    precision: 'float64',
    supports: () => true,
    setData(train) {
      data = train;
      order = [];
    },
    setParams(next) {
      if (next.optimizer !== params.optimizer) clearMoments(state);
      if (next.seed !== params.seed) rng = makeRng(next.seed);
      params = { ...next };
    },
    setWeights(w) {
      state = newOptState(w.w1, w.w2, w.b);
      rng = makeRng(params.seed);
    },
    run(epochs): Weights {
      for (let e = 0; e < epochs; e++) epoch();
      const [w1, w2, b] = state.theta as unknown as [number, number, number];
      return { w1, w2, b };
    },
    dispose() {
      data = EMPTY;
    },
  };
}
