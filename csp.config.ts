/**
 * The Content-Security-Policy the production build serves, both as a `<meta>` tag in the built
 * `index.html` and as a response header from `vite preview`. No inline script and no eval;
 * `'wasm-unsafe-eval'` lets the TF.js wasm backend compile its module; workers come from self.
 * The dev server does not get it: React's fast-refresh preamble is an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
