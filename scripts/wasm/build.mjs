/** `npm run build:wasm`: writes the kernel's text and bytes from scripts/wasm/kernel.mjs. */
import { writeFileSync } from 'node:fs';
import { kernelModuleSource, kernelWat } from './kernel.mjs';

writeFileSync('src/worker/engines/wasm-f64.wat', kernelWat());
writeFileSync('src/worker/engines/wasm-f64-binary.ts', await kernelModuleSource());
console.log('wrote src/worker/engines/wasm-f64.wat and wasm-f64-binary.ts');
