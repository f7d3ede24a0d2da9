import { dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label, Point, Split } from './dataset.ts';
import { MAX_ROWS, parsePointsCsv, pointsToCsv, repeatsNote, type CsvResult } from './csv.ts';

const RUNS = { numRuns: 2000, seed: 20240611 };

/** The points of a successful parse; fails the test otherwise. */
function okPoints(text: string) {
  const r = parsePointsCsv(text);
  if (!r.ok) expect.fail(`expected ok, got: ${r.error}`);
  return r;
}

/** The error of a failed parse; fails the test otherwise. */
function failure(text: string): { error: string; line?: number } {
  const r = parsePointsCsv(text);
  if (r.ok) expect.fail(`expected an error, got ${r.points.length} points`);
  return r.line === undefined ? { error: r.error } : { error: r.error, line: r.line };
}

const TWO = [
  { x1: 1, x2: 2, label: 0 },
  { x1: 3, x2: 4, label: 1 },
];

describe('parsePointsCsv: formats', () => {
  it('reads a comma-separated file with a header', () => {
    const r = okPoints('x1,x2,label\n1,2,0\n3,4,1\n');
    expect(r.points).toEqual(TWO);
    expect(r).toMatchObject({ delimiter: ',', header: true, hasSplit: false });
  });

  it('reads a file without a header as x1, x2, label', () => {
    const r = okPoints('1,2,0\n3,4,1');
    expect(r.points).toEqual(TWO);
    expect(r.header).toBe(false);
  });

  it('strips a UTF-8 byte order mark and accepts CRLF line ends', () => {
    expect(okPoints('\uFEFFx1,x2,label\r\n1,2,0\r\n3,4,1\r\n').points).toEqual(TWO);
  });

  it('detects semicolons and reads decimal commas there', () => {
    const r = okPoints('1,5;2,5;0\n-3,25;4;1\n');
    expect(r.delimiter).toBe(';');
    expect(r.points).toEqual([
      { x1: 1.5, x2: 2.5, label: 0 },
      { x1: -3.25, x2: 4, label: 1 },
    ]);
  });

  it('detects tabs, even when cells hold commas', () => {
    const r = okPoints('x1\tx2\tlabel\n1,5\t2\tred\n3\t4\tblue\n');
    expect(r.delimiter).toBe('\t');
    expect(r.points).toEqual([
      { x1: 1.5, x2: 2, label: 0 },
      { x1: 3, x2: 4, label: 1 },
    ]);
  });

  it('reads header columns in any order and case, with aliases, ignoring extra columns', () => {
    const r = okPoints(' CLASS ,note,X2,Split, x1 \nblue,hello,4,TEST,3\nred,,2,train,1\n');
    expect(r.points).toEqual([
      { x1: 3, x2: 4, label: 1, split: 'test' },
      { x1: 1, x2: 2, label: 0, split: 'train' },
    ]);
    expect(r.hasSplit).toBe(true);
    expect(okPoints('y,x2,x1\n0,2,1\n1,4,3').points).toEqual(TWO);
  });

  it('reads quoted cells', () => {
    expect(okPoints('"x1","x2","label"\n"1","2","0"\n"3","4","1"').points).toEqual(TWO);
  });

  it('reads every spelling of the labels, trimmed and in any case', () => {
    const r = okPoints('1,1, 0\n2,2,1 \n3,3,RED\n4,4,Blue\n5,5,false\n6,6,TRUE\n');
    expect(r.points.map((p) => p.label)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('reads a fourth column as the split when there is no header', () => {
    const r = okPoints('1,2,0,train\n3,4,1,Test\n');
    expect(r.points.map((p) => p.split)).toEqual(['train', 'test']);
    expect(r.hasSplit).toBe(true);
  });

  it('skips blank lines, and rows of empty cells, but counts them for line numbers', () => {
    expect(okPoints('\n\nx1,x2,label\n\n1,2,0\n  \n,,\n3,4,1\n\n').points).toEqual(TWO);
    expect(failure('\n\nx1,x2,label\n\n1,2,0\n\n3,x,1\n')).toMatchObject({ line: 7 });
    expect(failure('1,2,0\r\n\r\n3,x,1\r\n')).toMatchObject({ line: 3 });
  });

  it('accepts the limit ±1,000,000 and reads -0 as 0', () => {
    const r = okPoints('1000000,-1e6,0\n-0,0.5,1');
    expect(r.points[0]).toEqual({ x1: 1e6, x2: -1e6, label: 0 });
    expect(Object.is(r.points[1]?.x1, 0)).toBe(true);
  });
});

describe('parsePointsCsv: errors name the line and the value', () => {
  it.each([
    ['1,2,0\n3,abc,1\n', 2, 'Line 2: "abc" in column x2 is not a number.'],
    ['1,2,0\n3,,1\n', 2, 'Line 2: missing value in column x2.'],
    ['x1,x2,label\n1,2,0\nNaN,4,1\n', 3, 'Line 3: "NaN" in column x1 is not a finite number.'],
    ['1,2,0\n3,Infinity,1\n', 2, 'Line 2: "Infinity" in column x2 is not a finite number.'],
    ['1,2,0\n3,-inf,1\n', 2, 'Line 2: "-inf" in column x2 is not a finite number.'],
    ['1,2,0\nnan,4,1\n', 2, 'Line 2: "nan" in column x1 is not a finite number.'],
    ['1,2,0\n0x10,4,1\n', 2, 'Line 2: "0x10" in column x1 is not a number.'],
    [
      '1,2,0\n3,4,green\n',
      2,
      'Line 2: "green" in column label is not a class: use 0 or 1, red or blue, false or true.',
    ],
    ['1,2,0\n3,4,\n', 2, 'Line 2: missing value in column label.'],
    [
      'x1,x2,class\n1,2,0\n3,4,2\n',
      3,
      'Line 3: "2" in column class is not a class: use 0 or 1, red or blue, false or true.',
    ],
    ['1,2,0,train\n3,4,1,val\n', 2, 'Line 2: "val" in column split must be train or test.'],
    ['1,2,0,train\n3,4,1,\n', 2, 'Line 2: missing value in column split (train or test).'],
    ['1,2,0\n3,4,1,train\n', 2, 'Line 2 has 4 cells, but the first row (line 1) has 3.'],
    ['x1,x2,label\n1,2\n', 2, 'Line 2 has 2 cells, but the header (line 1) has 3.'],
  ])('%j → line %i', (text, line, error) => {
    expect(failure(text)).toEqual({ line, error });
  });

  it('refuses values beyond ±1,000,000 and suggests rescaling', () => {
    const { error, line } = failure('1,2,0\n1000000.5,4,1\n');
    expect(line).toBe(2);
    expect(error).toContain('"1000000.5" in column x1');
    expect(error).toContain('values must be within ±1,000,000 — rescale the column');
    expect(failure('1,2,0\n3,-2e6,1\n').error).toContain('"-2e6" in column x2 is too large');
    expect(failure('1,2,0\n3,1e400,1\n').error).toContain('"1e400" in column x2 is too large');
  });

  it('names missing header columns', () => {
    expect(failure('x1,x2,colour\n1,2,0\n').error).toContain('but has no label column');
    expect(failure('a,b,c\n1,2,0\n').error).toContain('but has no x1, x2, label column');
    expect(failure('x1,x2,label,class\n1,2,0,1\n').error).toBe(
      'Line 1: the header names the label column twice ("class").',
    );
  });

  it('refuses other column counts without a header', () => {
    expect(failure('1,2,0,train,5\n').error).toContain('Line 1 has 5 cells; without a header');
    expect(failure('1,2\n3,4\n').error).toContain('Line 1: expected 3 or more columns');
  });

  it('refuses bad quoting rather than misreading it', () => {
    expect(failure('"1"x,2,0\n3,4,1').error).toBe(
      'Line 1: "x" follows the closing quote of a cell.',
    );
    expect(failure('1,2,0\n"3,4,1\n5,6,0')).toMatchObject({ line: 2 });
    expect(failure('1,2,0\n"3\n",4,1\n')).toEqual({
      line: 2,
      error: 'Line 2: a quoted cell runs over several lines.',
    });
  });

  it('says when the file is empty or has a header only', () => {
    expect(failure('')).toEqual({ error: 'The file is empty.' });
    expect(failure('\uFEFF\n \r\n\t\n')).toEqual({ error: 'The file is empty.' });
    expect(failure('x1,x2,label\r\n\r\n')).toEqual({
      error: 'The file has a header but no data rows.',
    });
  });

  it('refuses binary files: NUL, control characters, many replacement characters', () => {
    const binary = { error: 'This does not look like a text CSV file.' };
    expect(failure('1,2,0\n3,4,1\u0000')).toEqual(binary);
    expect(failure('1,2,0\n3,4,1\u0007\n')).toEqual(binary);
    expect(failure('PK\u0003\u0004 zip')).toEqual(binary);
    expect(failure(`x1,x2,label\n1,2,0\n3,4,1\n${'\uFFFD'.repeat(10)}`)).toEqual(binary);
    const few = `x1,x2,label,note\n1,2,0,\uFFFD\n3,4,1,${'a'.repeat(200)}\n`;
    expect(okPoints(few).points).toEqual(TWO);
  });

  it('refuses a single class, explaining why', () => {
    expect(failure('1,2,0\n3,4,red\n').error).toBe(
      'Only red (class 0) points: logistic regression needs both classes. With one class the model just pushes p towards 0 everywhere and never draws a boundary.',
    );
    expect(failure('1,2,1\n3,4,true\n').error).toMatch(
      /^Only blue \(class 1\) points.*p towards 1/,
    );
  });

  it('keeps exact repeats (each copy counts), naming the first pair and counting the rest', () => {
    const rows = ['0,0,1', '5,5,0', '1,2,0', '9,9,1', '5,6,0', '6,6,0', '0,0,0', '1,2.0,red'];
    const text = ['x1,x2,label', ...rows, '1,2,0', '9,9,true', '5,5,false'].join('\n');
    const r = okPoints(text);
    expect(r.points).toHaveLength(11);
    // 1,2.0,red (line 9) repeats line 4; then lines 10, 11 and 12. 0,0,0 is not 0,0,1.
    expect(r.repeats).toEqual({ count: 4, lines: [4, 9] });
    expect(repeatsNote(r.repeats!)).toBe(
      'Lines 4 and 9 hold the same point (and 3 more repeats): each copy is kept and counts in the loss, as in scikit-learn and PyTorch.',
    );
    const one = okPoints('1,2,0\n3,4,1\n1,2,0\n');
    expect(one.repeats).toEqual({ count: 1, lines: [1, 3] });
    expect(repeatsNote(one.repeats!)).toBe(
      'Lines 1 and 3 hold the same point: each copy is kept and counts in the loss, as in scikit-learn and PyTorch.',
    );
    expect(okPoints('1,2,0\n3,4,1\n').repeats).toBeNull();
  });

  it('allows the same position with different labels (overlapping classes)', () => {
    expect(okPoints('1,2,0\n1,2,1\n').points).toHaveLength(2);
  });
});

describe('parsePointsCsv: safety and size', () => {
  it('does not pollute prototypes through header names', () => {
    const text =
      '__proto__,constructor,prototype,toString,x1,x2,label\na,b,c,d,1,2,0\ne,f,g,h,3,4,1\n';
    const r = okPoints(text);
    expect(r.points).toEqual(TWO);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.points[0])).toBe(Object.prototype);
    expect(Object.keys(r.points[0] ?? {})).toEqual(['x1', 'x2', 'label']);
    expect(failure('__proto__,x2,label\n1,2,0\n').error).toContain('has no x1 column');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('loads 1,000,000 rows, every one of them exactly', () => {
    const rows = ['x1,x2,label,split'];
    const row = (i: number) => [
      i / 1000 - 500,
      (i * 7919) % 100_003,
      i % 2,
      i % 3 ? 'train' : 'test',
    ];
    for (let i = 0; i < MAX_ROWS; i++) rows.push(row(i).join(','));
    const r = okPoints(rows.join('\n'));
    expect(r).toMatchObject({ delimiter: ',', header: true, hasSplit: true });
    expect(r.points).toHaveLength(MAX_ROWS);
    const wrong: number[] = [];
    for (let i = 0; i < MAX_ROWS; i++) {
      const [x1, x2, label, split] = row(i);
      const p = r.points[i]!;
      if (p.x1 !== x1 || p.x2 !== x2 || p.label !== label || p.split !== split) wrong.push(i);
    }
    expect(wrong.slice(0, 5), `${wrong.length} rows read wrongly`).toEqual([]);
    const [x1, x2, label, split] = row(MAX_ROWS - 1);
    expect(r.points[MAX_ROWS - 1]).toEqual({ x1, x2, label, split });
    // A million rows built, parsed and compared: ~3 s alone on a 2-core machine, over Vitest's
    // 5 s default when the machine is busy. This test checks what is read, not how fast.
  }, 30_000);

  it('refuses 1,000,001 rows, stating the limit', () => {
    const text = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `${i},0,${i % 2}`).join('\n');
    expect(failure(`x1,x2,label\n${text}`).error).toBe(
      'The file has more than 1,000,000 data rows; at most 1,000,000 points can be imported.',
    );
    expect(failure(text).error).toContain('more than 1,000,000 data rows');
  });

  it('refuses a 5,000,000-row file after a cheap scan, without parsing it', () => {
    // Every other line repeats the header, and every data row is the same point: parsing the
    // rows would fail at line 3 (x1 is not a number). Only the count, taken
    // before any row is parsed, gives the row-limit error, with no line.
    const text = 'x1,x2,label\n1,2,0\n'.repeat(5_000_000);
    expect(failure(text)).toEqual({
      error:
        'The file has more than 1,000,000 data rows; at most 1,000,000 points can be imported.',
    });
  });
});

/** Checks an ok result against the text, row by row, independently of the parser's internals. */
function agreesWithRows(text: string, r: Extract<CsvResult, { ok: true }>): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = dsvFormat(r.delimiter)
    .parseRows(body)
    .filter((row) => row.some((c) => c.trim() !== ''));
  const head = r.header ? (rows.shift() ?? []).map((c) => c.trim().toLowerCase()) : [];
  const col = (names: string[], fallback: number) =>
    r.header ? head.findIndex((h) => names.includes(h)) : fallback;
  const [i1, i2, il] = [col(['x1'], 0), col(['x2'], 1), col(['label', 'class', 'y'], 2)];
  const is = col(['split'], r.hasSplit ? 3 : -1);
  expect(rows).toHaveLength(r.points.length);
  const num = (cell = '') => {
    const s = r.delimiter === ',' ? cell.trim() : cell.trim().replace(',', '.');
    expect(s).not.toBe('');
    expect(s).not.toMatch(/^[+-]?0[xob]|[^-+.\deE]/i);
    return Number(s) + 0; // -0 reads as 0
  };
  const words: Record<string, Label> = { 0: 0, 1: 1, red: 0, blue: 1, false: 0, true: 1 };
  rows.forEach((row, k) => {
    const p = r.points[k];
    expect(p?.x1).toBe(num(row[i1]));
    expect(p?.x2).toBe(num(row[i2]));
    expect(Math.abs(p?.x1 ?? NaN) <= 1e6 && Math.abs(p?.x2 ?? NaN) <= 1e6).toBe(true);
    expect(p?.label).toBe(words[(row[il] ?? '').trim().toLowerCase()]);
    if (is >= 0) expect(p?.split).toBe((row[is] ?? '').trim().toLowerCase());
  });
  expect(new Set(r.points.map((p) => p.label)).size).toBe(2);
  // Repeated points are kept, and counted: each row whose point an earlier row already has.
  const distinct = new Set(r.points.map((p) => `${p.x1} ${p.x2} ${p.label}`)).size;
  expect(r.repeats?.count ?? 0).toBe(r.points.length - distinct);
}

const csvAlphabet = fc.constantFrom(
  ...'0123456789.,;\t\n\r -+e"xlabsplitredbluetruefalsetrainNaIfy'.split(''),
  '\u0000',
  '\u0007',
  '\uFFFD',
  '\uFEFF',
  'é',
  '😀',
  '\u2028',
  'x1',
  'x2',
  'label',
  'red',
  'blue',
  'train',
  'test',
  '1e6',
  '-0',
);
const fuzzText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: csvAlphabet, maxLength: 600 }),
  fc.string({ unit: csvAlphabet, minLength: 2000, maxLength: 3500 }),
  fc
    .array(fc.array(fc.string({ unit: csvAlphabet, maxLength: 4 }), { maxLength: 5 }), {
      maxLength: 40,
    })
    .chain((rows) =>
      fc
        .tuple(fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'))
        .map(([d, eol]) => rows.map((r) => r.join(d)).join(eol)),
    ),
);

