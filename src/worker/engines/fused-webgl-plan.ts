/**
 * The pure planning half of the fused WebGL engine: texture layout, data packing, and how many
 * epochs (or row bands) go into one draw. No WebGL here, so it is unit-testable in Node.
 */
import type { Columns } from '../../core/dataset.ts';

/** Widest data texture row, texels; a multiple of every block size. */
export const MAX_WIDTH = 4096;
/** Per-epoch fixed cost of a draw, counted as this many extra points. */
const EPOCH_PAD = 16;
/** Largest number of epochs one draw may run. */
const MAX_EPOCHS_PER_DRAW = 1 << 20;
/** Largest factor by which one measurement may shrink a cost estimate (grow K). */
const MAX_SPEEDUP = 4;

/** Size of the data texture: one point per texel, row-major. */
export interface Layout {
  width: number;
  height: number;
}

/**
 * The data texture's size for `n` points.
 *
 * @param maxSize The context's MAX_TEXTURE_SIZE.
 * @throws RangeError if `n` points do not fit.
 */
export function dataLayout(n: number, maxSize: number): Layout {
  const width = Math.min(MAX_WIDTH, maxSize);
  const height = Math.max(1, Math.ceil(n / width));
  if (height > maxSize) {
    throw new RangeError(`too many points for the fused WebGL engine: ${n} > ${width * maxSize}`);
  }
  return { width, height };
}

/** Packs columns into RGBA texels (x1, x2, y, 1); texels past `n` stay 0 and are never read. */
export function packData(cols: Columns, layout: Layout): Float32Array {
  const out = new Float32Array(layout.width * layout.height * 4);
  for (let i = 0; i < cols.n; i++) {
    out[4 * i] = cols.x1[i]!;
    out[4 * i + 1] = cols.x2[i]!;
    out[4 * i + 2] = cols.y[i]!;
    out[4 * i + 3] = 1;
  }
  return out;
}

/** Whether a WebGL renderer string names a software rasteriser rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i.test(renderer);
}

/** Which kernel a run used: one fragment per model, or the two-pass parallel reduction. */
export type Path = 'fused' | 'reduce';

/** What one `run` cost, as measured around all its draws and the final readback. */
export interface RunSample {
  path: Path;
  n: number;
  epochs: number;
  draws: number;
  ms: number;
  /** Whether every draw but the last was as large as the plan allowed. */
  full: boolean;
}

/**
 * Sizes draws so that each takes about `targetMs`, from a running estimate of the cost of one
 * point-epoch on each path. Estimates start pessimistic (so a first draw is short on any GPU),
 * and fall at most {@link MAX_SPEEDUP}× per full-sized run.
 */
export class Pacer {
  private readonly nsPerPoint: Record<Path, number>;

  constructor(
    readonly targetMs: number,
    initialNs: Record<Path, number> = { fused: 400, reduce: 200 },
  ) {
    this.nsPerPoint = { ...initialNs };
  }

  /** Epochs per draw on the fused path for `n` points, ≥ 1. */
  epochsPerDraw(n: number): number {
    const perEpoch = this.nsPerPoint.fused * (n + EPOCH_PAD);
    const k = Math.floor((this.targetMs * 1e6) / perEpoch);
    return Math.min(MAX_EPOCHS_PER_DRAW, Math.max(1, k));
  }

  /** Draws per epoch for pass 1 of the reduction (bands of rows), between 1 and `rows`. */
  bands(n: number, rows: number): number {
    const ms = (this.nsPerPoint.reduce * (n + EPOCH_PAD)) / 1e6;
    return Math.min(rows, Math.max(1, Math.ceil(ms / this.targetMs)));
  }

  /**
   * Learns from one run. A run smaller than a planned draw is mostly fixed overhead, so it may
   * only raise the estimate, and only when its draw overran. A slower sample moves the estimate
   * halfway (in log scale): one scheduling hiccup must not cut the speed for long.
   */
  record(s: RunSample): void {
    if (s.epochs <= 0 || s.draws <= 0 || !(s.ms >= 0)) return;
    const sample = (s.ms * 1e6) / (s.epochs * (s.n + EPOCH_PAD));
    const old = this.nsPerPoint[s.path];
    if (sample > old && (s.full || s.ms / s.draws > this.targetMs)) {
      this.nsPerPoint[s.path] = Math.sqrt(old * sample);
    } else if (sample <= old && s.full) {
      this.nsPerPoint[s.path] = Math.max(sample, old / MAX_SPEEDUP);
    }
  }

  /** Current estimate, ns per point per epoch (for tests and benchmarks). */
  estimate(path: Path): number {
    return this.nsPerPoint[path];
  }
}
