/**
 * Colours and marks shared by every chart. Red is class 0, blue is class 1, everywhere.
 * Both inks pass WCAG AA (≥ 4.5 : 1) on white and stay distinct for red–green colour blindness
 * (they differ in blue content and in lightness); the classes also differ in shape.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';
import { symbolCircle, symbolSquare, type SymbolType } from 'd3-shape';

/** Ink for class 0 (red), contrast 6.9 : 1 on white. */
export const RED = '#b2182b';
/** Ink for class 1 (blue), contrast 5.9 : 1 on white. */
export const BLUE = '#2166ac';
/** Ink of the decision boundary p = 0.5. */
export const BOUNDARY = '#111111';

/** Ink of the decision threshold's line p = t (neither class's colour), 7 : 1 on white. */
export const THRESHOLD = '#5a3d00';

/** Ink of the pulls' sum (−∇J) on the data plot: the parameter-space arrow's, 8 : 1 on white. */
export const PULL_SUM = '#5b2a86';

/** Class index → ink. */
export const CLASS_COLOURS = [RED, BLUE] as const;
/** Class index → mark shape: red circles, blue squares. */
export const CLASS_SYMBOLS: readonly [SymbolType, SymbolType] = [symbolCircle, symbolSquare];

/**
 * A 256-entry RGBA lookup table for the probability field p(blue | x): 0 → pale red,
 * 0.5 → white, 1 → pale blue. Pale (mixed 72 % with white) so the points stay readable on top.
 */
export function fieldLut(mixWithWhite = 0.72): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolateRdBu(i / 255));
    const [r, g, b] = rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [255, 255, 255];
    lut[i * 4] = r + (255 - r) * mixWithWhite;
    lut[i * 4 + 1] = g + (255 - g) * mixWithWhite;
    lut[i * 4 + 2] = b + (255 - b) * mixWithWhite;
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

/**
 * Inks of the learning-rate race's lanes, in lane order: neither red nor blue (those are the
 * classes), each ≥ 4.5 : 1 on white, told apart by hue and by the lane number in the table.
 */
export const RACE_COLOURS = [
  '#b35806',
  '#1b7837',
  '#762a83',
  '#00666e',
  '#8a6d00',
  '#c51b7d',
  '#4d4d4d',
  '#5c6b00',
] as const;

/** Dash patterns of the race lanes, in lane order: lanes differ in pattern as well as colour. */
export const RACE_DASHES = [
  'none',
  '7 3',
  '2 3',
  '9 3 2 3',
  '4 4',
  '12 3',
  '5 2 1 2',
  '1 2',
] as const;
