import { describe, expect, it } from 'vitest';
import { LrMarks, MARK_GESTURE_MS } from './lr-marks.ts';

describe('the learning-rate marks of one gesture', () => {
  it('makes one mark per change when changes are apart in time', () => {
    const m = new LrMarks();
    m.add(100, 0.1, 0);
    m.add(900, 0.2, MARK_GESTURE_MS + 1);
    expect(m.take()).toEqual([
      { epoch: 100, lr: 0.1 },
      { epoch: 900, lr: 0.2 },
    ]);
  });

  it('keeps one mark, where a quick run of changes began, with the rate it came to', () => {
    const m = new LrMarks();
    m.add(100, 0.1, 0);
    expect(m.take()).toEqual([{ epoch: 100, lr: 0.1 }]); // posted: the page has it
    // Arrow keys held down: a change every 50 ms, for 2 s in all, the run going on.
    for (let i = 1; i <= 40; i++) m.add(100 + i * 30, 0.1 + i / 100, i * 50);
    // One mark again, at the same epoch: the page replaces the one it has.
    expect(m.take()).toEqual([{ epoch: 100, lr: 0.5 }]);
    m.add(5000, 1, 40 * 50 + MARK_GESTURE_MS);
    expect(m.take()).toEqual([{ epoch: 5000, lr: 1 }]);
  });

  it('makes one mark for changes at one epoch (paused), however far apart in time', () => {
    const m = new LrMarks();
    m.add(300, 0.1, 0);
    m.add(300, 0.3, 10_000);
    expect(m.take()).toEqual([{ epoch: 300, lr: 0.3 }]);
  });

  it('forgets the gesture on a new run, and on going back before it', () => {
    const m = new LrMarks();
    m.add(300, 0.1, 0);
    m.clear();
    m.add(20, 0.2, 10);
    expect(m.take()).toEqual([{ epoch: 20, lr: 0.2 }]);
    m.add(500, 0.3, 2000);
    m.rewind(400);
    expect(m.take()).toEqual([]);
    m.add(450, 0.4, 2010);
    expect(m.take()).toEqual([{ epoch: 450, lr: 0.4 }]);
  });
});
