/**
 * Shared parts of the "Export as Python" scripts: the input they are built from, its checks,
 * exact Python literals for numbers and strings, and the data block both scripts start from.
 * Pure: strings in, strings out.
 */
import {
  featureList,
  featureSetOfWeights,
  weightKeys,
  type FeatureSet,
  type QuadFeature,
} from './features.ts';

/** Each optional feature as the scripts name its column (Python's spelling). */
const PY_FEATURE: Record<QuadFeature, string> = { x1sq: 'x1**2', x2sq: 'x2**2', x1x2: 'x1*x2' };
import type { Hyper } from './settings.ts';
import type { Label } from './dataset.ts';
import type { Weights } from './maths.ts';

/** A labelled point as exported (its split is given by the list it is in). */
export interface ExportPoint {
  x1: number;
  x2: number;
  label: Label;
}

/** The app's hyper-parameters, as the scripts use them (the initial weights come separately). */
export type ExportHyper = Omit<Hyper, 'init'>;

/** Everything the two scripts are built from. */
export interface PythonExportInput {
  /** The app's training split, in the app's order. */
  train: readonly ExportPoint[];
  /** The app's test split, in the app's order. */
  test: readonly ExportPoint[];
  hyper: ExportHyper;
  /** The weights training started from (zeros in the tutorial). */
  initial: Weights;
  /** Where the app is now; null before any training. */
  app: {
    epoch: number;
    weights: Weights;
    engine: string;
    precision: 'float32' | 'float64';
  } | null;
  /** The app's exact float64 optimum (L2 > 0 or non-separable data), else null. */
  optimum: Weights | null;
  /** The point to classify at the end; (1, 1) in the tutorial. */
  newPoint: { x1: number; x2: number };
}

/** First line of the data block: everything up to {@link DATA_END} is plain Python literals. */
export const DATA_BEGIN = '# ===== BEGIN DATA (logreg-lab export; plain Python literals) =====';
/** Last line of the data block. */
export const DATA_END = '# ===== END DATA =====';

const fail = (what: string, v: unknown): never => {
  throw new Error(`Cannot export as Python: ${what} is ${String(v)}, not a finite number.`);
};

/**
 * A float as a Python literal that reads back as exactly the same float64: JavaScript's shortest
 * round-trip digits (the same number Python's repr gives), with ".0" added to integral values
 * and the sign of −0 kept.
 *
 * @throws Error for NaN and ±Infinity (the app never exports those); `what` names the value.
 */
export function pyFloat(x: number, what = 'a value'): string {
  if (!Number.isFinite(x)) fail(what, x);
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * A non-negative integer as a Python int literal.
 *
 * @throws Error when `n` is not a safe integer ≥ 0.
 */
export function pyInt(n: number, what = 'a count'): string {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new Error(`Cannot export as Python: ${what} is ${String(n)}, not an integer ≥ 0.`);
  }
  return String(n);
}

/** A string as an ASCII-only Python literal (non-ASCII as \\uXXXX or \\UXXXXXXXX escapes). */
export function pyStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/**
 * Weights as a Python dict literal {"w1": …, "w2": …, ["w11": …,] "b": …}, or None: the weights
 * of `features` (a missing one is 0), or those the weights carry.
 */
export function pyWeights(w: Weights | null, what: string, features?: FeatureSet): string {
  if (w === null) return 'None';
  const keys = [...weightKeys(features ?? featureSetOfWeights(w)), 'b' as const];
  const f = (k: (typeof keys)[number]) => `"${k}": ${pyFloat(w[k] ?? 0, `${what}.${k}`)}`;
  return `{${keys.map(f).join(', ')}}`;
}

/** Coordinates as a Python list of [x1, x2] rows, one per line. */
function pointRows(points: readonly ExportPoint[], name: string): string {
  if (points.length === 0) return `${name} = []`;
  const rows = points.map(
    (p, i) => `    [${pyFloat(p.x1, `${name}[${i}].x1`)}, ${pyFloat(p.x2, `${name}[${i}].x2`)}],`,
  );
  return `${name} = [\n${rows.join('\n')}\n]`;
}

/** Labels as a Python list of 0/1, 30 to a line. */
function labelRows(points: readonly ExportPoint[], name: string): string {
  if (points.length === 0) return `${name} = []`;
  const lines: string[] = [];
  for (let i = 0; i < points.length; i += 30) {
    const chunk = points.slice(i, i + 30).map((p, k) => {
      if (p.label !== 0 && p.label !== 1) {
        throw new Error(`Cannot export as Python: label ${i + k} is ${String(p.label)}.`);
      }
      return String(p.label);
    });
    lines.push(`    ${chunk.join(', ')},`);
  }
  return `${name} = [\n${lines.join('\n')}\n]`;
}

