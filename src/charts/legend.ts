/**
 * The data plot's legend: one entry for every kind of mark that is on the plot, each with a swatch
 * drawn the way the plot draws that mark. The page shows it as HTML under the plot; an exported
 * image carries the same entries, drawn into the SVG (so the picture works on a slide).
 */
import { symbol } from 'd3-shape';
import {
  BOUNDARY,
  CLASS_COLOURS,
  CLASS_SYMBOLS,
  fieldLut,
  PULL_SUM,
  THRESHOLD,
} from './palette.ts';

/** How an entry's swatch looks. */
export type LegendMark =
  | { kind: 'point'; label: 0 | 1; hollow: boolean }
  | { kind: 'line'; stroke: string; width: number; dash: string }
  | { kind: 'arrow' }
  | { kind: 'field' }
  | { kind: 'band' }
  | { kind: 'halo' };

export interface LegendEntry {
  key: string;
  text: string;
  mark: LegendMark;
}

/** What is drawn on the plot right now. */
export interface LegendState {
  /** A model with w ≠ 0: boundary, field and arrow. */
  model: boolean;
  /** The model's boundary is a curve (quadratic features): its levels are curves, no arrow. */
  curved?: boolean;
  contours: boolean;
  ghost: boolean;
  maxMargin: boolean;
  /** The decision threshold's line, when drawn (t ≠ 0.5). */
  threshold?: number | null;
  /** Gradient-pull halos are drawn. */
  pulls?: boolean;
  /** The 95 % band of plausible boundaries is drawn. */
  band?: boolean;
  /** The race's lanes: ink, dash and words. */
  lanes: readonly { colour: string; dash: string; label: string }[];
}

/** The legend's entries, in the order they are read: data first, then the model's lines. */
export function legendEntries(s: LegendState): LegendEntry[] {
  const line = (key: string, text: string, stroke: string, width: number, dash: string) => ({
    key,
    text,
    mark: { kind: 'line' as const, stroke, width, dash },
  });
  const out: LegendEntry[] = [
    { key: 'red', text: 'red = class 0', mark: { kind: 'point', label: 0, hollow: false } },
    { key: 'blue', text: 'blue = class 1', mark: { kind: 'point', label: 1, hollow: false } },
    { key: 'test', text: 'hollow = test point', mark: { kind: 'point', label: 0, hollow: true } },
  ];
  if (s.model) {
    out.push(
      {
        key: 'field',
        text: 'shading: p(blue), red 0 → white 0.5 → blue 1',
        mark: { kind: 'field' },
      },
      s.curved
        ? line(
            'boundary',
            'boundary w·φ(x) + b = 0 (p = 0.5), curved by the features',
            BOUNDARY,
            2,
            'none',
          )
        : line('boundary', 'boundary w·x + b = 0 (p = 0.5)', BOUNDARY, 2, 'none'),
    );
    if (s.contours) out.push(line('contours', 'p = 0.25 and p = 0.75', BOUNDARY, 1, '4 4'));
    const t = s.threshold;
    if (t !== undefined && t !== null && t > 0 && t < 1 && t !== 0.5)
      out.push(line('threshold', `threshold p = ${Number(t.toFixed(3))}`, THRESHOLD, 2, '8 3 2 3'));
    if (!s.curved)
      out.push({ key: 'arrow', text: 'w: points toward blue', mark: { kind: 'arrow' } });
  }
  if (s.band)
    out.push({ key: 'band', text: '95 % band of plausible boundaries', mark: { kind: 'band' } });
  if (s.pulls)
    out.push({
      key: 'pulls',
      text: 'halo: how hard a training point pulls, |p − y|; ringed: the 5 strongest',
      mark: { kind: 'halo' },
    });
  if (s.pulls)
    out.push(line('pull-sum', '−∇J: where all the pulls move w (direction)', PULL_SUM, 2, '5 2'));
  if (s.ghost) out.push(line('ghost', 'exact optimum’s boundary', '#666666', 2, '8 5'));
  if (s.maxMargin) out.push(line('max-margin', 'maximum-margin line', '#444444', 1.5, '1 4'));
  s.lanes.forEach((l, i) => out.push(line(`lane-${i}`, l.label, l.colour, 2, l.dash)));
  return out;
}

/** Width and height of a swatch, in CSS pixels. */
export const SWATCH = { width: 26, height: 14 } as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws an entry's swatch into `g` (an SVG group whose origin is the swatch's top-left corner).
 * Attributes only, so the result needs no stylesheet (an exported file has none).
 */
export function drawSwatch(g: SVGGElement, mark: LegendMark): void {
  const el = (name: string, attrs: Record<string, string | number>) => {
    const e = g.ownerDocument.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    g.append(e);
    return e;
  };
  const { width: w, height: h } = SWATCH;
  if (mark.kind === 'point') {
    const ink = CLASS_COLOURS[mark.label];
    el('path', {
      d: symbol(CLASS_SYMBOLS[mark.label], 52)()!,
      transform: `translate(${w / 2},${h / 2})`,
      fill: mark.hollow ? '#ffffff' : ink,
      stroke: ink,
      'stroke-width': 1.6,
    });
  } else if (mark.kind === 'line') {
    el('line', {
      x1: 1,
      x2: w - 1,
      y1: h / 2,
      y2: h / 2,
      stroke: mark.stroke,
      'stroke-width': mark.width,
      'stroke-dasharray': mark.dash,
      'stroke-linecap': mark.dash === '1 4' ? 'round' : 'butt',
    });
  } else if (mark.kind === 'band') {
    el('rect', {
      x: 1,
      y: 2,
      width: w - 2,
      height: h - 4,
      fill: '#7a7a7a',
      'fill-opacity': 0.25,
      stroke: '#555555',
      'stroke-dasharray': '3 2',
    });
  } else if (mark.kind === 'halo') {
    el('circle', {
      cx: w / 2,
      cy: h / 2,
      r: 6,
      fill: CLASS_COLOURS[1],
      'fill-opacity': 0.18,
      stroke: CLASS_COLOURS[1],
    });
  } else if (mark.kind === 'arrow') {
    el('line', { x1: 2, x2: w - 8, y1: h / 2, y2: h / 2, stroke: '#111111', 'stroke-width': 2 });
    el('path', {
      d: `M${w - 1},${h / 2}L${w - 9},${h / 2 - 4}L${w - 9},${h / 2 + 4}Z`,
      fill: '#111111',
    });
  } else {
    const id = 'legend-field-gradient';
    const grad = el('linearGradient', { id });
    for (const offset of [0, 0.5, 1]) {
      const stop = g.ownerDocument.createElementNS(SVG_NS, 'stop');
      stop.setAttribute('offset', String(offset));
      stop.setAttribute('stop-color', fieldInk(offset));
      grad.append(stop);
    }
    el('rect', { x: 1, y: 1, width: w - 2, height: h - 2, fill: `url(#${id})`, stroke: '#999999' });
  }
}

const LUT = fieldLut();

/** The field's colour at probability p, as #rrggbb (the same table the plot paints with). */
export function fieldInk(p: number): string {
  const i = Math.round(Math.min(1, Math.max(0, p)) * 255) * 4;
  const hex = (v: number) => LUT[v]!.toString(16).padStart(2, '0');
  return `#${hex(i)}${hex(i + 1)}${hex(i + 2)}`;
}
