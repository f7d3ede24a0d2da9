import { describe, expect, it } from 'vitest';
import { fieldInk, legendEntries } from './legend.ts';
import { fieldLut } from './palette.ts';
import { epochTick } from './loss-axes.ts';
import { keyStep, lossReadout, nearestIndex } from './loss-inspect.ts';

const none = { model: false, contours: false, ghost: false, maxMargin: false, lanes: [] };
const texts = (s: Parameters<typeof legendEntries>[0]) => legendEntries(s).map((e) => e.text);

describe('legendEntries', () => {
  it('always explains the classes and the splits', () => {
    expect(texts(none)).toEqual(['red = class 0', 'blue = class 1', 'hollow = test point']);
  });

  it('names exactly the marks that are drawn', () => {
    const all = texts({
      model: true,
      contours: true,
      ghost: true,
      maxMargin: true,
      lanes: [{ colour: '#b35806', dash: 'none', label: 'race lane 1: learning rate 0.1' }],
    });
    expect(all).toEqual([
      'red = class 0',
      'blue = class 1',
      'hollow = test point',
      'shading: p(blue), red 0 → white 0.5 → blue 1',
      'boundary w·x + b = 0 (p = 0.5)',
      'p = 0.25 and p = 0.75',
      'w: points toward blue',
      'exact optimum’s boundary',
      'maximum-margin line',
      'race lane 1: learning rate 0.1',
    ]);
    // Contours without a model are not drawn, so not named.
    expect(texts({ ...none, contours: true })).not.toContain('p = 0.25 and p = 0.75');
  });

  it('draws the field swatch with the plot’s own colours', () => {
    const lut = fieldLut();
    const hex = (i: number) =>
      `#${[0, 1, 2].map((k) => lut[i * 4 + k]!.toString(16).padStart(2, '0')).join('')}`;
    expect(fieldInk(0)).toBe(hex(0));
    expect(fieldInk(0.5)).toBe(hex(128));
    expect(fieldInk(1)).toBe(hex(255));
  });
});

describe('loss plot reading', () => {
  const h = (epoch: number, trainLoss = 0.5, testLoss = 0.6) =>
    ({ epoch, trainLoss, testLoss }) as Parameters<typeof lossReadout>[0];

  it('writes the linear epoch axis without a shared SI prefix: 0, not "0k"', () => {
    expect([0, 500, 50_000, 150_000, 1_500_000].map(epochTick)).toEqual([
      '0',
      '500',
      '50k',
      '150k',
      '1.5M',
    ]);
  });

  it('reads a point out in words, and finds the nearest recorded epoch', () => {
    expect(lossReadout(h(12345, 0.123456, 0.2))).toBe(
      'epoch 12,345: train loss 0.1235, test loss 0.2',
    );
    // Small losses as the readouts write them (a try-out saw "4.072e-7" beside "2.496e−4").
    expect(lossReadout(h(11_290_000, 0.00007601, 4.072e-7))).toBe(
      'epoch 11,290,000: train loss 7.601e−5, test loss 4.072e−7',
    );
    const pts = [h(1), h(2), h(4), h(9)];
    expect(nearestIndex(pts, 3.4)).toBe(2);
    expect(nearestIndex(pts, 100)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
  });

  it('steps through the points with the arrows, Home and End, staying in range', () => {
    expect(keyStep('End', null, 5)).toBe(4);
    expect(keyStep('ArrowLeft', null, 5)).toBe(3);
    expect(keyStep('ArrowRight', 4, 5)).toBe(4);
    expect(keyStep('ArrowLeft', 0, 5)).toBe(0);
    expect(keyStep('Home', 3, 5)).toBe(0);
    expect(keyStep('PageUp', 0, 5)).toBe(4);
    expect(keyStep('x', 0, 5)).toBeNull();
    expect(keyStep('Home', null, 0)).toBeNull();
  });
});
