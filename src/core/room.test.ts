import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptRoom, appended, withRoom } from './room.ts';

describe('arrays with room to grow', () => {
  it('append in place while an array is the longest view of its buffer', () => {
    const a = withRoom('f64', 3);
    a.set([1, 2, 3]);
    const b = appended(a, 4);
    const c = appended(b, 5);
    expect([...c]).toEqual([1, 2, 3, 4, 5]);
    expect(c.buffer).toBe(a.buffer); // no copy
    expect([...a]).toEqual([1, 2, 3]); // the shorter views see only their own
    expect([...b]).toEqual([1, 2, 3, 4]);
  });

  it('copy when an older array is appended to, leaving the newer one as it was', () => {
    const a = withRoom('u8', 2);
    a.set([7, 8]);
    const b = appended(a, 9);
    const other = appended(a, 1); // an undo, then another point: b's 9 must stay
    expect(other.buffer).not.toBe(a.buffer);
    expect([...b]).toEqual([7, 8, 9]);
    expect([...other]).toEqual([7, 8, 1]);
    expect(appended(other, 2).buffer).toBe(other.buffer); // room again after a copy
  });

  it('copy arrays made elsewhere (no room known), and the views of any other offset', () => {
    const plain = Float64Array.of(1, 2);
    expect([...appended(plain, 3)]).toEqual([1, 2, 3]);
    expect([...plain]).toEqual([1, 2]);
    const inner = withRoom('f64', 4).subarray(1, 3);
    expect(appended(inner, 5).length).toBe(3);
  });

  it('grow into the room of arrays transferred from another thread, once adopted', () => {
    const there = withRoom('f64', 3);
    there.set([1, 2, 3]);
    // As postMessage with a transfer list hands the buffer over: a new buffer object here.
    const buffer = structuredClone(there.buffer, { transfer: [there.buffer] });
    const here = new Float64Array(buffer, 0, 3);
    expect(appended(here, 4).buffer).not.toBe(buffer); // unknown room: a copy
    const again = new Float64Array(structuredClone(withRoom('f64', 3).buffer), 0, 3);
    adoptRoom(again);
    expect(appended(again, 4).buffer).toBe(again.buffer);
    // Two arrays on one buffer: neither may grow into it.
    const both = withRoom('f64', 4).buffer;
    const [a, b] = [new Float64Array(both, 0, 2), new Float64Array(both, 16, 2)];
    const moved = structuredClone(both);
    const [c] = [new Float64Array(moved, 0, 2), new Float64Array(moved, 16, 2)];
    adoptRoom(c!, new Float64Array(moved, 16, 2));
    expect(appended(c!, 9).buffer).not.toBe(moved);
    expect([a.length, b.length]).toEqual([2, 2]);
  });

  it('every array of any history of appends holds what was appended to it (model)', () => {
    // A history: each step appends a value to one of the arrays made so far.
    const steps = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(steps, (ops) => {
        const arrays: Uint8Array[] = [withRoom('u8', 0)];
        const want: number[][] = [[]];
        for (const [pick, v] of ops) {
          const k = pick % arrays.length;
          arrays.push(appended(arrays[k]!, v));
          want.push([...want[k]!, v]);
        }
        arrays.forEach((a, k) => expect([...a]).toEqual(want[k]));
      }),
      { numRuns: 200 },
    );
  });
});
