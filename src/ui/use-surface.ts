/**
 * Keeps the parameter-space view's loss surface fresh: picks a (w1, w2) range that holds the
 * path, the current weights and the optimum, and asks the worker for a new grid whenever b, the
 * range, the data or L2 changed — one request in flight at a time, so a slow grid never queues up.
 * A grid cut down to stay live is replaced by a settled one (full size, every point, where the
 * machine allows) once training stops and nothing moves.
 */
import { useEffect, useRef, useState } from 'react';
import {
  fitWeightRange,
  rangeHolds,
  sliceWeights,
  type ParamKey,
  type WeightRange,
} from '../core/loss-surface.ts';
import type { Weights } from '../core/maths.ts';
import type { SurfaceRequest, SurfaceResult } from '../worker/protocol.ts';

/** Grid vertices per side the view asks for. */
export const SURFACE_SIZE = 128;
/** Least time between two requests, ms: paused (scrubbing, dragging) and while training. */
const MIN_GAP_MS = 120;
const MIN_GAP_TRAINING_MS = 250;
/** A cut-down grid is asked for again in full once nothing has moved for this long, ms. */
const SETTLE_AFTER_MS = 300;
/** A request unanswered this long is taken as lost, and asked again. */
const LOST_AFTER_MS = 5000;

interface Input {
  /** Whether training runs (grids are then asked for less often: the worker is busy). */
  running: boolean;
  request: (request: SurfaceRequest) => void;
  /** The latest grid for the data and L2 on screen (null: none yet). */
  surface: SurfaceResult | null;
  /** The weights shown (live or replayed), projected onto the view's plane (w1, w2: its axes). */
  current: Weights | null;
  /**
   * A slice: the two parameters spanning the plane, the others held at `weights` (the model's
   * whole weights, shown). Null: the plain (w1, w2) plane at b.
   */
  slice?: { axes: readonly [ParamKey, ParamKey]; weights: Weights | null } | null;
  /** Weights the range must hold: the path so far, the optimum. */
  keep: readonly { w1: number; w2: number }[];
  l2: number;
  /** Changes when the data change or a new run starts: the range re-fits from scratch. */
  epochKey: string;
}

/** The view's range and whether its surface matches the current b. */
export function useSurface({
  running,
  request,
  surface,
  current,
  keep,
  l2,
  epochKey,
  slice = null,
}: Input) {
  const pending = useRef<{ id: number; at: number; key: string } | null>(null);
  const nextId = useRef(1);
  const [retry, setRetry] = useState(0);
  // The range re-fits on a new run or data, and otherwise only grows, when something leaves its
  // inner 90 % (React's "adjust state while rendering" pattern: no effect, no extra commit).
  const [fit, setFit] = useState(() => ({ key: epochKey, range: fitWeightRange(keep) }));
  let range = fit.range;
  const all = current ? [...keep, current] : keep;
  if (fit.key !== epochKey) range = fitWeightRange(all);
  else if (!rangeHolds(range, all)) range = fitWeightRange([...all, ...corners(range)]);
  if (range !== fit.range) setFit({ key: epochKey, range });

  const b = current?.b ?? 0;
  const moved = current ? `${current.w1} ${current.w2}` : '';
  // A slice holds every other parameter: a grid is stale when any of them moved.
  const axes = slice?.axes ?? null;
  const at = slice?.weights ?? null;
  const held = axes && at ? JSON.stringify(sliceWeights({ axes, at }, 0, 0)) : '';
  useEffect(() => {
    if (!Number.isFinite(b) || (axes && !at)) return;
    const p = pending.current;
    // One request in flight at a time. A reply to an older run is dropped by the page (and one
    // may be lost with a crashed worker), so a request older than the run, or than
    // LOST_AFTER_MS, no longer counts as in flight.
    const age = p ? performance.now() - p.at : Infinity;
    if (p && p.key === epochKey && surface?.id !== p.id) {
      if (age < LOST_AFTER_MS) {
        const t = setTimeout(() => setRetry((r) => r + 1), LOST_AFTER_MS - age);
        return () => clearTimeout(t);
      }
    }
    const s = surface?.spec;
    const same =
      s &&
      s.b === b &&
      s.l2 === l2 &&
      s.w1[0] === range.w1[0] &&
      s.w1[1] === range.w1[1] &&
      s.w2[0] === range.w2[0] &&
      s.w2[1] === range.w2[1] &&
      (axes
        ? s.slice?.axes[0] === axes[0] &&
          s.slice.axes[1] === axes[1] &&
          JSON.stringify(sliceWeights(s.slice, 0, 0)) === held
        : !s.slice) &&
      surface?.id === p?.id &&
      p?.key === epochKey;
    // A grid cut down to stay live is asked for again, settled, once nothing has moved for a
    // moment: what stays on screen is the full grid over every point where the machine allows.
    // The effect runs again on every move of the weights shown (`moved`), so a drag or the arrow
    // keys restart the wait: the settled grid (a long worker job) never lands mid-gesture.
    const cut = !!surface && (surface.spec.size < SURFACE_SIZE || surface.n < surface.total);
    const settle = !!same && cut && !running && !surface.settled;
    if (same && !settle) return;
    // Keep live grids from taking more than ~1/5 of the worker's time while it trains (a settled
    // grid's time says nothing about the live ones).
    const job = surface && !surface.settled ? surface.ms + surface.contourMs : 0;
    const gap = Math.max(running ? MIN_GAP_TRAINING_MS : MIN_GAP_MS, 4 * job);
    const wait = settle ? SETTLE_AFTER_MS : p ? Math.max(0, gap - age) : 0;
    const timer = setTimeout(() => {
      const id = nextId.current++;
      pending.current = { id, at: performance.now(), key: epochKey };
      request({
        id,
        w1: range.w1,
        w2: range.w2,
        b,
        size: SURFACE_SIZE,
        engine: 'auto',
        ...(axes && at ? { slice: { axes, at } } : {}),
        ...(settle ? { settled: true } : {}),
      });
    }, wait);
    return () => clearTimeout(timer);
    // `held` stands for `at` (its other parameters); `at` itself changes identity every frame;
    // `moved` is read by no line above: it only restarts the settle wait when the weights move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [b, l2, range, surface, request, epochKey, retry, running, axes, held, moved]);

  return { range };
}

const corners = (r: WeightRange) => [
  { w1: r.w1[0], w2: r.w2[0] },
  { w1: r.w1[1], w2: r.w2[1] },
];
