import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { menuItem, openApp, readout, runRecipe } from './app.ts';

/** The contents of every download that a click starts, by suggested file name. */
async function downloadsOf(page: Page, click: () => Promise<void>, count: number) {
  const seen: Download[] = [];
  const listener = (d: Download) => seen.push(d);
  page.on('download', listener);
  await click();
  await expect.poll(() => seen.length).toBe(count);
  page.off('download', listener);
  const files: Record<string, string> = {};
  for (const d of seen) files[d.suggestedFilename()] = readFileSync((await d.path())!, 'utf8');
  return files;
}

/** The [x1, x2] rows of a list in a script's data block, as numbers. */
function rowsOf(script: string, name: string): number[][] {
  const m = new RegExp(`^${name} = \\[\\n([\\s\\S]*?)\\n\\]`, 'm').exec(script);
  if (!m) throw new Error(`no ${name} list in the script`);
  return m[1]!.split('\n').map((line) =>
    line
      .replace(/[\s[\],]+/g, ' ')
      .trim()
      .split(' ')
      .map(Number),
  );
}

/** The labels of a list in a script's data block. */
function labelsOf(script: string, name: string): number[] {
  const m = new RegExp(`^${name} = \\[\\n?([\\s\\S]*?)\\n?\\]`, 'm').exec(script);
  if (!m) throw new Error(`no ${name} list in the script`);
  return m[1]!
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

/** The number after `KEY = ` at the start of a line. */
function constant(script: string, key: string): string | undefined {
  return new RegExp(`^${key} = (\\S+)`, 'm').exec(script)?.[1];
}

test('Export as Python downloads two scripts with the app’s points, settings and weights', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page);
  await runRecipe(page);

  const { 'logreg-lab-points.csv': csv } = await downloadsOf(
    page,
    async () => (await menuItem(page, 'Export CSV')).click(),
    1,
  );
  const rows = csv!
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(','));
  const split = (which: string) => rows.filter((r) => r[3] === which);

  const files = await downloadsOf(
    page,
    async () => (await menuItem(page, 'Export as Python')).click(),
    2,
  );
  expect(Object.keys(files).sort()).toEqual(['logreg_pytorch.py', 'logreg_sklearn.py']);

  const weights = {
    w1: await readout(page, 'w1'),
    w2: await readout(page, 'w2'),
    b: await readout(page, 'b'),
  };
  for (const [name, script] of Object.entries(files)) {
    // The app's own split, point for point and in order, exactly as "Export CSV" writes it.
    expect(rowsOf(script, 'X_TRAIN'), name).toEqual(split('train').map((r) => [+r[0]!, +r[1]!]));
    expect(rowsOf(script, 'X_TEST'), name).toEqual(split('test').map((r) => [+r[0]!, +r[1]!]));
    expect(labelsOf(script, 'Y_TRAIN')).toEqual(split('train').map((r) => +r[2]!));
    expect(labelsOf(script, 'Y_TEST')).toEqual(split('test').map((r) => +r[2]!));
    expect(split('test')).toHaveLength(99);

    expect(constant(script, 'LEARNING_RATE')).toBe('0.01');
    expect(constant(script, 'EPOCHS')).toBe('200000');
    expect(constant(script, 'APP_EPOCH')).toBe('200000');
    expect(constant(script, 'REPORT_EVERY')).toBe('10000');
    expect(script).toMatch(/^NEW_POINT = \[1\.0, 1\.0\]/m);

    // APP_WEIGHTS at full precision; the readouts show 5 significant digits of the same numbers.
    const m = /^APP_WEIGHTS = \{"w1": (\S+), "w2": (\S+), "b": (\S+)\}/m.exec(script);
    expect(m, `${name} has APP_WEIGHTS`).not.toBeNull();
    const app = { w1: Number(m![1]), w2: Number(m![2]), b: Number(m![3]) };
    for (const k of ['w1', 'w2', 'b'] as const) {
      expect(Number(app[k].toPrecision(5)), `${name}: ${k}`).toBe(weights[k]);
    }
  }
  expect(files['logreg_pytorch.py']).toContain(
    'torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)',
  );
  expect(files['logreg_sklearn.py']).toContain('no finite optimum');

  // Valid Python, where there is a python3 to ask (it is not part of the app's toolchain).
  const python = spawnSync('python3', ['--version']);
  test.info().annotations.push({
    type: 'python3',
    description: python.error ? 'not found: the scripts were not parsed' : 'scripts ast-parsed',
  });
  if (!python.error) {
    for (const [name, script] of Object.entries(files)) {
      const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
        input: script,
        encoding: 'utf8',
      });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
  }
  expect(consoleErrors).toEqual([]);
});
