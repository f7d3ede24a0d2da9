/**
 * Typed arrays with room to grow (issue #14): appending a point to a million-point set used to
 * copy every column into fresh memory, and fresh memory costs its page faults (~4 ms per MB on
 * this machine, ten times a copy into memory already touched): 18 MB, ~80 ms, for one point.
 *
 * An array made here views the start of a larger buffer. Appending to the array that ends where
 * the buffer's used part ends writes into the room after it and gives a longer view of the same
 * buffer; the shorter view still sees only its own elements, which nothing writes again. Appending
 * to any other array (an older one, after an undo) copies, into a buffer with room again.
 */
type Typed = Float64Array | Uint8Array;
type Make<A extends Typed> = new (buffer: ArrayBuffer, offset: number, length: number) => A;

/** For each buffer made here: how many of its elements the longest view uses. */
const used = new WeakMap<ArrayBufferLike, number>();

/** Elements (room included) for an array of `n`: an eighth more, and at least 16 more. */
export const roomFor = (n: number): number => n + Math.max(16, n >> 3);

/** A zeroed array of `n` elements with room after it, like `new Float64Array(n)`. */
export function withRoom(kind: 'f64', n: number): Float64Array;
export function withRoom(kind: 'u8', n: number): Uint8Array;
export function withRoom(kind: 'f64' | 'u8', n: number): Typed {
  const a = kind === 'f64' ? new Float64Array(roomFor(n)) : new Uint8Array(roomFor(n));
  used.set(a.buffer, n);
  return a.subarray(0, n);
}

/**
 * Takes arrays that came with room after them from another thread (the data worker's, whose
 * buffers were transferred here): each may now grow into its room. Arrays that share a buffer
 * with another array, or do not start it, are left as they are.
 */
export function adoptRoom(...arrays: (Float64Array | Uint8Array)[]): void {
  const seen = new Set<ArrayBufferLike>();
  const shared = new Set<ArrayBufferLike>();
  for (const a of arrays) (seen.has(a.buffer) ? shared : seen).add(a.buffer);
  for (const a of arrays) {
    if (a.byteOffset === 0 && !shared.has(a.buffer) && !used.has(a.buffer))
      used.set(a.buffer, a.length);
  }
}

/** `a` with `v` after its last element: in the room after `a` where it is free, else a copy. */
export function appended<A extends Typed>(a: A, v: number): A {
  const n = a.length;
  const per = a.BYTES_PER_ELEMENT;
  const make = a.constructor as Make<A>;
  let out: A;
  if (a.byteOffset === 0 && used.get(a.buffer) === n && (n + 1) * per <= a.buffer.byteLength) {
    out = new make(a.buffer as ArrayBuffer, 0, n + 1);
  } else {
    out = new make(new ArrayBuffer(roomFor(n + 1) * per), 0, n + 1);
    out.set(a);
  }
  out[n] = v;
  used.set(out.buffer, n + 1);
  return out;
}
