/**
 * "Export as Python", checked by Python itself: the scripts parse, the data block reads back as
 * exactly the app's numbers, and the scikit-learn script runs end to end on a stand-in.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PythonExportInput } from './python-export.ts';
import { pytorchScript, sklearnScript } from './python-export.ts';
import {
  coords,
  dataSection,
  makeInput,
  tutorial,
  withHyper,
} from './__fixtures__/python-export-input.ts';
import { pythonWith, requirePython } from './__fixtures__/python-env.ts';

// These tests run Python: Debian's /usr/bin/python3 (or $PYTHON) with numpy. Locally, without it,
// they are skipped with the install command in the reason; with CI=true a missing numpy fails.
const env = pythonWith(['numpy']);
const needs = env.problem ? ` [skipped: ${env.problem}]` : '';

/** Runs the found Python with `code` on stdin (or as a file), and returns its stdout. */
function runPython(args: string[], input: string, cwd?: string): string {
  const r = spawnSync(requirePython(env), args, {
    input,
    encoding: 'utf8',
    cwd,
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const READ_BACK = `import json, sys
ns = {}
exec(sys.stdin.read(), ns)
print(json.dumps({k: v for k, v in ns.items() if k.isupper()}))
print(all(isinstance(v, float) for n in ("X_TRAIN", "X_TEST") for row in ns[n] for v in row))`;

describe('the scripts, read by Python', () => {
  const input = makeInput({ optimum: { w1: 0.1 + 0.2, w2: 1e-7, b: -0 } });
  const scripts = {
    'logreg_pytorch.py': pytorchScript(input),
    'logreg_sklearn.py': sklearnScript(input),
  };

  it.skipIf(env.skip)(`are valid Python${needs}`, () => {
    for (const variant of [
      input,
      withHyper({ optimizer: 'momentum', l2: 0.1 }),
      withHyper({ optimizer: 'adam', batchSize: 8 }),
      makeInput({ app: null }),
    ]) {
      for (const s of [pytorchScript(variant), sklearnScript(variant)]) {
        runPython(['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], s);
      }
    }
  });

  it.skipIf(env.skip)(`read the data block back as exactly the app's numbers${needs}`, () => {
    for (const script of Object.values(scripts)) {
      const [json, allFloats] = runPython(['-c', READ_BACK], dataSection(script)).split('\n');
      const data = JSON.parse(json!) as Record<string, unknown>;
      expect(allFloats).toBe('True');
      expect(data.X_TRAIN).toEqual(coords(input.train));
      expect(data.X_TEST).toEqual(coords(input.test));
      expect(data.Y_TRAIN).toEqual(input.train.map((p) => p.label));
      expect(data.Y_TEST).toEqual(input.test.map((p) => p.label));
      // Bit for bit, the sign of −0 included (also in the optimum).
      const flat = (data.X_TRAIN as number[][]).flat();
      coords(input.train)
        .flat()
        .forEach((v, i) => expect(Object.is(flat[i], v)).toBe(true));
      expect(Object.is((data.APP_OPTIMUM as { b: number }).b, -0)).toBe(true);
      expect(data).toMatchObject({
        LEARNING_RATE: 0.01,
        EPSILON: 1e-8,
        EPOCHS: 200_000,
        APP_EPOCH: 200_000,
        APP_WEIGHTS: input.app!.weights,
        APP_OPTIMUM: { w1: 0.1 + 0.2, w2: 1e-7 },
        NEW_POINT: [1, 1],
      });
    }
  });

  // scikit-learn is not needed to run the rest of the scikit-learn script: a stand-in package
  // fits by Newton's method, so the script's own numpy code and self-checks really run.
  const dir = mkdtempSync(join(tmpdir(), 'logreg-py-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(env.skip)(
    `run the scikit-learn script end to end against a stand-in for scikit-learn${needs}`,
    () => {
      mkdirSync(join(dir, 'sklearn'), { recursive: true });
      writeFileSync(join(dir, 'sklearn', '__init__.py'), '__version__ = "1.7.2"\n');
      writeFileSync(join(dir, 'sklearn', 'linear_model.py'), STAND_IN);
      const overlap = tutorial.map((p, i) => ({
        ...p,
        label: (i % 7 === 0 ? 1 - p.label : p.label) as 0 | 1,
      }));
      const cases: [PythonExportInput, RegExp][] = [
        [
          makeInput({ train: tutorial.filter((p) => p.split === 'train') }),
          /cosine between scikit-learn's w and the app's w = (0\.9|1\.0)/,
        ],
        [
          makeInput({
            train: overlap,
            hyper: { ...makeInput().hyper, l2: 0.5 },
            optimum: null,
          }),
          /gave no exact optimum/,
        ],
      ];
      for (const [variant, expected] of cases) {
        writeFileSync(join(dir, 'run.py'), sklearnScript(variant));
        const out = runPython(['run.py'], '', dir);
        expect(out).toMatch(expected);
        expect(out).toContain("at scikit-learn's weights:");
      }
      // The stand-in reaches the exact optimum, so the check must report a match.
      writeFileSync(
        join(dir, 'run.py'),
        sklearnScript(makeInput({ train: overlap, optimum: null })),
      );
      const first = runPython(['run.py'], '', dir);
      const w = /coef_ = \[\[(\S+), (\S+)\]\][\s\S]*intercept_ = \[(\S+)\]/.exec(first)!;
      const optimum = { w1: Number(w[1]), w2: Number(w[2]), b: Number(w[3]) };
      writeFileSync(join(dir, 'run.py'), sklearnScript(makeInput({ train: overlap, optimum })));
      expect(runPython(['run.py'], '', dir)).toContain("MATCHES the app's exact optimum");
    },
  );
});

/**
 * A minimal scikit-learn stand-in: LogisticRegression fitted by Newton's method. Without a
 * penalty it adds a tiny ridge (1e-3), which keeps separable data finite.
 */
const STAND_IN = `import numpy as np


class LogisticRegression:
    def __init__(self, C=1.0, penalty="l2", solver="lbfgs", tol=1e-4, max_iter=100, l1_ratio=None):
        self.lam = 1e-3 if penalty is None or C == np.inf else 1.0 / C

    def fit(self, X, y):
        A = np.hstack([X, np.ones((len(X), 1))])
        R = np.diag([self.lam, self.lam, 0.0])
        th = np.zeros(3)
        for _ in range(60):
            p = 1 / (1 + np.exp(-(A @ th)))
            g = A.T @ (p - y) + R @ th
            H = A.T @ (A * (p * (1 - p))[:, None]) + R + 1e-12 * np.eye(3)
            th = th - np.linalg.solve(H, g)
        self.coef_ = th[None, :2]
        self.intercept_ = th[2:]
        return self

    def decision_function(self, X):
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X):
        p = 1 / (1 + np.exp(-self.decision_function(X)))
        return np.stack([1 - p, p], axis=1)
`;
