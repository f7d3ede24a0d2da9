import { describe, expect, it } from 'vitest';
import { countByLabel, toColumns } from './dataset.ts';
import { runGradientDescent } from './gradient-descent.ts';
import { predict } from './metrics.ts';
import { TUTORIAL, TUTORIAL_CENTRES, TUTORIAL_MARGIN, tutorialPreset } from './presets.ts';
import { solveReference } from './reference-solver.ts';
import { isLinearlySeparable } from './separability.ts';

/** Signed distance from the bisector of the two centres, positive towards blue. */
function side(x1: number, x2: number): number {
  const [r, b] = TUTORIAL_CENTRES;
  const len = Math.hypot(b.x1 - r.x1, b.x2 - r.x2);
  return (
    ((x1 - (r.x1 + b.x1) / 2) * (b.x1 - r.x1) + (x2 - (r.x2 + b.x2) / 2) * (b.x2 - r.x2)) / len
  );
}

describe('tutorialPreset', () => {
  const points = tutorialPreset();

  it('makes 300 points, 150 per class, 99 of them held out for testing', () => {
    expect(points).toHaveLength(300);
    expect(countByLabel(points)).toEqual({ 0: 150, 1: 150 });
    expect(points.filter((p) => p.split === 'test')).toHaveLength(99);
  });

  it('is deterministic for a seed and differs for another', () => {
    expect(tutorialPreset()).toEqual(points);
    expect(tutorialPreset({ seed: 43 })).not.toEqual(points);
  });

  it('centres the red blob near (0, 0) and the blue blob near (4, 3.5)', () => {
    for (const label of [0, 1] as const) {
      const own = points.filter((p) => p.label === label);
      const mean = (k: 'x1' | 'x2') => own.reduce((s, p) => s + p[k], 0) / own.length;
      expect(Math.abs(mean('x1') - TUTORIAL_CENTRES[label].x1)).toBeLessThan(0.3);
      expect(Math.abs(mean('x2') - TUTORIAL_CENTRES[label].x2)).toBeLessThan(0.3);
    }
  });

  it('is linearly separable, with every point 0.3 inside its own side, for seeds 0 to 50', () => {
    for (let seed = 0; seed <= 50; seed++) {
      const pts = tutorialPreset({ seed });
      expect(isLinearlySeparable(toColumns(pts)), `seed ${seed}`).toBe(true);
      for (const p of pts)
        expect((p.label === 1 ? 1 : -1) * side(p.x1, p.x2)).toBeGreaterThanOrEqual(TUTORIAL_MARGIN);
    }
  });

  it('stays separable with noisy blobs (noise 3) and respects n', () => {
    const pts = tutorialPreset({ n: 101, noise: 3, seed: 8 });
    expect(countByLabel(pts)).toEqual({ 0: 51, 1: 50 });
    expect(isLinearlySeparable(toColumns(pts))).toBe(true);
  });

  it('predicts the new point (1, 1) red (p(blue) < 0.15) with the reference solver at l2 = 0.01, seeds 0 to 50', () => {
    const { x1, x2 } = TUTORIAL.newPoint;
    for (let seed = 0; seed <= 50; seed++) {
      const train = toColumns(tutorialPreset({ seed }).filter((p) => p.split === 'train'));
      const r = solveReference(train, 0.01);
      if (r.status !== 'optimum') throw new Error(r.message);
      const guess = predict(r.weights, x1, x2);
      expect(guess.label, `seed ${seed}`).toBe(0);
      expect(guess.p, `seed ${seed}`).toBeLessThan(0.15);
    }
  });

  it('predicts (1, 1) red with p(blue) < 0.05 after the full recipe: 200,000 epochs of GD at lr 0.01', () => {
    const train = toColumns(points.filter((p) => p.split === 'train'));
    const { weights } = runGradientDescent(train, { lr: TUTORIAL.lr, epochs: TUTORIAL.epochs });
    const guess = predict(weights, TUTORIAL.newPoint.x1, TUTORIAL.newPoint.x2);
    expect(guess.label).toBe(0);
    expect(guess.p).toBeLessThan(0.05);
  });

  it('has no finite unpenalised optimum, because the classes separate', () => {
    expect(solveReference(toColumns(points), 0)).toMatchObject({
      status: 'no-finite-optimum',
      reason: 'separable',
    });
  });

  it('rejects a fractional n and a negative noise with the value in the message', () => {
    expect(() => tutorialPreset({ n: 2.5 })).toThrow('invalid n; not an integer ≥ 0: 2.5');
    expect(() => tutorialPreset({ noise: -1 })).toThrow(
      'invalid noise; not a finite number ≥ 0: -1',
    );
  });
});

describe('TUTORIAL', () => {
  it('describes the recipe: 300 points, seed 42, 33 % test, lr 0.01, 200,000 epochs', () => {
    expect(TUTORIAL).toEqual({
      n: 300,
      seed: 42,
      testFraction: 0.33,
      lr: 0.01,
      epochs: 200_000,
      reportEvery: 10_000,
      newPoint: { x1: 1, x2: 1 },
    });
  });
});
