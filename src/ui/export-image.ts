/**
 * PNG and SVG of the data plot as a person sees it — the probability field (canvas), the marks
 * (SVG or canvas) and the SVG on top, composed in that order — with the model's formula above
 * and the legend below, so that the image explains itself on a slide.
 */
import { drawSwatch, SWATCH, type LegendEntry } from '../charts/legend.ts';
import type { Weights } from '../core/maths.ts';
import { fmtFormula, fmtInt } from './format.ts';
import { isLinear } from '../core/features.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What an exported image carries besides the plot. */
export interface ExportDecor {
  /** The model drawn (null: none yet). */
  formula: Weights | null;
  epoch: number;
  legend: LegendEntry[];
}

const TITLE_H = 30;
const ROW_H = 20;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A standalone SVG document of the plot inside `host`, with the canvases embedded as images. */
export function plotToSvg(host: HTMLElement, decor: ExportDecor): string {
  return compose(host, decor).text;
}

/** The SVG document's text and its size in CSS pixels. */
function compose(
  host: HTMLElement,
  decor: ExportDecor,
): { text: string; width: number; height: number } {
  const svg = host.querySelector('svg');
  if (!svg) throw new Error('the plot has no SVG to export');
  const { width, height } = svg.getBoundingClientRect();
  const plot = svg.cloneNode(true) as SVGSVGElement;
  plot.removeAttribute('aria-hidden');
  plot.removeAttribute('class');
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(TITLE_H));
  const hostRect = host.getBoundingClientRect();
  const images = [...host.querySelectorAll('canvas')].map((c) => {
    const r = c.getBoundingClientRect();
    const img = document.createElementNS(SVG_NS, 'image');
    img.setAttribute('href', c.toDataURL('image/png'));
    img.setAttribute('x', String(r.left - hostRect.left));
    img.setAttribute('y', String(r.top - hostRect.top));
    img.setAttribute('width', String(r.width));
    img.setAttribute('height', String(r.height));
    img.setAttribute('preserveAspectRatio', 'none');
    return img;
  });
  // The field goes under everything, canvas marks above the field; both under the SVG's marks.
  plot.prepend(...images);
  inlineStyles(svg, plot);
  const columns = Math.max(1, Math.floor(width / 250));
  const rows = Math.ceil(decor.legend.length / columns);
  const total = TITLE_H + height + rows * ROW_H + 10;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(total));
  out.setAttribute('viewBox', `0 0 ${width} ${total}`);
  out.setAttribute('font-family', FONT);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.append(bg, title(decor), plot, legend(decor.legend, width, TITLE_H + height + 4, columns));
  return { text: new XMLSerializer().serializeToString(out), width, height: total };
}

/** "p(blue) = σ(…) · epoch N", or what is missing. */
function title(decor: ExportDecor): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', '8');
  t.setAttribute('y', '20');
  t.setAttribute('font-size', '14');
  t.setAttribute('fill', '#1b1b1b');
  t.textContent = decor.formula
    ? `${fmtFormula(decor.formula)} · epoch ${fmtInt(decor.epoch)} · boundary: ${isLinear(decor.formula) ? 'w·x + b = 0' : 'w·φ(x) + b = 0, curved by the features'}`
    : 'No model yet: p(blue) = 0.5 everywhere';
  return t;
}

/** The legend's entries in `columns` columns, starting at y. */
function legend(entries: LegendEntry[], width: number, y: number, columns: number): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  const colW = width / columns;
  entries.forEach((e, i) => {
    const cell = document.createElementNS(SVG_NS, 'g');
    const cx = 8 + (i % columns) * colW;
    const cy = y + Math.floor(i / columns) * ROW_H;
    cell.setAttribute('transform', `translate(${cx},${cy})`);
    drawSwatch(cell, e.mark);
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(SWATCH.width + 6));
    t.setAttribute('y', String(SWATCH.height - 2));
    t.setAttribute('font-size', '12');
    t.setAttribute('fill', '#1b1b1b');
    t.textContent = e.text;
    cell.append(t);
    g.append(cell);
  });
  return g;
}

/** A PNG (at device resolution) of the same composition. */
export async function plotToPng(host: HTMLElement, decor: ExportDecor): Promise<Blob> {
  const { text: svgText, width, height } = compose(host, decor);
  const scale = Math.min(2, globalThis.devicePixelRatio || 1);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies computed presentation styles onto the clone (the stylesheet does not travel). */
function inlineStyles(src: SVGSVGElement, dst: SVGSVGElement): void {
  const props = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'opacity',
    'font-size',
    'font-family',
    'font-weight',
  ];
  const a = src.querySelectorAll('*');
  const b = dst.querySelectorAll(':scope > :not(image), :scope > :not(image) *');
  a.forEach((el, i) => {
    const target = b[i];
    if (!target) return;
    const cs = getComputedStyle(el);
    for (const p of props) target.setAttribute(p, cs.getPropertyValue(p));
  });
}
