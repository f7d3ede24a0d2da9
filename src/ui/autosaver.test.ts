import { describe, expect, it } from 'vitest';
import { Autosaver } from './autosaver.ts';

/** A fake clock: timers run when `advance` passes their time. */
function fakeClock() {
  let now = 0;
  let id = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(++id, { at: now + ms, fn });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (t: ReturnType<typeof setTimeout>) => void timers.delete(t as unknown as number),
    advance(ms: number) {
      now += ms;
      for (const [k, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(k);
          t.fn();
        }
      }
    },
  };
}

/** An autosaver of numbers every 2 s on a fake clock, and what it saved. */
function numberSaver() {
  const clock = fakeClock();
  const saved: number[] = [];
  const a = new Autosaver<number>((v) => saved.push(v), 2_000, clock);
  return { clock, saved, a };
}

describe('Autosaver', () => {
  it('saves the latest value at most every interval', () => {
    const { clock, saved, a } = numberSaver();
    a.start();
    a.changed(1);
    clock.advance(0);
    a.changed(2);
    a.changed(3);
    clock.advance(1_999);
    expect(saved).toEqual([1]);
    clock.advance(1);
    expect(saved).toEqual([1, 3]);
  });

  it('saves after an unmount and a mount again (React StrictMode), not never', () => {
    const clock = fakeClock();
    const saved: string[] = [];
    const a = new Autosaver<string>((v) => saved.push(v), 2_000, clock);
    // StrictMode: mount, change, unmount (cleanup), mount again.
    a.start();
    a.changed('points');
    a.stop();
    a.start();
    clock.advance(2_000);
    expect(saved).toEqual(['points']);
    a.changed('more points');
    clock.advance(2_000);
    expect(saved).toEqual(['points', 'more points']);
  });

  it('saves nothing while stopped', () => {
    const { clock, saved, a } = numberSaver();
    a.changed(1);
    clock.advance(10_000);
    expect(saved).toEqual([]);
  });

  it('flush saves a change that waits for its turn at once, and only that', () => {
    const { clock, saved, a } = numberSaver();
    a.start();
    a.changed(1);
    clock.advance(0);
    a.flush(); // nothing waits: the first change was saved at once
    expect(saved).toEqual([1]);
    a.changed(2);
    clock.advance(500);
    a.flush(); // a reload 0.5 s after a change
    a.changed(3); // the next change waits its turn, counted from the flush (t = 500)
    clock.advance(1_999);
    expect(saved).toEqual([1, 2]);
    clock.advance(1);
    expect(saved).toEqual([1, 2, 3]);
    clock.advance(5_000); // the flushed change's cancelled timer saves nothing twice
    expect(saved).toEqual([1, 2, 3]);
  });
});