/** Whether mini-batches are in effect: 0 < batchSize < number of training points. */
export function usesMiniBatches(input: PythonExportInput): boolean {
  return input.hyper.batchSize > 0 && input.hyper.batchSize < input.train.length;
}

/**
 * The data block both scripts start from: the app's train and test points, hyper-parameters,
 * starting weights, where the app is now, its exact optimum and the new point — between
 * {@link DATA_BEGIN} and {@link DATA_END}, as plain literals that run without any import.
 *
 * @throws Error naming the value for a NaN or infinite number, a bad count, an empty training
 *   split or an unknown optimizer.
 */
export function dataBlock(input: PythonExportInput): string {
  const { train, test, hyper: h, initial, app, optimum, newPoint } = input;
  if (train.length === 0) {
    throw new Error('Cannot export as Python: there are no training points.');
  }
  if (!['sgd', 'momentum', 'adam'].includes(h.optimizer)) {
    throw new Error(`Cannot export as Python: unknown optimizer ${String(h.optimizer)}.`);
  }
  const appLines = app
    ? [
        `APP_EPOCH = ${pyInt(app.epoch, 'app.epoch')}`,
        `APP_WEIGHTS = ${pyWeights(app.weights, 'app.weights', h.features)}`,
        `APP_ENGINE = ${pyStr(app.engine)}`,
        `APP_PRECISION = ${pyStr(app.precision === 'float32' ? 'float32' : 'float64')}`,
      ]
    : [
        'APP_EPOCH = None  # exported before any training',
        'APP_WEIGHTS = None',
        'APP_ENGINE = None',
        'APP_PRECISION = None',
      ];
  return [
    DATA_BEGIN,
    "# Every number is the app's own float64 value, written with the shortest digits that read back",
    "# exactly (the same digits as Python's repr).",
    '#',
    "# The train/test split is the app's own (the tutorial's 33 % test share with seed 42, drawn by",
    "# the app's seeded shuffle). It is NOT re-drawn here: scikit-learn's train_test_split shuffles",
    '# differently and would hold out other points.',
    pointRows(train, 'X_TRAIN'),
    labelRows(train, 'Y_TRAIN'),
    pointRows(test, 'X_TEST'),
    labelRows(test, 'Y_TEST'),
    '',
    "# The model's feature columns, computed from (x1, x2), and the names of their weights (in the",
    '# same order; b is the bias). p(blue) = sigmoid(sum of weight * feature + b).',
    `FEATURES = [${['x1', 'x2', ...featureList(h.features).map((f) => PY_FEATURE[f])].map(pyStr).join(', ')}]`,
    `WEIGHT_NAMES = [${weightKeys(h.features).map(pyStr).join(', ')}]`,
    `STANDARDIZE = ${h.standardize === 'on' ? 'True' : 'False'}  # descent on standardized columns (the app's "Standardize features")`,
    '',
    "# The app's hyper-parameters. Objective J = mean BCE + L2/2 * ||w||^2 (every weight but b).",
    `LEARNING_RATE = ${pyFloat(h.lr, 'hyper.lr')}`,
    `L2 = ${pyFloat(h.l2, 'hyper.l2')}`,
    `OPTIMIZER = ${pyStr(h.optimizer)}  # "sgd", "momentum" or "adam"`,
    `MOMENTUM = ${pyFloat(h.momentum, 'hyper.momentum')}  # "momentum" only`,
    `BETA1 = ${pyFloat(h.beta1, 'hyper.beta1')}  # "adam" only`,
    `BETA2 = ${pyFloat(h.beta2, 'hyper.beta2')}  # "adam" only`,
    `EPSILON = ${pyFloat(h.epsilon, 'hyper.epsilon')}  # "adam" only`,
    `BATCH_SIZE = ${pyInt(h.batchSize, 'hyper.batchSize')}  # points per mini-batch; 0 = full batch`,
    `SEED = ${pyInt(h.seed, 'hyper.seed')}  # seed of the mini-batch shuffle`,
    `EPOCHS = ${pyInt(h.epochs, 'hyper.epochs')}  # the app's epoch budget`,
    `REPORT_EVERY = ${pyInt(h.reportEvery, 'hyper.reportEvery')}  # print test accuracy every this many epochs; 0 = never`,
    `INITIAL = ${pyWeights(initial, 'initial', h.features)}  # the weights training started from`,
    '',
    '# Where the app is now, and its exact float64 optimum (None: there is no finite optimum).',
    ...appLines,
    `APP_OPTIMUM = ${pyWeights(optimum, 'optimum', h.features)}`,
    `NEW_POINT = [${pyFloat(newPoint.x1, 'newPoint.x1')}, ${pyFloat(newPoint.x2, 'newPoint.x2')}]`,
    DATA_END,
  ].join('\n');
}
