/**
 * Answers loss-surface requests in the worker: picks the grid engine (the WebGL2 kernel when
 * WebGL works, else float64 JavaScript), keeps each engine's copy of the data current, and keeps
 * a live view cheap by shrinking the grid — and then sampling the points — on slow engines.
 */
import type { Columns } from '../core/dataset.ts';
import type { GridSpec } from '../core/loss-surface.ts';
import { surfaceBands } from '../core/surface-bands.ts';
import type { EngineId } from './engines/engine.ts';
import { createGridEngine, type GridEngine } from './grid/grid-engine.ts';
import type { SurfaceRequest, SurfaceResult } from './protocol.ts';
import { fmtCount } from '../core/count.ts';

/**
 * Longest one live grid may take, ms. A grid is one synchronous job in the worker: while it runs,
 * training and a click on Play wait, so it must stay near a frame.
 */
const LIVE_GRID_MS = 25;
/**
 * Longest a grid may take once nothing moves (a settled request): on a 2-core machine's software
 * WebGL the full 128 × 128 grid over the tutorial's 201 points, contours included (a real GPU
 * does far more). With the second try (`compute`, only after a first one under a third of this)
 * a settled job takes ~200 ms at most: a click on Play at that moment waits that long, once.
 */
export const SETTLED_GRID_MS = 150;
/**
 * Point-evaluations per ms of a whole grid job (contours included) to assume before an engine
 * has been timed. Measured cold on a 2-core machine, SwiftShader: the first 128 × 128 grid over
 * 201 points took 100 ms plus 75 ms of contours (≈ 2e4 per ms); warm, 3–8e4. A first grid that
 * comes out small is replaced by the full one once nothing moves (a settled request).
 */
const FIRST_RATE = { cpu: 3e4, softwareGpu: 3e4, gpu: 5e6 } as const;
/** The live view never goes below this many vertices per side before sampling points. */
const MIN_SIZE = 48;

/** What the service needs to know about the worker's WebGL. */
export interface GpuState {
  available: boolean;
  hardware: boolean;
  /** Why WebGL is unavailable ('WebGL context lost', the probe's error…). */
  error: string;
}

export class SurfaceService {
  private readonly engines = new Map<EngineId, Promise<GridEngine>>();
  private readonly uploaded = new Map<EngineId, Columns>();
  private gpuBroken = '';
  /** Measured point-evaluations per ms of a whole grid job (contours included), by engine. */
  private readonly rate = new Map<EngineId, number>();
  /** The rate of the latest grid alone (a settled grid plans with it when it is higher). */
  private readonly lastRate = new Map<EngineId, number>();

  /**
   * Computes one request against the live data/L2, or the request's own data when it has some.
   * A settled request that came out cut down, quickly, is computed once more: it was planned with
   * a cautious running rate, and the rate just measured may fit the whole grid.
   */
  async compute(
    req: SurfaceRequest,
    live: { cols: Columns; l2: number; data: number },
    gpu: GpuState,
  ): Promise<SurfaceResult> {
    const t0 = performance.now();
    const result = await this.computeOnce(req, live, gpu);
    const cut = result.spec.size < req.size || result.n < result.total;
    if (!req.settled || result.error || !cut || performance.now() - t0 > SETTLED_GRID_MS / 3)
      return result;
    return this.computeOnce(req, live, gpu);
  }

