import type { PlotPoint } from '../charts/data-plot.ts';
import type { DataArrays } from '../worker/protocol.ts';

/** The points of one split as struct-of-arrays for the worker. */
export function toArrays(points: readonly PlotPoint[], split: 'train' | 'test'): DataArrays {
  const pts = points.filter((p) => p.split === split);
  const out = {
    x1: new Float64Array(pts.length),
    x2: new Float64Array(pts.length),
    y: new Float64Array(pts.length),
  };
  pts.forEach((p, i) => {
    out.x1[i] = p.x1;
    out.x2[i] = p.x2;
    out.y[i] = p.label;
  });
  return out;
}