const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0); // no -0
/** 2 to 40 points, both classes present; a position may repeat (real data do). */
const pointsArb: fc.Arbitrary<Point[]> = fc
  .array(fc.tuple(coord, coord), { minLength: 2, maxLength: 20 })
  .chain((xy) => fc.shuffledSubarray([...xy, ...xy], { minLength: xy.length }))
  .chain((xy) =>
    fc
      .array(fc.tuple(fc.constantFrom<Label>(0, 1), fc.constantFrom<Split>('train', 'test')), {
        minLength: xy.length,
        maxLength: xy.length,
      })
      .map((ls) =>
        xy.map(([x1, x2], i) => {
          const [label, split] = ls[i] ?? [0, 'train'];
          return { x1, x2, label: i < 2 ? (i as Label) : label, split };
        }),
      ),
  );

const styleArb = fc.record({
  delimiter: fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
  header: fc.boolean(),
  order: fc.shuffledSubarray(['x1', 'x2', 'label', 'split', 'note'], { minLength: 5 }),
  split: fc.boolean(),
  note: fc.boolean(),
  labelName: fc.constantFrom('label', 'class', 'y', 'Label', ' CLASS '),
  labels: fc.constantFrom(['0', '1'], ['red', 'blue'], ['false', 'true'], ['RED', 'Blue']),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  decimalComma: fc.boolean(),
  pad: fc.boolean(),
  quote: fc.boolean(),
  blanks: fc.array(fc.nat(45), { maxLength: 3 }),
});
type Style = typeof styleArb extends fc.Arbitrary<infer S> ? S : never;