  private async computeOnce(
    req: SurfaceRequest,
    /** The session's data (version `data`) and L2. */
    live: { cols: Columns; l2: number; data: number },
    gpu: GpuState,
  ): Promise<SurfaceResult> {
    const explicit = req.train !== undefined;
    const cols: Columns = req.train ? { n: req.train.y.length, ...req.train } : live.cols;
    const l2 = req.l2 ?? (explicit ? 0 : live.l2);
    let id: EngineId = req.engine === 'auto' ? 'js-f64' : req.engine;
    const notes: string[] = [];
    if (req.slice) {
      // A slice (features, or other axes) is summed by the float64 JavaScript grid only.
      if (req.engine !== 'auto' && req.engine !== 'js-f64') {
        const error = 'Only the float64 JavaScript grid computes a slice through other weights.';
        const spec: GridSpec = { w1: req.w1, w2: req.w2, b: req.b, l2, size: req.size };
        const data = explicit ? -1 : live.data;
        return noGrid({ id: req.id, spec, engine: id, n: 0, total: cols.n, data }, '', error);
      }
      id = 'js-f64';
    } else if (req.engine === 'auto') {
      id = gpu.available && !this.gpuBroken ? 'fused-webgl' : 'js-f64';
      if (id === 'fused-webgl')
        notes.push(gpu.hardware ? 'on the GPU' : 'software WebGL: on the CPU');
      else if (this.gpuBroken)
        notes.push(`the WebGL grid failed: ${this.gpuBroken.replace(/\.$/, '')}`);
      else notes.push(`no WebGL here: ${gpu.error}`);
    }
    const first =
      id === 'fused-webgl'
        ? gpu.hardware
          ? FIRST_RATE.gpu
          : FIRST_RATE.softwareGpu
        : FIRST_RATE.cpu;
    const rate = this.rate.get(id) ?? first;
    const budget = req.settled
      ? SETTLED_GRID_MS * Math.max(rate, this.lastRate.get(id) ?? 0)
      : LIVE_GRID_MS * rate;
    const plan = explicit ? { size: req.size, step: 1 } : shrink(req.size, cols.n, budget);
    const used = plan.step > 1 ? this.sample(cols, plan.step) : cols;
    const spec: GridSpec = {
      w1: req.w1,
      w2: req.w2,
      b: req.b,
      l2,
      size: plan.size,
      ...(req.slice ? { slice: req.slice } : {}),
    };
    const data = explicit ? -1 : live.data;
    const base = {
      id: req.id,
      spec,
      engine: id,
      n: used.n,
      total: cols.n,
      data,
      ...(req.settled ? { settled: true } : {}),
    };
    if (plan.size < req.size)
      notes.push(
        req.settled
          ? `${plan.size}×${plan.size} grid: the most this machine computes in ${SETTLED_GRID_MS} ms`
          : `${plan.size}×${plan.size} grid to stay live`,
      );
    if (plan.step > 1)
      notes.push(
        `on every ${ordinal(plan.step)} point (${fmtCount(used.n)} of ${fmtCount(cols.n)})`,
      );
    const note = notes.join('; ');
    if (cols.n === 0) {
      // J is a mean over the training points: with none it is undefined, and no grid is drawn.
      const error = 'There are no training points, so the loss is undefined.';
      return noGrid(base, note, error);
    }
    try {
      const t0 = performance.now();
      const engine = await this.engine(id);
      if (this.uploaded.get(id) !== used) {
        engine.setData(used);
        this.uploaded.set(id, used);
      }
      const t1 = performance.now();
      const values = engine.compute(spec);
      const ms = performance.now() - t1;
      // Traced here, beside the grid: the page only sets the paths (≈ 20–50 ms off its thread).
      const bands = surfaceBands(values, spec.size);
      // The live budget holds the whole job, the contours included: it is the time training waits.
      const total = performance.now() - t1;
      const measured = (spec.size * spec.size * Math.max(1, used.n)) / Math.max(total, 0.1);
      const old = this.rate.get(id);
      this.rate.set(id, old === undefined ? measured : 0.7 * old + 0.3 * measured);
      this.lastRate.set(id, measured);
      return { ...base, values, bands, contourMs: total - ms, ms, setupMs: t1 - t0, note };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.drop(id);
      if (req.engine === 'auto' && id === 'fused-webgl') {
        this.gpuBroken = message;
        return this.compute(req, live, gpu);
      }
      return noGrid(base, note, message);
    }
  }

  /** Creates (compiles) an engine ahead of its first grid; a failure shows at the first grid. */
  async warmUp(id: EngineId): Promise<void> {
    await this.engine(id).catch(() => this.drop(id));
  }

  /** Loses the WebGL grid kernel's context, if it exists (fault injection). */
  async loseContextForTest(): Promise<void> {
    const e = await this.engines.get('fused-webgl')?.catch(() => null);
    e?.loseContextForTest?.();
  }

  private sampled: { from: Columns; step: number; cols: Columns } | null = null;

  /** Every `step`th point of `cols` (cached, so the engine is not re-uploaded each frame). */
  private sample(cols: Columns, step: number): Columns {
    const s = this.sampled;
    if (s && s.from === cols && s.step === step) return s.cols;
    this.sampled = { from: cols, step, cols: stride(cols, step) };
    return this.sampled.cols;
  }

  private engine(id: EngineId): Promise<GridEngine> {
    let e = this.engines.get(id);
    if (!e) {
      e = createGridEngine(id);
      this.engines.set(id, e);
    }
    return e;
  }

  private drop(id: EngineId): void {
    const e = this.engines.get(id);
    this.engines.delete(id);
    this.uploaded.delete(id);
    void e?.then((g) => g.dispose()).catch(() => undefined);
  }
}

/** What a result says of its request, before any grid: which grid, engine, points and data. */
type Head = Pick<SurfaceResult, 'id' | 'spec' | 'engine' | 'n' | 'total' | 'data' | 'settled'>;

/** A result without a grid: `error` says why. */
function noGrid(head: Head, note: string, error: string): SurfaceResult {
  const empty = { values: new Float32Array(0), bands: [], contourMs: 0, ms: 0, setupMs: 0 };
  return { ...head, ...empty, note, error };
}

/** The largest size ≤ `size` (≥ MIN_SIZE) within budget, then a point stride if still over. */
function shrink(size: number, n: number, budget: number): { size: number; step: number } {
  let s = size;
  while (s > MIN_SIZE && s * s * n > budget) s = Math.max(MIN_SIZE, Math.floor(s * 0.85));
  const step = Math.max(1, Math.ceil((s * s * n) / budget));
  return { size: s, step };
}

/** 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(k: number): string {
  const teen = k % 100 >= 11 && k % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}

/** Every `step`th point, as new columns. */
function stride(c: Columns, step: number): Columns {
  const m = Math.ceil(c.n / step);
  const out = { n: m, x1: new Float64Array(m), x2: new Float64Array(m), y: new Float64Array(m) };
  for (let k = 0; k < m; k++) {
    out.x1[k] = c.x1[k * step]!;
    out.x2[k] = c.x2[k * step]!;
    out.y[k] = c.y[k * step]!;
  }
  return out;
}
