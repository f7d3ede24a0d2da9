/**
 * CSV import and export of labelled points. The parser is all-or-nothing: it returns every point
 * or an error naming the problem, the 1-based line and the bad value — never a partial import.
 * It reads rows with d3-dsv's `parseRows` only: `parse` builds row objects with `new Function`
 * (forbidden by the app's Content-Security-Policy) and would put header names such as
 * `__proto__` on objects.
 */
import { dsvFormat } from 'd3-dsv';
import type { Label, Point, Split } from './dataset.ts';

/** Most data rows a file may hold. */
export const MAX_ROWS = 1_000_000;

/** Largest absolute value of a coordinate; larger data must be rescaled first. */
export const MAX_ABS_VALUE = 1e6;

/** A delimiter the parser detects. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One imported point; `split` is present exactly when the file has a split column. */
export type CsvPoint = Omit<Point, 'split'> & { split?: Split };

/** The outcome of {@link parsePointsCsv}. */
export type CsvResult =
  | {
      ok: true;
      points: CsvPoint[];
      hasSplit: boolean;
      delimiter: CsvDelimiter;
      header: boolean;
      /** Rows that repeat an earlier point exactly (kept), or null when there are none. */
      repeats: Repeats | null;
    }
  | { ok: false; error: string; line?: number };

/** Rows that repeat an earlier row's point (same x1, x2 and label): how many, and the first pair. */
export interface Repeats {
  count: number;
  /** The 1-based lines of the first repeat and of the row it repeats. */
  lines: [number, number];
}

type Column = 'x1' | 'x2' | 'label' | 'split';

/** Where each column is (-1: absent), its name for messages, and the cells in a row. */
type Layout = { at: Record<Column, number>; names: Record<Column, string>; width: number };

class CsvError extends Error {
  line: number | undefined;
}

/** Throws the error that {@link parsePointsCsv} turns into `{ ok: false }`. */
function fail(message: string, line?: number): never {
  const e = new CsvError(message);
  e.line = line;
  throw e;
}

const DELIMITERS: readonly CsvDelimiter[] = ['\t', ';', ','];
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const TOO_LARGE = `is too large: values must be within ±${thousands(MAX_ABS_VALUE)} — rescale the column`;
const NAMES: Record<Column, string> = { x1: 'x1', x2: 'x2', label: 'label', split: 'split' };

/** The class a cell names (0/1, red/blue, false/true, any case), if any. */
function labelOf(cell: string): Label | undefined {
  const s = cell.trim().toLowerCase();
  if (s === '0' || s === 'red' || s === 'false') return 0;
  return s === '1' || s === 'blue' || s === 'true' ? 1 : undefined;
}

/** The column a header cell names, if any. */
function columnOf(cell: string): Column | undefined {
  const s = cell.trim().toLowerCase();
  if (s === 'x1' || s === 'x2' || s === 'label' || s === 'split') return s;
  return s === 'class' || s === 'y' ? 'label' : undefined;
}

/** A cell for an error message: trimmed, quoted, escaped, at most 40 characters. */
function show(cell: string): string {
  const s = cell.trim();
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** NUL anywhere, or control characters or more than 1 % U+FFFD in the first 64 KB. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const n = Math.min(text.length, 65_536);
  let replacements = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) return true;
    if (c === 0xfffd) replacements++;
  }
  return replacements > n / 100;
}

/** The first line with content, and its 1-based number; \n, \r\n and \r end lines. */
function firstContentLine(text: string): { text: string; line: number } | undefined {
  const breaks = /\r\n|\r|\n/g;
  for (let line = 1, start = 0; ; line++) {
    const m = breaks.exec(text);
    const s = text.slice(start, m ? m.index : text.length);
    if (!/^[\s,;]*$/.test(s)) return { text: s, line };
    if (!m) return undefined;
    start = breaks.lastIndex;
  }
}

/** Cells in a line for this delimiter, not counting delimiters inside quotes. */
function countCells(line: string, delimiter: CsvDelimiter): number {
  let cells = 1;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cells++;
  }
  return cells;
}