/** Writes points as a CSV in the given style; returns the text and the line of each point. */
function writeCsv(
  points: readonly Point[],
  st: Style,
  mutate?: { row: number; col: string; to: string },
) {
  const cols = st.header
    ? st.order.filter((c) => (c !== 'split' || st.split) && (c !== 'note' || st.note))
    : ['x1', 'x2', 'label', ...(st.split ? ['split'] : [])];
  const cell = (s: string) => {
    const padded = st.pad ? ` ${s} ` : s;
    return st.quote ? `"${padded.replace(/"/g, '""')}"` : padded;
  };
  const num = (v: number) =>
    st.decimalComma && st.delimiter !== ',' ? String(v).replace('.', ',') : String(v);
  const value = (p: Point, c: string, i: number) =>
    c === 'x1'
      ? num(p.x1)
      : c === 'x2'
        ? num(p.x2)
        : c === 'label'
          ? (st.labels[p.label] ?? '')
          : c === 'split'
            ? p.split
            : st.quote
              ? `n${st.delimiter}${i}`
              : `n${i}`;
  const lines: string[] = [];
  const at: number[] = [];
  const names: Record<string, string> = { label: st.labelName, note: 'Note' };
  if (st.header) lines.push(cols.map((c) => cell(names[c] ?? c)).join(st.delimiter));
  points.forEach((p, i) => {
    for (const b of st.blanks) if (b === i) lines.push(i % 2 ? '' : ' ');
    const cells = cols.map((c) =>
      mutate?.row === i && mutate.col === c ? mutate.to : value(p, c, i),
    );
    lines.push(cells.map(cell).join(st.delimiter));
    at.push(lines.length);
  });
  return { text: (st.bom ? '\uFEFF' : '') + lines.join(st.eol) + st.eol, lines: at };
}

