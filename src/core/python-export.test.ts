import { describe, expect, it } from 'vitest';
import type { PythonExportInput } from './python-export.ts';
import { pyFloat, pytorchScript, sklearnScript } from './python-export.ts';
import { coords, makeInput, rowsOf, withHyper } from './__fixtures__/python-export-input.ts';

describe('pyFloat', () => {
  it('writes the shortest digits that read back as exactly the same float64', () => {
    for (const x of [0.1 + 0.2, 1e-7, 5e-324, 2 / 3, Math.PI, 1.7976931348623157e308, 1e21]) {
      expect(Object.is(Number(pyFloat(x)), x)).toBe(true);
    }
    expect(pyFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloat(1e-8)).toBe('1e-8');
  });

  it('writes integral values as Python floats and keeps the sign of minus zero', () => {
    expect(pyFloat(3)).toBe('3.0');
    expect(pyFloat(-1e6)).toBe('-1000000.0');
    expect(pyFloat(0)).toBe('0.0');
    expect(pyFloat(-0)).toBe('-0.0');
  });

  it('refuses NaN and infinities with an error that names the value', () => {
    expect(() => pyFloat(Number.NaN, 'hyper.lr')).toThrow(/hyper\.lr is NaN/);
    expect(() => pyFloat(Infinity)).toThrow(/Infinity, not a finite number/);
    expect(() => pyFloat(-Infinity)).toThrow(Error);
  });
});

describe('the data block', () => {
  it("holds the app's train and test points separately, each parsing back exactly", () => {
    const input = makeInput();
    for (const script of [pytorchScript(input), sklearnScript(input)]) {
      const train = rowsOf(script, 'X_TRAIN');
      expect(train.length).toBe(input.train.length);
      train
        .flat()
        .forEach((v, i) => expect(Object.is(v, coords(input.train).flat()[i])).toBe(true));
      expect(rowsOf(script, 'X_TEST')).toEqual(coords(input.test));
      expect(script).toContain("It is NOT re-drawn here: scikit-learn's train_test_split");
    }
  });

  it('puts the hyper-parameters, the starting weights and the new point into both scripts', () => {
    const input = withHyper({ l2: 0.25, momentum: 0.8, beta2: 0.99, batchSize: 16, seed: 7 });
    for (const script of [pytorchScript(input), sklearnScript(input)]) {
      for (const line of [
        'LEARNING_RATE = 0.01',
        'L2 = 0.25',
        'OPTIMIZER = "sgd"',
        'MOMENTUM = 0.8',
        'BETA1 = 0.9',
        'BETA2 = 0.99',
        'EPSILON = 1e-8',
        'BATCH_SIZE = 16',
        'SEED = 7',
        'EPOCHS = 200000',
        'REPORT_EVERY = 10000',
        'INITIAL = {"w1": 0.0, "w2": 0.0, "b": 0.0}',
        'APP_EPOCH = 200000',
        'APP_WEIGHTS = {"w1": 2.747475883957003, "w2": 2.4241279513637806, "b": -9.309135560638975}',
        'APP_ENGINE = "js-f64"',
        'APP_PRECISION = "float64"',
        'APP_OPTIMUM = None',
        'NEW_POINT = [1.0, 1.0]',
      ]) {
        expect(script).toMatch(new RegExp(`^${line.replace(/[[\]{}().*+?^$|\\]/g, '\\$&')}`, 'm'));
      }
    }
  });

  it('refuses NaN and Infinity anywhere, and an empty training split, with a clear error', () => {
    const bad: PythonExportInput[] = [
      makeInput({ train: [{ x1: Number.NaN, x2: 0, label: 0 }] }),
      makeInput({ test: [{ x1: 0, x2: Infinity, label: 1 }] }),
      withHyper({ lr: Number.NaN }),
      makeInput({ initial: { w1: 0, w2: -Infinity, b: 0 } }),
      makeInput({ optimum: { w1: 1, w2: 1, b: Number.NaN } }),
      makeInput({
        app: {
          epoch: 5,
          weights: { w1: Number.NaN, w2: 0, b: 0 },
          engine: 'x',
          precision: 'float64',
        },
      }),
    ];
    for (const input of bad) {
      expect(() => pytorchScript(input)).toThrow(
        /^Cannot export as Python: .* not a finite number/,
      );
      expect(() => sklearnScript(input)).toThrow(/not a finite number/);
    }
    expect(() => pytorchScript(makeInput({ train: [] }))).toThrow(/no training points/);
    expect(() => pytorchScript(withHyper({ epochs: 1.5 }))).toThrow(/hyper\.epochs is 1\.5/);
  });

  it('writes only ASCII, escaping any other character of an engine name', () => {
    const input = makeInput({
      app: { ...makeInput().app!, engine: 'GPU “fast” é 😀 "q" \\' },
    });
    for (const script of [pytorchScript(input), sklearnScript(input)]) {
      expect(/^[\x20-\x7e\n]*$/.test(script)).toBe(true);
    }
    expect(pytorchScript(input)).toContain(
      'APP_ENGINE = "GPU \\u201cfast\\u201d \\u00e9 \\U0001f600 \\"q\\" \\\\"',
    );
  });
});

