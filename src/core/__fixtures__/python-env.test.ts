import { describe, expect, it } from 'vitest';
import { PYTHON_INSTALL, pythonWith, requirePython } from './python-env.ts';

describe('pythonWith', () => {
  it('names the install command when a module is missing, and skips only outside CI', () => {
    const env = pythonWith(['logreg_lab_no_such_module']);
    expect(env.python).toBeUndefined();
    expect(env.problem).toContain(PYTHON_INSTALL);
    expect(env.skip).toBe(!process.env.CI);
    expect(() => requirePython(env)).toThrow(PYTHON_INSTALL);
  });
});
