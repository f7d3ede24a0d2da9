/** Vite turns `?url` imports into the served URL of the asset (here: TF.js's .wasm files). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
