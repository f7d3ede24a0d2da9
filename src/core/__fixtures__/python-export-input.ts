/**
 * Shared inputs and readers for the "Export as Python" tests: a tutorial-like export with tricky
 * floats, and helpers that find the data block and its point lists in a script.
 */
import type { ExportPoint, PythonExportInput } from '../python-export.ts';
import { DATA_BEGIN, DATA_END } from '../python-export.ts';
import { tutorialPreset } from '../presets.ts';
import { DEFAULT_HYPER } from '../settings.ts';

/** The app's default hyper-parameters as an export carries them (no initial-weights kind). */
const { init: _init, ...EXPORT_DEFAULTS } = DEFAULT_HYPER;

/** Tricky floats: non-terminating binary fractions, tiny, huge, subnormal, −0, integral. */
export const TRICKY: ExportPoint[] = [
  { x1: 0.1 + 0.2, x2: -0, label: 0 },
  { x1: 1e-7, x2: 123456.789, label: 1 },
  { x1: 5e-324, x2: -1e6, label: 0 },
  { x1: 2 / 3, x2: Math.PI, label: 1 },
  { x1: 3, x2: -1.7976931348623157e308, label: 1 },
];

/** 60 tutorial points, split 33 % / 67 % with seed 42. */
export const tutorial = tutorialPreset({ n: 60 });

/** A tutorial-like export: 60 tutorial points plus the tricky ones, after 200,000 epochs. */
export function makeInput(over: Partial<PythonExportInput> = {}): PythonExportInput {
  return {
    train: [...tutorial.filter((p) => p.split === 'train'), ...TRICKY],
    test: tutorial.filter((p) => p.split === 'test'),
    hyper: EXPORT_DEFAULTS,
    initial: { w1: 0, w2: 0, b: 0 },
    app: {
      epoch: 200_000,
      weights: { w1: 2.747475883957003, w2: 2.4241279513637806, b: -9.309135560638975 },
      engine: 'js-f64',
      precision: 'float64',
    },
    optimum: null,
    newPoint: { x1: 1, x2: 1 },
    ...over,
  };
}

/** {@link makeInput} with some hyper-parameters changed. */
export const withHyper = (h: Partial<PythonExportInput['hyper']>) =>
  makeInput({ hyper: { ...makeInput().hyper, ...h } });

/** The text between the data block's markers, markers included. */
export function dataSection(script: string): string {
  const from = script.indexOf(DATA_BEGIN);
  const to = script.indexOf(DATA_END);
  if (from < 0 || to < from) throw new Error('no data block in the script');
  return script.slice(from, to + DATA_END.length);
}

/** The [x1, x2] rows of one list in the data block, parsed by JavaScript. */
export function rowsOf(script: string, name: string): [number, number][] {
  const m = new RegExp(`^${name} = \\[\\n([\\s\\S]*?)\\n\\]`, 'm').exec(dataSection(script));
  if (!m) throw new Error(`no ${name} list`);
  return m[1]!.split('\n').map((line) => {
    const r = /^ {4}\[(\S+), (\S+)\],$/.exec(line);
    if (!r) throw new Error(`bad row: ${line}`);
    return [Number(r[1]), Number(r[2])];
  });
}

/** The [x1, x2] pairs of points. */
export const coords = (pts: readonly ExportPoint[]) => pts.map((p): [number, number] => [p.x1, p.x2]);
