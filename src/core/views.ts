/**
 * The optional views, each one checkbox: "Show decisions and doubt", "Show gradient pulls", "Show
 * p = 0.25 and 0.75 lines", "Show the exact optimum" and "Show parameter space". A link and the
 * autosave keep them, so a reload or a shared link shows what the person was looking at.
 */
export interface Views {
  decisions: boolean;
  pulls: boolean;
  lines: boolean;
  optimum: boolean;
  params: boolean;
}

/** The views of a fresh page (and of an older link or save that does not name one). */
export const DEFAULT_VIEWS: Views = Object.freeze({
  decisions: false,
  pulls: false,
  lines: true,
  optimum: true,
  params: true,
});

/** Each view's key in a link, in the order a link lists them. */
export const VIEW_KEYS: readonly (readonly [keyof Views, string])[] = [
  ['decisions', 'dd'],
  ['pulls', 'gp'],
  ['lines', 'pl'],
  ['optimum', 'op'],
  ['params', 'ps'],
];
