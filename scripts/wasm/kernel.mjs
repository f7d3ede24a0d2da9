/**
 * The WASM SIMD float64 kernel, written out as WebAssembly text (issue #14). This file is the
 * source: `npm run build:wasm` writes src/worker/engines/wasm-f64.wat (to read) and
 * src/worker/engines/wasm-f64-binary.ts (the bytes the worker loads), and a unit test rebuilds
 * both and compares them, so the shipped binary never drifts from this.
 *
 * sums(x1, x2, y, n, w1, w2, b, out) reads n float64 values at each of the byte offsets x1, x2, y
 * (n even: the engine does an odd last point itself) and writes at `out` the three float64 sums
 *   S1 = Σ (p_i − y_i)·x1_i,  S2 = Σ (p_i − y_i)·x2_i,  Sb = Σ (p_i − y_i),  p_i = σ(w1·x1_i + w2·x2_i + b),
 * UNROLL f64x2 vectors (2·UNROLL points) per turn of the loop, with independent chains so the CPU
 * overlaps them. σ(z) = 1 / (1 + e^t), t = −z clamped to ±708 (e^t stays finite; the clamp moves
 * p by under 1e-307). e^t = 2^k · e^r: k = t/ln 2 rounded to nearest by adding and subtracting
 * 1.5·2^52 (whose low bits then hold k, so 2^k is those bits + 1023 shifted into the exponent);
 * r = t − k·ln2_hi − k·ln2_lo (Cody–Waite: k·ln2_hi is exact), |r| ≤ ln 2 / 2; e^r by its Taylor
 * polynomial of degree 13 (truncation under 5e-18) evaluated by Estrin's scheme (short chains).
 * Measured against Math.exp-based float64 sums: relative differences ~1e-14 at 10⁶ points (the
 * order of summation), ~1e-16 at 250.
 */
export const UNROLL = 4;
const MAGIC = 6755399441055744.0; // 1.5 · 2^52
const LN2_HI = '6.93147180369123816490e-01';
const LN2_LO = '1.90821492927058770002e-10';
const LOG2E = '1.4426950408889634';

/** 1/k! for k = 0…13, written as JavaScript prints them (round-trip exact). */
const C = Array.from({ length: 14 }, (_, k) => {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return 1 / f;
});

const splat = (v) => `(f64x2.splat (f64.const ${typeof v === 'number' ? String(v) : v}))`;
const add = (a, b) => `(f64x2.add ${a} ${b})`;
const mul = (a, b) => `(f64x2.mul ${a} ${b})`;

/** The statements for vector j of one turn (locals suffixed with j); `quad`: with x1², x2², x1·x2. */
function turn(j, quad) {
  const g = (n) => `(local.get $${n}${j})`;
  const set = (n, v) => `(local.set $${n}${j} ${v})`;
  const at = (base) =>
    `(v128.load (i32.add (local.get $${base}) (i32.add (local.get $i) (i32.const ${16 * j}))))`;
  const q = (a) => add(splat(C[a]), mul(g('r'), splat(C[a + 1])));
  return [
    set('a', at('x1')),
    set('c', at('x2')),
    // t = −(w1·x1 + w2·x2 [+ w11·x1² + w22·x2² + w12·x1·x2] + b), the weights negated once
    // outside the loop; clamped to ±708
    set(
      't',
      add(add(mul('(local.get $W1)', g('a')), mul('(local.get $W2)', g('c'))), '(local.get $B)'),
    ),
    ...(quad
      ? [
          set('aa', mul(g('a'), g('a'))),
          set('cc', mul(g('c'), g('c'))),
          set('ac', mul(g('a'), g('c'))),
          set(
            't',
            add(
              g('t'),
              add(
                add(mul('(local.get $W11)', g('aa')), mul('(local.get $W22)', g('cc'))),
                mul('(local.get $W12)', g('ac')),
              ),
            ),
          ),
        ]
      : []),
    set('t', `(f64x2.pmin (f64x2.pmax ${g('t')} ${splat(-708)}) ${splat(708)})`),
    set('m', add(mul(g('t'), splat(LOG2E)), splat(MAGIC))),
    set('k', `(f64x2.sub ${g('m')} ${splat(MAGIC)})`),
    set(
      'r',
      `(f64x2.sub (f64x2.sub ${g('t')} ${mul(g('k'), splat(LN2_HI))}) ${mul(g('k'), splat(LN2_LO))})`,
    ),
    set('r2', mul(g('r'), g('r'))),
    set('r4', mul(g('r2'), g('r2'))),
    // Estrin: e^r = [q0 + q2·r² + (q4 + q6·r²)·r⁴] + [q8 + q10·r² + q12·r⁴]·r⁸, q_a = c_a + c_{a+1}·r
    set('e', add(add(q(0), mul(g('r2'), q(2))), mul(g('r4'), add(q(4), mul(g('r2'), q(6)))))),
    set('h', add(add(q(8), mul(g('r2'), q(10))), mul(g('r4'), q(12)))),
    set('e', add(g('e'), mul(mul(g('r4'), g('r4')), g('h')))),
    // · 2^k: the low bits of m hold k; (m + 1023) << 52 keeps exactly the exponent field
    set(
      'e',
      mul(
        g('e'),
        `(i64x2.shl (i64x2.add ${g('m')} (i64x2.splat (i64.const 1023))) (i32.const 52))`,
      ),
    ),
    // d = σ(z) − y
    set('d', `(f64x2.sub (f64x2.div ${splat(1)} ${add(splat(1), g('e'))}) ${at('y')})`),
    `(local.set $s1 ${add('(local.get $s1)', mul(g('d'), g('a')))})`,
    `(local.set $s2 ${add('(local.get $s2)', mul(g('d'), g('c')))})`,
    `(local.set $sb ${add('(local.get $sb)', g('d'))})`,
    ...(quad
      ? [
          `(local.set $s11 ${add('(local.get $s11)', mul(g('d'), g('aa')))})`,
          `(local.set $s22 ${add('(local.get $s22)', mul(g('d'), g('cc')))})`,
          `(local.set $s12 ${add('(local.get $s12)', mul(g('d'), g('ac')))})`,
        ]
      : []),
  ];
}

