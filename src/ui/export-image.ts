/**
 * PNG and SVG of the data plot as a person sees it: the probability field (canvas), the marks
 * (SVG or canvas) and the SVG on top, composed in that order.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of the plot inside `host`, with the canvases embedded as images. */
export function plotToSvg(host: HTMLElement): string {
  const svg = host.querySelector('svg');
  if (!svg) throw new Error('the plot has no SVG to export');
  const { width, height } = svg.getBoundingClientRect();
  const out = svg.cloneNode(true) as SVGSVGElement;
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.removeAttribute('aria-hidden');
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
  out.prepend(...images);
  inlineStyles(svg, out);
  return new XMLSerializer().serializeToString(out);
}

/** A PNG (at device resolution) of the same composition. */
export async function plotToPng(host: HTMLElement): Promise<Blob> {
  const svgText = plotToSvg(host);
  const svg = host.querySelector('svg')!;
  const { width, height } = svg.getBoundingClientRect();
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
