import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/decisions.json';
import source from './__fixtures__/overlap-mle.json';
import {
  averagePrecision,
  brierScore,
  calibration,
  confusionAt,
  prCurve,
  rates,
  rocAuc,
  rocCurve,
  type Scored,
} from './decisions.ts';
import { sigmoid } from './maths.ts';

/** p(blue) of the fixture's points [from, to) under scikit-learn's optimum, and their labels. */
function scored(from: number, to: number): Scored {
  const { w1, w2, b } = fixture.optimum;
  const xs = source.x.slice(from, to);
  return {
    scores: xs.map(([x1, x2]) => sigmoid(w1 * x1! + w2 * x2! + b)),
    labels: source.y.slice(from, to),
  };
}

describe('decisions against scikit-learn', () => {
  for (const [name, from, to] of [
    ['train', 0, 200],
    ['test', 200, 300],
  ] as const) {
    const want = fixture[name];
    const s = scored(from, to);
    it(`${name}: confusion matrix, precision, recall, F1 and accuracy at t = 0.5 and 0.3`, () => {
      for (const t of ['0.5', '0.3'] as const) {
        const c = confusionAt(s, Number(t));
        const w = want.at[t];
        expect(c).toEqual({ tn: w.tn, fp: w.fp, fn: w.fn, tp: w.tp });
        const r = rates(c);
        expect(r.precision).toBeCloseTo(w.precision, 14);
        expect(r.recall).toBeCloseTo(w.recall, 14);
        expect(r.f1).toBeCloseTo(w.f1, 14);
        expect(r.accuracy).toBeCloseTo(w.accuracy, 14);
      }
    });
    it(`${name}: the reliability diagram and the Brier score`, () => {
      const bins = calibration(s);
      expect(bins.map((b) => b.meanPredicted)).toHaveLength(want.calibration.mean_predicted.length);
      bins.forEach((b, i) => {
        expect(b.meanPredicted).toBeCloseTo(want.calibration.mean_predicted[i]!, 14);
        expect(b.fractionBlue).toBeCloseTo(want.calibration.fraction_blue[i]!, 14);
      });
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(to - from);
      expect(brierScore(s)).toBeCloseTo(want.brier, 14);
    });
    it(`${name}: ROC AUC and average precision`, () => {
      expect(rocAuc(s)).toBeCloseTo(want.roc_auc, 12);
      expect(averagePrecision(s)).toBeCloseTo(want.average_precision, 12);
    });
  }

  it('handles tied scores as scikit-learn does (one step per distinct score)', () => {
    const t = { scores: fixture.ties.scores, labels: fixture.ties.labels };
    expect(rocAuc(t)).toBeCloseTo(fixture.ties.roc_auc, 14);
    expect(averagePrecision(t)).toBeCloseTo(fixture.ties.average_precision, 14);
    expect(rocCurve(t)!.thresholds).toEqual([Infinity, 0.9, 0.8, 0.4, 0.35, 0.1]);
  });

  it('says nothing rather than a number when a class is missing; zero divisions give 0', () => {
    const reds = { scores: [0.2, 0.7], labels: [0, 0] };
    expect(rocCurve(reds)).toBeNull();
    expect(rocAuc(reds)).toBeNaN();
    expect(prCurve(reds)).toBeNull();
    expect(averagePrecision(reds)).toBeNaN();
    expect(rates(confusionAt(reds, 0.9))).toEqual({ precision: 0, recall: 0, f1: 0, accuracy: 1 });
  });

  it('ROC runs from (0, 0) to (1, 1), monotone; AUC is the chance that blue outranks red', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1 })), {
          minLength: 2,
          maxLength: 40,
        }),
        (rows) => {
          const s = { scores: rows.map((r) => r[0] / 6), labels: rows.map((r) => r[1]) };
          const c = rocCurve(s);
          const blue = rows.filter((r) => r[1] === 1).map((r) => r[0]);
          const red = rows.filter((r) => r[1] === 0).map((r) => r[0]);
          if (!blue.length || !red.length) {
            expect(c).toBeNull();
            return;
          }
          expect([c!.x[0], c!.y[0], c!.x.at(-1), c!.y.at(-1)]).toEqual([0, 0, 1, 1]);
          for (let i = 1; i < c!.x.length; i++)
            expect(c!.x[i]).toBeGreaterThanOrEqual(c!.x[i - 1]!);
          // Mann–Whitney: P(blue > red) + ½ P(tie), computed by counting pairs.
          let wins = 0;
          for (const bb of blue) for (const r of red) wins += bb > r ? 1 : bb === r ? 0.5 : 0;
          expect(rocAuc(s)).toBeCloseTo(wins / (blue.length * red.length), 12);
        },
      ),
    );
  });
});
