import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../core/settings.ts';
import { Pacer } from './pacer.ts';

describe('Pacer', () => {
  it('at Normal, 200,000 epochs from epoch 0 take 10 s, each decade the same time', () => {
    const p = new Pacer();
    p.set('normal', 0, 0);
    expect(p.allowed(10_000)).toBeGreaterThanOrEqual(199_990);
    expect(p.allowed(10_000)).toBeLessThanOrEqual(200_000);
    const decade = 1000 * SPEEDS.normal.secondsPerDecade!;
    expect(p.allowed(decade)).toBe(9);
    expect(p.allowed(2 * decade)).toBe(99);
    expect(p.allowed(3 * decade)).toBe(999);
    expect(p.allowed(0)).toBe(0);
  });

  it('says how long to wait for the next epoch, consistent with allowed()', () => {
    const p = new Pacer();
    p.set('slow', 1_000, 0);
    const wait = p.waitMs(1_000, 5);
    expect(p.allowed(1_000 + wait - 1)).toBe(5);
    expect(p.allowed(1_000 + wait + 1e-6)).toBe(6);
  });

  it('runs a steady number of epochs a second from the anchor', () => {
    const p = new Pacer();
    p.set('steady', 0, 500);
    expect(p.allowed(1_000)).toBe(600);
    expect(p.waitMs(1_000, 600)).toBeCloseTo(10, 9);
  });

  it('never limits at Max', () => {
    const p = new Pacer('max');
    expect(p.allowed(0)).toBe(Infinity);
    expect(p.waitMs(0, 1e9)).toBe(0);
  });
});
