import { describe, expect, it } from 'vitest';
import { PYTHON_INSTALL, pythonRequired, pythonWith, requirePython } from './python-env.ts';

describe('pythonWith', () => {
  it('names the install command when a module is missing, and skips only outside CI', () => {
    const env = pythonWith(['logreg_lab_no_such_module']);
    expect(env.python).toBeUndefined();
    expect(env.problem).toContain(PYTHON_INSTALL);
    expect(env.skip).toBe(!pythonRequired());
    expect(() => requirePython(env)).toThrow(PYTHON_INSTALL);
  });

  it('requires Python in CI (CI or REQUIRE_PYTHON set, not "false" or "0"), not locally', () => {
    expect(pythonRequired({})).toBe(false);
    expect(pythonRequired({ CI: 'true' })).toBe(true);
    expect(pythonRequired({ CI: '1' })).toBe(true);
    expect(pythonRequired({ CI: 'false' })).toBe(false);
    expect(pythonRequired({ CI: '0' })).toBe(false);
    expect(pythonRequired({ REQUIRE_PYTHON: '1' })).toBe(true);
    expect(pythonRequired({ CI: 'false', REQUIRE_PYTHON: '1' })).toBe(true);
  });
});
