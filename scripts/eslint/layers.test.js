import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { allowedImports } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.afterAll = afterAll;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file) => `${process.cwd()}/src/${file}`;
const layerError = (code, file, part) => ({
  code,
  filename: at(file),
  errors: [{ message: new RegExp(part) }],
});

tester.run('layers/allowed-imports', allowedImports, {
  valid: [
    { code: "import { x } from './maths.ts';", filename: at('core/metrics.ts') },
    { code: "import { csvParse } from 'd3-dsv';", filename: at('core/csv.ts') },
    { code: "import { x } from '../core/maths.ts';", filename: at('worker/trainer.ts') },
    {
      code: "import * as tf from '@tensorflow/tfjs-core';",
      filename: at('worker/engines/tfjs.ts'),
    },
    { code: "import type { ToWorker } from '../worker/protocol.ts';", filename: at('ui/app.tsx') },
    { code: "import { describe } from 'vitest';", filename: at('core/maths.test.ts') },
    { code: "import { x } from '../worker/worker-core.ts';", filename: at('integration/link.ts') },
  ],
  invalid: [
    layerError("import { App } from '../ui/app.tsx';", 'core/maths.ts', 'src/core may import only'),
    layerError("import * as d3 from 'd3';", 'core/maths.ts', 'may not import the package "d3"'),
    layerError("import { describe } from 'vitest';", 'core/maths.ts', 'package "vitest"'),
    layerError("import { x } from '../charts/palette.ts';", 'worker/trainer.ts', 'src/worker'),
    layerError("import { x } from '../worker/trainer.ts';", 'ui/app.tsx', 'src/ui may import'),
    layerError("import * as tf from '@tensorflow/tfjs-core';", 'ui/app.tsx', 'tfjs-core'),
    layerError("import { x } from '../ui/app.tsx';", 'charts/data-plot.ts', 'src/charts'),
    layerError("export * from '../ui/app.tsx';", 'core/maths.ts', 'src/core'),
  ],
});
