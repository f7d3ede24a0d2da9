/**
 * Finds the Python that the cross-checks run with: the first of $PYTHON, Debian's
 * /usr/bin/python3 and `python3` on PATH that imports every module asked for. Debian's packages
 * (python3-torch, python3-sklearn, python3-numpy) install into /usr/bin/python3, which is often
 * not the `python3` first on PATH (pyenv, a virtualenv).
 *
 * The rule for a missing Python or module: locally the check is skipped and the skip says how to
 * install what is missing; in CI (CI set and not "false"/"0", or REQUIRE_PYTHON=1, which `.ci/run`
 * sets after installing them) it is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';

export const PYTHON_INSTALL =
  'sudo apt-get install -y python3-torch python3-sklearn python3-numpy';

export interface PythonEnv {
  /** The interpreter that has every module, if one does. */
  readonly python: string | undefined;
  /** Why not, naming the install command; undefined when `python` is set. */
  readonly problem: string | undefined;
  /** Skip the check (local run, something missing). */
  readonly skip: boolean;
}

const found = new Map<string, PythonEnv>();

/** Whether a missing Python must fail (CI) rather than skip (a local run). */
export function pythonRequired(env: Record<string, string | undefined> = process.env): boolean {
  const on = (v: string | undefined) => !!v && v !== 'false' && v !== '0';
  return on(env.CI) || on(env.REQUIRE_PYTHON);
}

/** The modules `python` fails to import (all of them when it does not run at all). */
function missingIn(python: string, modules: readonly string[]): string[] | undefined {
  const probe = `import sys
for m in sys.argv[1:]:
    try:
        __import__(m)
    except Exception:
        print(m)`;
  const r = spawnSync(python, ['-c', probe, ...modules], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n').filter(Boolean);
}

/** The Python that imports all of `modules` (e.g. ['numpy', 'sklearn', 'torch']). */
export function pythonWith(modules: readonly string[]): PythonEnv {
  const key = modules.join(',');
  const cached = found.get(key);
  if (cached) return cached;
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
    (p): p is string => !!p,
  );
  let best: { python: string; missing: string[] } | undefined;
  for (const python of candidates) {
    const missing = missingIn(python, modules);
    if (missing === undefined) continue;
    if (missing.length === 0) {
      const env = { python, problem: undefined, skip: false };
      found.set(key, env);
      return env;
    }
    if (!best || missing.length < best.missing.length) best = { python, missing };
  }
  const what = best
    ? `${best.python} lacks ${best.missing.join(', ')}`
    : `no python3 found (tried ${candidates.join(', ')})`;
  const env = {
    python: undefined,
    problem: `${what}: install them with \`${PYTHON_INSTALL}\`${pythonRequired() ? ' (in CI: a failure, not a skip)' : ''}`,
    skip: !pythonRequired(),
  };
  found.set(key, env);
  return env;
}

/** The interpreter, or throws the reason (the CI failure). */
export function requirePython(env: PythonEnv): string {
  if (!env.python) throw new Error(env.problem);
  return env.python;
}
