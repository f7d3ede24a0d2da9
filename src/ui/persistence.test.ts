import { describe, expect, it } from 'vitest';
import { tutorialPreset } from '../core/presets.ts';
import { autosave, sessionFrom, startingPoint } from './persistence.ts';
import { initialSession, sessionReducer, type SessionAction } from './session.ts';

/** A Storage stand-in: a map. */
function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  };
}

describe('autosave and the start it gives', () => {
  it('bring back the threshold, the Speed and the views shown after a reload', () => {
    const actions: SessionAction[] = [
      { type: 'threshold', t: 0.7 },
      { type: 'speed', speed: 'max' },
      { type: 'views', patch: { decisions: true, pulls: true } },
    ];
    const s = actions.reduce(sessionReducer, initialSession(tutorialPreset()));
    const storage = memory();
    expect(autosave(storage, s, { w1: 0.1, w2: 0.2, b: 0 }, 100)).toBeNull();
    const back = sessionFrom(startingPoint('', storage));
    expect(back.threshold).toBe(0.7);
    expect(back.speed).toBe('max');
    expect(back.views).toEqual({ decisions: true, pulls: true });
  });
});