/** The first delimiter, in the order tab, semicolon, comma, that splits the line in ≥ 3 cells. */
function detectDelimiter(line: string, lineNo: number): CsvDelimiter {
  const d = DELIMITERS.find((d) => countCells(line, d) >= 3);
  if (d !== undefined) return d;
  const what = 'expected 3 or more columns separated by commas, semicolons or tabs';
  return fail(`Line ${lineNo}: ${what}, but found ${show(line)}.`, lineNo);
}

/**
 * Checks RFC 4180 quoting: a quoted cell is closed on its own line, and its closing quote is
 * followed by a delimiter or a line break (d3-dsv would silently drop that character).
 */
function checkQuotes(text: string, delimiter: CsvDelimiter): void {
  if (!text.includes('"')) return;
  const d = delimiter.charCodeAt(0);
  let line = 1;
  for (let i = 0, atCellStart = true; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 && atCellStart) {
      i = closingQuote(text, i, line);
      const next = text.charCodeAt(i + 1);
      if (i + 1 < text.length && next !== d && next !== 10 && next !== 13) {
        fail(
          `Line ${line}: ${show(text.charAt(i + 1))} follows the closing quote of a cell.`,
          line,
        );
      }
      atCellStart = false;
    } else {
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      atCellStart = c === d || c === 10 || c === 13;
    }
  }
}

/** Index of the quote closing the quoted cell that opens at `open` ("" is an escaped quote). */
function closingQuote(text: string, open: number, line: number): number {
  let j = text.indexOf('"', open + 1);
  while (j >= 0 && text.charCodeAt(j + 1) === 34) j = text.indexOf('"', j + 2);
  if (j < 0) fail(`Line ${line}: a quote is never closed.`, line);
  if (/[\r\n]/.test(text.slice(open, j))) {
    fail(`Line ${line}: a quoted cell runs over several lines.`, line);
  }
  return j;
}

/** Throws `Line N: "cell" in column C <problem>.` (or "missing value" for an empty cell). */
function badCell(line: number, cell: string, column: string, problem: string): never {
  if (cell.trim() === '') fail(`Line ${line}: missing value in column ${column}.`, line);
  return fail(`Line ${line}: ${show(cell)} in column ${column} ${problem}.`, line);
}

function readNumber(cell: string, line: number, column: string, delimiter: CsvDelimiter): number {
  const s = cell.trim();
  const t = delimiter !== ',' && DECIMAL_COMMA.test(s) ? s.replace(',', '.') : s;
  const v = DECIMAL.test(t) ? Number(t) : NaN;
  if (Math.abs(v) <= MAX_ABS_VALUE) return v === 0 ? 0 : v; // never -0
  if (!Number.isNaN(v)) return badCell(line, cell, column, TOO_LARGE);
  const problem = NOT_FINITE.test(s) ? 'is not a finite number' : 'is not a number';
  return badCell(line, cell, column, problem);
}

function readLabel(cell: string, line: number, column: string): Label {
  const label = labelOf(cell);
  if (label !== undefined) return label;
  return badCell(line, cell, column, 'is not a class: use 0 or 1, red or blue, false or true');
}

function readSplit(cell: string, line: number, column: string): Split {
  const s = cell.trim().toLowerCase();
  if (s === 'train' || s === 'test') return s;
  if (s === '') fail(`Line ${line}: missing value in column ${column} (train or test).`, line);
  return badCell(line, cell, column, 'must be train or test');
}

/** Whether a first-row cell reads as data (a number, a class, empty) rather than a name. */
function isDataLike(cell: string, delimiter: CsvDelimiter): boolean {
  const s = cell.trim();
  if (s === '' || NOT_FINITE.test(s) || labelOf(s) !== undefined || DECIMAL.test(s)) return true;
  return delimiter !== ',' && DECIMAL_COMMA.test(s);
}