/** `unroll` vectors' statements, interleaved statement by statement. */
function body(unroll, quad) {
  const turns = Array.from({ length: unroll }, (_, j) => turn(j, quad));
  return turns[0].flatMap((_, s) => turns.map((t) => t[s])).join('\n        ');
}

const LOCALS = ['a', 'c', 't', 'm', 'k', 'r', 'r2', 'r4', 'e', 'h', 'd'];
const QUAD_LOCALS = ['aa', 'cc', 'ac'];
const lane = (v) =>
  `(f64.add (f64x2.extract_lane 0 (local.get $${v})) (f64x2.extract_lane 1 (local.get $${v})))`;

/**
 * One exported function: `sums` (the straight-line model, three sums) or, with `quad`,
 * `sumsQuad(x1, x2, y, n, w1, w2, w11, w22, w12, b, out)`, which also computes x1², x2², x1·x2 on
 * the fly and writes six sums: S1, S2, S11 = Σ (p − y)·x1², S22, S12, Sb.
 */
function func(quad) {
  const names = quad ? [...LOCALS, ...QUAD_LOCALS] : LOCALS;
  const locals = Array.from({ length: UNROLL }, (_, j) =>
    names.map((n) => `(local $${n}${j} v128)`).join(' '),
  ).join('\n    ');
  const step = 16 * UNROLL;
  const quadParams = quad ? '(param $w11 f64) (param $w22 f64) (param $w12 f64) ' : '';
  const quadLocals = quad
    ? '\n    (local $W11 v128) (local $W22 v128) (local $W12 v128) (local $s11 v128) (local $s22 v128) (local $s12 v128)'
    : '';
  const neg = (w) =>
    `\n    (local.set $${w.toUpperCase()} (f64x2.splat (f64.neg (local.get $${w}))))`;
  const stores = quad
    ? [
        ['s1', 0],
        ['s2', 8],
        ['s11', 16],
        ['s22', 24],
        ['s12', 32],
        ['sb', 40],
      ]
    : [
        ['s1', 0],
        ['s2', 8],
        ['sb', 16],
      ];
  return `  (func (export "${quad ? 'sumsQuad' : 'sums'}")
    (param $x1 i32) (param $x2 i32) (param $y i32) (param $n i32)
    (param $w1 f64) (param $w2 f64) ${quadParams}(param $b f64) (param $out i32)
    (local $i i32) (local $end i32) (local $endU i32)
    (local $W1 v128) (local $W2 v128) (local $B v128) (local $s1 v128) (local $s2 v128) (local $sb v128)${quadLocals}
    ${locals}${neg('w1')}${neg('w2')}${quad ? neg('w11') + neg('w22') + neg('w12') : ''}${neg('b')}
    ;; byte offsets: pairs end at (n & ~1)·8; whole turns of ${step} bytes end at endU
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (local.set $endU (i32.mul (i32.div_u (local.get $end) (i32.const ${step})) (i32.const ${step})))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $endU)))
        ${body(UNROLL, quad)}
        (local.set $i (i32.add (local.get $i) (i32.const ${step})))
        (br $next)))
    ;; the pairs left over, one vector at a time
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $i) (local.get $end)))
        ${body(1, quad)}
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next1)))
    ${stores.map(([v, o]) => `(f64.store offset=${o} (local.get $out) ${lane(v)})`).join('\n    ')})`;
}

/** The module as WebAssembly text. */
export function kernelWat() {
  return `;; Generated by scripts/wasm/kernel.mjs (npm run build:wasm): read that file for the maths.
(module
  (memory (export "memory") 1)
${func(false)}
${func(true)})
`;
}

/** The binary module, compiled from the text by wabt (SIMD only: no relaxed or threads). */
export async function kernelBytes() {
  const wabt = await (await import('wabt')).default();
  const mod = wabt.parseWat('wasm-f64.wat', kernelWat(), { simd: true });
  mod.validate();
  const { buffer } = mod.toBinary({ write_debug_names: false });
  mod.destroy();
  return new Uint8Array(buffer);
}

/** The TypeScript module that carries the bytes (base64, so Node tests and the worker share it). */
export async function kernelModuleSource() {
  const b64 = Buffer.from(await kernelBytes()).toString('base64');
  const lines = b64.match(/.{1,96}/g).map((l) => `  '${l}' +`);
  lines[lines.length - 1] = lines.at(-1).replace(/ \+$/, '');
  return `// Generated by scripts/wasm/kernel.mjs (npm run build:wasm). Do not edit: a unit test rebuilds it.
/** The WASM SIMD float64 kernel (see wasm-f64.wat), base64. */
export const WASM_F64_BASE64 =
${lines.join('\n')};
`;
}
