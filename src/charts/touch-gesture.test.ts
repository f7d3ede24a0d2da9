import { describe, expect, it } from 'vitest';
import { holdPageWhile, strayed, TAP_MAX_MS, TAP_SLOP_PX, TapWatch } from './touch-gesture.ts';

const ev = (pointerId: number, clientX: number, clientY: number, timeStamp = 0) =>
  ({ pointerId, clientX, clientY, timeStamp }) as PointerEvent;

describe('TapWatch', () => {
  it('a touch that ends where it began is a tap; a tremor within the slop still is', () => {
    const t = new TapWatch();
    t.begin(ev(1, 100, 100));
    expect(t.active).toBe(true);
    expect(t.move(ev(1, 104, 97))).toBe(true);
    expect(t.end(ev(1, 103, 99))).toBe(true);
    expect(t.active).toBe(false);
  });

  it('a touch that strays past the slop is no tap, even if it comes back', () => {
    const t = new TapWatch();
    t.begin(ev(1, 100, 100));
    t.move(ev(1, 100, 100 - TAP_SLOP_PX - 1));
    expect(t.active).toBe(false);
    expect(t.end(ev(1, 100, 100))).toBe(false);
  });

  it('an end far from the start is no tap, with no move seen in between', () => {
    const t = new TapWatch();
    t.begin(ev(1, 0, 0));
    expect(t.end(ev(1, 30, 0))).toBe(false);
  });

  it('another pointer is not the watched touch; a cancel (the browser scrolled) drops it', () => {
    const t = new TapWatch();
    t.begin(ev(1, 0, 0));
    expect(t.move(ev(2, 50, 50))).toBe(false);
    expect(t.end(ev(2, 0, 0))).toBe(false);
    expect(t.active).toBe(true);
    expect(t.cancel(ev(1, 0, 0))).toBe(true);
    expect(t.end(ev(1, 0, 0))).toBe(false);
  });

  it('a touch held past TAP_MAX_MS is a press, not a tap; a dropped touch is none', () => {
    const t = new TapWatch();
    t.begin(ev(1, 0, 0, 1000));
    expect(t.end(ev(1, 0, 0, 1000 + TAP_MAX_MS))).toBe(true);
    t.begin(ev(1, 0, 0, 1000));
    expect(t.end(ev(1, 0, 0, 1001 + TAP_MAX_MS))).toBe(false);
    t.begin(ev(1, 0, 0));
    t.drop(); // a second finger came down
    expect(t.active).toBe(false);
    expect(t.end(ev(1, 0, 0))).toBe(false);
  });

  it('strayed measures the straight distance', () => {
    expect(strayed([0, 0], ev(1, 6, 8))).toBe(false); // 10 px: within
    expect(strayed([0, 0], ev(1, 6, 8.1))).toBe(true);
  });
});

describe('holdPageWhile', () => {
  it('cancels touchstart only while something is grabbed, and is removable', () => {
    const el = new EventTarget() as unknown as Element;
    let grabbed = false;
    const off = holdPageWhile(el, () => grabbed);
    const start = () => {
      const e = new Event('touchstart', { cancelable: true });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    };
    const move = () => {
      const e = new Event('touchmove', { cancelable: true });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect([start(), move()]).toEqual([false, false]);
    grabbed = true; // e.g. after a finger rested on a point
    expect([start(), move()]).toEqual([true, true]);
    off();
    expect([start(), move()]).toEqual([false, false]);
  });
});