/** The column layout a header row names; other columns are ignored. */
function headerLayout(cells: readonly string[], line: number, delimiter: CsvDelimiter): Layout {
  const at: Record<Column, number> = { x1: -1, x2: -1, label: -1, split: -1 };
  const names = { ...NAMES };
  cells.forEach((cell, i) => {
    const col = columnOf(cell);
    if (col === undefined) return;
    if (at[col] >= 0) {
      fail(`Line ${line}: the header names the ${col} column twice (${show(cell)}).`, line);
    }
    at[col] = i;
    names[col] = cell.trim();
  });
  const missing = (['x1', 'x2', 'label'] as const).filter((c) => at[c] < 0);
  if (missing.length === 0) return { at, names, width: cells.length };
  const word = show(cells.find((c) => !isDataLike(c, delimiter)) ?? '');
  return fail(
    `Line ${line} looks like a header (${word} is not a number) but has no ${missing.join(', ')} column. Name the columns x1, x2, label (or class or y) and optionally split, or start with a data row.`,
    line,
  );
}

/** The fixed layout x1, x2, label[, split] of a file without a header. */
function plainLayout(width: number, line: number): Layout {
  if (width === 3 || width === 4) {
    return { at: { x1: 0, x2: 1, label: 2, split: width === 4 ? 3 : -1 }, names: NAMES, width };
  }
  return fail(
    `Line ${line} has ${width} cells; without a header the columns must be x1, x2, label and optionally split (3 or 4 cells). Add a header row to name the columns.`,
    line,
  );
}

/** Counts lines with content, but stops once past `limit`: a huge file costs little to refuse. */
function countContentLines(text: string, delimiter: CsvDelimiter, limit: number): number {
  const d = delimiter.charCodeAt(0);
  let count = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (content && ++count > limit) return count;
      content = false;
    } else if (!content && c !== 32 && c !== 9 && c !== d) content = true;
  }
  return content ? count + 1 : count;
}

/** Reads the data rows from line `first` (the header or first data row) on; throws at a bad one. */
function readRows(
  text: string,
  d: CsvDelimiter,
  layout: Layout,
  first: number,
  header: boolean,
  progress?: (line: number) => void,
) {
  const points: CsvPoint[] = [];
  const lines: number[] = [];
  const { at, names, width } = layout;
  dsvFormat(d).parseRows(text, (cells, i) => {
    const line = i + 1;
    if (progress && (line & 0xffff) === 0) progress(line);
    if (line < first + (header ? 1 : 0) || cells.every((c) => c.trim() === '')) return null;
    if (cells.length !== width) {
      const what = header ? 'the header' : 'the first row';
      fail(
        `Line ${line} has ${cells.length} cells, but ${what} (line ${first}) has ${width}.`,
        line,
      );
    }
    const x1 = readNumber(cells[at.x1] ?? '', line, names.x1, d);
    const x2 = readNumber(cells[at.x2] ?? '', line, names.x2, d);
    const label = readLabel(cells[at.label] ?? '', line, names.label);
    if (at.split < 0) points.push({ x1, x2, label });
    else points.push({ x1, x2, label, split: readSplit(cells[at.split] ?? '', line, names.split) });
    lines.push(line);
    return null;
  });
  return { points, lines };
}

/** Refuses data with a single class. */
function checkBothClasses(points: readonly CsvPoint[]): void {
  const first = points[0]?.label ?? 0;
  if (points.some((p) => p.label !== first)) return;
  const name = first === 0 ? 'red (class 0)' : 'blue (class 1)';
  fail(
    `Only ${name} points: logistic regression needs both classes. With one class the model just pushes p towards ${first} everywhere and never draws a boundary.`,
  );
}

/**
 * Finds rows that repeat an earlier point exactly (same x1, x2 and label), with an
 * open-addressing hash table. They are kept: real data (rounded measurements) repeat points, and
 * scikit-learn and PyTorch count each copy in the loss.
 */
