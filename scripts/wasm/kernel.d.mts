/** Types of scripts/wasm/kernel.mjs (the WASM SIMD kernel's generator). */
export declare const UNROLL: number;
export declare function kernelWat(): string;
export declare function kernelBytes(): Promise<Uint8Array>;
export declare function kernelModuleSource(): Promise<string>;
