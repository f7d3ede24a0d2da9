import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

/** `npm run bench`: the bench "test" against the production build, one worker, long timeout. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'bench.spec.ts',
  outputDir: '../../test-results/bench',
  retries: 0,
  timeout: 900_000,
  reporter: [['line']],
  webServer: { ...base.webServer!, cwd: '../..' } as typeof base.webServer,
});