function findRepeats(points: readonly CsvPoint[], lines: readonly number[]): Repeats | null {
  const size = 2 ** Math.ceil(Math.log2(points.length * 2 + 2));
  const table = new Int32Array(size).fill(-1);
  const u = new Uint32Array(new Float64Array(2).buffer);
  const f = new Float64Array(u.buffer);
  let first: [number, number] | undefined;
  let count = 0;
  points.forEach((p, i) => {
    f[0] = p.x1;
    f[1] = p.x2;
    let h = Math.imul((u[0] ?? 0) ^ Math.imul(u[1] ?? 0, 0x85ebca6b), 0xcc9e2d51);
    h = Math.imul(h ^ (u[2] ?? 0) ^ Math.imul((u[3] ?? 0) + p.label, 0x1b873593), 0x9e3779b1);
    let k = (h ^ (h >>> 15)) & (size - 1);
    for (let j = table[k] ?? -1; j >= 0; k = (k + 1) & (size - 1), j = table[k] ?? -1) {
      const q = points[j];
      if (q?.x1 !== p.x1 || q.x2 !== p.x2 || q.label !== p.label) continue;
      count++;
      first ??= [lines[j] ?? 0, lines[i] ?? 0];
      return;
    }
    table[k] = i;
  });
  return first === undefined ? null : { count, lines: first };
}

/** What an import says of its repeated rows: where, how many, and that each copy counts. */
export function repeatsNote({ count, lines: [a, b] }: Repeats): string {
  const more = count > 1 ? ` (and ${thousands(count - 1)} more repeat${count > 2 ? 's' : ''})` : '';
  return `Lines ${a} and ${b} hold the same point${more}: each copy is kept and counts in the loss, as in scikit-learn and PyTorch.`;
}

/**
 * Parses a CSV of labelled points: columns x1, x2, label and optionally split, with a header
 * (columns in any order, extra columns ignored) or without (x1, x2, label[, split]). Detects the
 * delimiter (tab, semicolon, comma) from the first line; with tab or semicolon a decimal comma
 * ("1,5") is read as a decimal point. Skips blank lines (also rows of empty cells such as ",,").
 * Numbers are decimal (no hex, no NaN/Infinity) and within ±{@link MAX_ABS_VALUE}.
 *
 * @returns Every point, or the first error (with its 1-based line when there is one).
 */
export function parsePointsCsv(text: string, onProgress?: (fraction: number) => void): CsvResult {
  try {
    return parseOrThrow(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, onProgress);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.line === undefined) return { ok: false, error: e.message };
    return { ok: false, error: e.message, line: e.line };
  }
}

function parseOrThrow(text: string, onProgress?: (fraction: number) => void): CsvResult {
  if (looksBinary(text)) fail('This does not look like a text CSV file.');
  const first = firstContentLine(text);
  if (first === undefined) return fail('The file is empty.');
  const delimiter = detectDelimiter(first.text, first.line);
  checkQuotes(text, delimiter);
  const cells = dsvFormat(delimiter).parseRows(first.text)[0] ?? [];
  const header = !cells.slice(0, 3).every((c) => isDataLike(c, delimiter));
  const layout = header
    ? headerLayout(cells, first.line, delimiter)
    : plainLayout(cells.length, first.line);
  const limit = MAX_ROWS + (header ? 1 : 0);
  const rows = countContentLines(text, delimiter, limit);
  if (rows > limit) {
    const max = thousands(MAX_ROWS);
    fail(`The file has more than ${max} data rows; at most ${max} points can be imported.`);
  }
  const report = onProgress && ((line: number) => onProgress(Math.min(1, line / rows)));
  const { points, lines } = readRows(text, delimiter, layout, first.line, header, report);
  if (points.length === 0) {
    fail(header ? 'The file has a header but no data rows.' : 'The file is empty.');
  }
  checkBothClasses(points);
  const repeats = findRepeats(points, lines);
  return { ok: true, points, hasSplit: layout.at.split >= 0, delimiter, header, repeats };
}

/**
 * Writes points as CSV with the header `x1,x2,label,split`, numbers at full precision and labels
 * 0/1, so that {@link parsePointsCsv} reads back exactly these points (for finite coordinates
 * within ±{@link MAX_ABS_VALUE} and both classes present; -0 reads back as 0).
 */
export function pointsToCsv(points: readonly Point[]): string {
  const rows = ['x1,x2,label,split'];
  for (const p of points) rows.push(`${p.x1},${p.x2},${p.label},${p.split}`);
  return `${rows.join('\n')}\n`;
}

/** Why a file's text could not be had (a browser's read error), in the import's words. */
export function unreadable(e: unknown): string {
  return `The file could not be read (${e instanceof Error ? e.message : String(e)}).`;
}