const GARBAGE = [
  '',
  'abc',
  'NaN',
  'Infinity',
  '-inf',
  '1e400',
  '2e6',
  '-1000001',
  '0x10',
  '1.2.3',
  'green',
  'yes',
  '"',
  '"1',
  'null',
  '١٢',
  '∞',
  '1 2',
  '--1',
  '.',
  'e5',
  '0.5.',
];

describe('parsePointsCsv: generated files', () => {
  it('reads back exactly the points of any valid file (delimiter, header, order, quoting)', () => {
    fc.assert(
      fc.property(pointsArb, styleArb, (points, st) => {
        const { text } = writeCsv(points, st);
        const r = okPoints(text);
        const want = st.split ? points : points.map(({ x1, x2, label }) => ({ x1, x2, label }));
        expect(r.points).toEqual(want);
        expect(r).toMatchObject({ delimiter: st.delimiter, header: st.header, hasSplit: st.split });
      }),
      RUNS,
    );
  });

  it('refuses a file with one bad cell, at that line, never importing part of it', () => {
    const arb = fc.tuple(pointsArb, styleArb, fc.nat(), fc.nat(), fc.constantFrom(...GARBAGE));
    fc.assert(
      fc.property(arb, ([points, st, r, c, to]) => {
        const cols = ['x1', 'x2', 'label', ...(st.split ? ['split'] : [])];
        const mutate = { row: r % points.length, col: cols[c % cols.length] ?? 'x1', to };
        const { text, lines } = writeCsv(points, st, mutate);
        const res = parsePointsCsv(text);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.line).toBe(lines[mutate.row]);
      }),
      RUNS,
    );
  });

  it('round-trips pointsToCsv exactly', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const r = okPoints(pointsToCsv(points));
        expect(r.points).toEqual(points);
        expect(r).toMatchObject({ header: true, hasSplit: true, delimiter: ',' });
      }),
      RUNS,
    );
    const pts: Point[] = [
      { x1: 0.1 + 0.2, x2: -1e-300, label: 0, split: 'test' },
      { x1: 5e-324, x2: 1e6, label: 1, split: 'train' },
    ];
    expect(pointsToCsv(pts)).toBe(
      'x1,x2,label,split\n0.30000000000000004,-1e-300,0,test\n5e-324,1000000,1,train\n',
    );
    expect(okPoints(pointsToCsv(pts)).points).toEqual(pts);
  });
});

/** A valid file with a few random character edits: sometimes still valid, mostly not. */
const nearValid = fc
  .tuple(
    pointsArb,
    styleArb,
    fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.string({ unit: csvAlphabet, maxLength: 2 })), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([points, st, edits]) => {
    let text = writeCsv(points, st).text;
    for (const [pos, kind, s] of edits) {
      const at = pos % (text.length + 1);
      text = text.slice(0, at) + (kind === 1 ? '' : s) + text.slice(kind === 0 ? at : at + 1);
    }
    return text;
  });

describe('parsePointsCsv: properties', () => {
  it('never throws or hangs on arbitrary text, and accepts only text whose every row is valid', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fuzzText, nearValid), (text) => {
        const r = parsePointsCsv(text);
        if (r.ok) {
          accepted++;
          agreesWithRows(text, r);
        } else expect(r.error.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('gives a verdict on 10 KB of arbitrary text: points that agree with it, or a stated error', () => {
    fc.assert(
      fc.property(fc.string({ unit: csvAlphabet, minLength: 9000, maxLength: 10_000 }), (text) => {
        const r = parsePointsCsv(text);
        if (r.ok) agreesWithRows(text, r);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