describe('pytorchScript', () => {
  it("follows the tutorial's model, with the stable loss and an explicit L2 term", () => {
    const s = pytorchScript(makeInput());
    expect(s).toContain('torch.set_default_dtype(torch.float64)');
    expect(s).toContain('class LogisticRegression(torch.nn.Module):');
    expect(s).toContain('self.linear = torch.nn.Linear(input_dim, output_dim)');
    expect(s).toContain('outputs = torch.sigmoid(self.linear(x))');
    expect(s).toContain('criterion = torch.nn.BCEWithLogitsLoss()');
    expect(s).toContain('0.5 * L2 * (model.linear.weight / SD).pow(2).sum()');
    expect(s).not.toMatch(/weight_decay\s*=/);
    expect(s).toContain('w0 = torch.tensor([INITIAL[k] for k in WEIGHT_NAMES])');
    expect(s).toContain('model.linear.weight.copy_((w0 * SD).reshape(1, -1))');
    expect(s).toMatch(/^STANDARDIZE = False/m);
    expect(s).toContain('model = LogisticRegression(len(FEATURES), 1)');
    expect(s).toMatch(/^FEATURES = \["x1", "x2"\]$/m);
    expect(s).toMatch(/^WEIGHT_NAMES = \["w1", "w2"\]$/m);
  });

  it('with features, the scripts train on the same feature columns and name every weight', () => {
    const input = makeInput({
      hyper: { ...makeInput().hyper, features: 'x1sq-x1x2' },
      initial: { w1: 0, w2: 0, b: 0, w11: 0, w12: 0 },
      optimum: { w1: 1, w2: 2, b: 3, w11: -1, w12: 0.5 },
    });
    for (const s of [pytorchScript(input), sklearnScript(input)]) {
      expect(s).toMatch(/^FEATURES = \["x1", "x2", "x1\*\*2", "x1\*x2"\]$/m);
      expect(s).toMatch(/^WEIGHT_NAMES = \["w1", "w2", "w11", "w12"\]$/m);
      expect(s).toMatch(
        /^INITIAL = \{"w1": 0\.0, "w2": 0\.0, "w11": 0\.0, "w12": 0\.0, "b": 0\.0\}/m,
      );
      expect(s).toMatch(
        /^APP_OPTIMUM = \{"w1": 1\.0, "w2": 2\.0, "w11": -1\.0, "w12": 0\.5, "b": 3\.0\}/m,
      );
      expect(s).toContain('X_train = features(');
    }
  });

  it('uses plain SGD, heavy-ball momentum or Adam with the app’s settings', () => {
    expect(pytorchScript(makeInput())).toContain(
      'optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)\n',
    );
    const momentum = pytorchScript(withHyper({ optimizer: 'momentum' }));
    expect(momentum).toMatch(
      /torch\.optim\.SGD\([\s\S]*?momentum=MOMENTUM, dampening=0, nesterov=False/,
    );
    const adam = pytorchScript(withHyper({ optimizer: 'adam' }));
    expect(adam).toMatch(/torch\.optim\.Adam\([\s\S]*?betas=\(BETA1, BETA2\), eps=EPSILON/);
    expect(adam).toContain('CLOSE to the app');
  });

  it('trains full-batch for the app’s epochs (the budget before any training) and reports', () => {
    const s = pytorchScript(makeInput());
    expect(s).toContain('epochs = APP_EPOCH if APP_EPOCH is not None else EPOCHS');
    expect(s).toContain('if REPORT_EVERY > 0 and epoch % REPORT_EVERY == 0:');
    expect(s).not.toContain('randperm');
    const fresh = pytorchScript(makeInput({ app: null }));
    expect(fresh).toMatch(/^APP_EPOCH = None/m);
    expect(fresh).toMatch(/^APP_WEIGHTS = None/m);
  });

  it('prints the weights, the loss and the new point, then checks itself against the app', () => {
    const s = pytorchScript(makeInput());
    for (const part of ['{name} = {value!r}', 'objective J (train)', 'p(blue) = {p_new:.6g}']) {
      expect(s).toContain(part);
    }
    expect(s).toContain('scale = 1e-6 if APP_PRECISION == "float64" else 1e-3');
    expect(s).toContain('max |difference|');
    expect(s).toContain('print("  MATCHES the app")');
    expect(s).toContain('DIFFERS from the app');
  });

  it('shuffles mini-batches with a seeded generator and says no exact match is expected', () => {
    const s = pytorchScript(withHyper({ batchSize: 16 }));
    expect(s).toContain('torch.Generator().manual_seed(SEED)');
    expect(s).toContain('torch.randperm(n_train, generator=generator)');
    expect(s).toContain('an exact match is not expected');
    // A batch at least as large as the training split is one full batch, as in the app.
    expect(pytorchScript(withHyper({ batchSize: 10_000 }))).not.toContain('randperm');
  });
});

describe('sklearnScript', () => {
  it('sets C = 1/(l2 · n_train) with an L2 penalty when l2 > 0', () => {
    const s = sklearnScript(withHyper({ l2: 0.01 }));
    expect(s).toContain('C = 1.0 / (L2 * len(Y_TRAIN))');
    expect(s).toContain('{"C": C, "penalty": "l2"}');
    expect(s).toContain('solver="lbfgs", tol=1e-12, max_iter=100000');
    expect(s).not.toContain('"penalty": None');
  });

  it('uses no penalty at all when l2 = 0', () => {
    const s = sklearnScript(makeInput());
    expect(s).toContain('{"penalty": None}');
    expect(s).toContain('scikit-learn >= 1.2');
    expect(s).not.toContain('C = 1.0 / (L2');
  });

  it("compares with the app's exact optimum when there is one", () => {
    const s = sklearnScript(makeInput({ optimum: { w1: 1.5, w2: 1.25, b: -5 } }));
    expect(s).toMatch(/^APP_OPTIMUM = \{"w1": 1\.5, "w2": 1\.25, "b": -5\.0\}/m);
    expect(s).toContain("MATCHES the app's exact optimum");
    expect(s).toContain('1e-5 * (1 + abs(APP_OPTIMUM[k]))');
    expect(s).not.toContain('cosine');
  });

  it('explains that there is no finite optimum and compares only the direction', () => {
    const s = sklearnScript(makeInput());
    expect(s).toContain('no finite optimum');
    expect(s).toContain('cosine between');
    expect(s).toContain('Expect a cosine close to 1');
    expect(s).toContain('objective(APP_WEIGHTS, X_train, y_train)');
  });
});
