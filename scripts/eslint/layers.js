/**
 * ESLint rule: imports flow one way, by allow-list. Each layer of src/ names the layers (folders
 * or single files under src/) and the packages it may import; anything else is an error. Test
 * files may also import the test tools. The layers:
 *
 *   core (pure) → worker (engines, worker core, protocol) and charts (D3) → ui (React) → main
 *
 * with ui reaching the worker only through worker/protocol.ts (types); src/integration (tests of
 * the page and the worker together, in Node) may import every layer.
 */
import path from 'node:path';

const D3 = /^d3-[a-z-]+$/;
const TESTS = [/^vitest$/, /^fast-check$/, /^node:/];

/** Per layer: the src/ paths (folders end with '/') and the packages it may import. */
export const LAYERS = {
  core: { paths: ['core/'], packages: [D3] },
  worker: { paths: ['core/', 'worker/'], packages: [/^@tensorflow\//] },
  charts: { paths: ['core/', 'charts/'], packages: [D3] },
  ui: {
    paths: ['core/', 'charts/', 'ui/', 'worker/protocol.ts'],
    packages: [/^react(-dom)?(\/|$)/],
  },
  'main.tsx': { paths: ['ui/'], packages: [/^react(-dom)?(\/|$)/] },
  integration: { paths: ['core/', 'charts/', 'ui/', 'worker/', 'integration/'], packages: [] },
};

const layerOf = (rel) => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel);

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports flow one way between the layers of src/ (allow-lists).' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const src = path.join(context.cwd, 'src') + path.sep;
    if (!file.startsWith(src)) return {};
    const rel = file.slice(src.length).split(path.sep).join('/');
    const layer = LAYERS[layerOf(rel)];
    if (!layer) return {};
    // Test files and their fixtures (test-only support code) may also import the test tools.
    const isTest = /\.test\.tsx?$/.test(rel) || rel.includes('/__fixtures__/');
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const to = target.startsWith(src)
          ? target.slice(src.length).split(path.sep).join('/')
          : null;
        // A test may also check a build script's output against the script (scripts/…).
        const script = isTest && target.startsWith(path.join(context.cwd, 'scripts') + path.sep);
        const ok =
          script ||
          (to !== null && layer.paths.some((p) => (p.endsWith('/') ? to.startsWith(p) : to === p)));
        if (!ok)
          context.report({
            node: node.source,
            message: `src/${layerOf(rel)} may import only ${layer.paths.map((p) => `src/${p}`).join(', ')}; not ${spec}.`,
          });
        return;
      }
      const packages = isTest ? [...layer.packages, ...TESTS] : layer.packages;
      if (!packages.some((re) => re.test(spec)))
        context.report({
          node: node.source,
          message: `src/${layerOf(rel)} may not import the package "${spec}" (allowed: ${packages.map(String).join(', ') || 'none'}).`,
        });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
