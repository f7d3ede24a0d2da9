import { describe, expect, it } from 'vitest';
import { predict } from '../core/metrics.ts';
import { fmtFormula } from './format.ts';
import { classificationText, pointReadout, probeLabel } from './point-readout.ts';

describe('words for points and models', () => {
  it('reads a point out: place, class, split, and with a model p(blue) and its own loss', () => {
    const p = { x1: 1, x2: -2.5, label: 1 as const, split: 'test' as const };
    expect(pointReadout(p, null)).toEqual(['x1 = 1, x2 = −2.5: blue (class 1), test point']);
    // logit = 1·1 + 0·(−2.5) + 0 = 1: p = σ(1) = 0.731, loss −ln σ(1) = 0.3133.
    expect(pointReadout(p, { w1: 1, w2: 0, b: 0 })[1]).toBe(
      'p(blue) = 0.731; its loss −ln p(blue) = 0.313',
    );
    const red = { ...p, label: 0 as const, split: 'train' as const };
    expect(pointReadout(red, { w1: 1, w2: 0, b: 0 })[1]).toBe(
      'p(blue) = 0.731; its loss −ln p(red) = 1.31',
    );
  });

  it('says "on the boundary" where w·x + b = 0 exactly, never "blue" by the tie rule', () => {
    const at = predict({ w1: 0, w2: 0, b: 0 }, 1, 1);
    expect(classificationText(1, 1, at)).toBe(
      '(1, 1): p(blue) = 0.5 → on the boundary (neither class), logit 0',
    );
    expect(probeLabel(at)).toBe('p(blue) 0.5 → on the boundary');
    const red = predict({ w1: -1, w2: 0, b: 0 }, 1, 1);
    expect(classificationText(1, 1, red)).toMatch(/→ red \(class 0\), logit −1$/);
  });

  it('folds signs into the formula: never "+ −"', () => {
    expect(fmtFormula({ w1: 0.5, w2: -0.06332, b: 1 })).toBe(
      'p(blue) = σ(0.5·x1 − 0.06332·x2 + 1)',
    );
    expect(fmtFormula({ w1: -2, w2: 3, b: -0.5 })).toBe('p(blue) = σ(−2·x1 + 3·x2 − 0.5)');
  });
});
