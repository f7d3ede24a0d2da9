import { useId, useMemo, useState } from 'react';
import { RACE_COLOURS } from '../charts/palette.ts';
import { featureLabels, restrictWeights, weightKeys, type FeatureSet } from '../core/features.ts';
import { boxCorners, growBox, paramOf, type ParamKey } from '../core/loss-surface.ts';
import type { Gradient, Weights } from '../core/maths.ts';
import type { Snapshot } from '../core/progress.ts';
import { ParamSpaceView } from './param-space-view.tsx';
import { ProjectedTrail } from './projected-trail.ts';
import { useSurface } from './use-surface.ts';
import type { RaceView } from './race-view.ts';
import type { SurfaceRequest } from '../worker/protocol.ts';
import type { TrainerView } from './trainer-view.ts';

interface Props {
  view: TrainerView;
  /** The learning-rate race whose paths to draw, or null. */
  race: RaceView | null;
  /** The model shown: live, or the replayed snapshot. */
  shown: Snapshot | null;
  /** Index of the replayed snapshot in view.history, or null when live. */
  travel: number | null;
  l2: number;
  /** The model's features: which weights there are to pick from. */
  features: FeatureSet;
  /** Changes on new data or a new run: the view re-fits its range. */
  runKey: string;
  requestSurface: (request: SurfaceRequest) => void;
  /** The person moved the weights of the plane (the others stay); `commit`: the move ended. */
  onSetWeights: (weights: Weights, commit: boolean) => void;
}

/** The plane's two parameters: the default (w1, w2) unless the person picks others. */
type Axes = readonly [ParamKey, ParamKey];
const DEFAULT_AXES: Axes = ['w1', 'w2'];

/** What each parameter multiplies, for the menus: "w12 (x1·x2)", "b (bias)". */
function paramLabel(k: ParamKey, features: FeatureSet): string {
  if (k === 'b') return 'b (bias)';
  const i = weightKeys(features).indexOf(k);
  return `${k} (${featureLabels(features)[i]})`;
}

/** A gradient's component along a parameter. */
function gradientOf(g: Gradient, k: ParamKey): number {
  const by: Record<ParamKey, number | undefined> = {
    w1: g.g1,
    w2: g.g2,
    w11: g.g11,
    w22: g.g22,
    w12: g.g12,
    b: g.gb,
  };
  return by[k] ?? 0;
}

/**
 * The parameter-space view: the loss surface over a plane of two parameters — (w1, w2) at the
 * shown b by default, or any two the person picks, every other one held at its shown value —
 * computed in the worker, the descent path projected onto it up to the shown epoch, −∇J, the
 * optimum and the race lanes' paths.
 */
export function ParamSpacePanel(p: Props) {
  const { view, race, shown, travel, features } = p;
  const params = useMemo(() => [...weightKeys(features), 'b'] as ParamKey[], [features]);
  const [picked, setPicked] = useState<Axes>(DEFAULT_AXES);
  // Axes of a model that no longer has them (a feature turned off) fall back to (w1, w2).
  const axes: Axes = picked.every((k) => params.includes(k)) ? picked : DEFAULT_AXES;
  const isDefault = axes[0] === 'w1' && axes[1] === 'w2' && features === 'none';
  const project = useMemo(
    () =>
      (w: Weights): Weights => ({ w1: paramOf(w, axes[0]), w2: paramOf(w, axes[1]), b: w.b }),
    [axes],
  );
  const optFull = view.optimum?.status === 'optimum' ? view.optimum.weights : null;
  const opt = optFull && project(optFull);
  // The path up to the weights shown: the curve's points projected as they come (not all of
  // them every frame), then the live weights, or the curve up to the replayed point.
  const [trail] = useState(() => new ProjectedTrail());
  const whole = useMemo(() => trail.of(view.history, project), [trail, view.history, project]);
  const { path, box } = useMemo(() => {
    if (travel !== null) {
      const upTo = whole.path.slice(0, travel + 1);
      return { path: upTo, box: growBox(null, upTo) };
    }
    if (!shown) return whole;
    const tip = project(shown.weights);
    return { path: [...whole.path, tip], box: growBox(whole.box, [tip]) };
  }, [whole, travel, shown, project]);
  const lanes = useMemo(
    () =>
      race?.lanes.map((_, i) => ({
        colour: RACE_COLOURS[i % RACE_COLOURS.length]!,
        path: race.history.map((h) => project(h.weights[i]!)),
      })) ?? [],
    [race, project],
  );
  // What the range must hold: the path's box (it frames the same as all the path's points).
  const keep = useMemo(
    () => [
      ...boxCorners(box),
      ...(opt ? [opt] : []),
      // A diverged lane would stretch the view to its last huge weights: leave it out.
      ...lanes.flatMap((l, i) => (race?.lanes[i]?.divergedAt === null ? l.path : [])),
    ],
    [box, opt, lanes, race],
  );
  // Only a grid of this plane is shown: one of the plane picked before is another picture.
  const spec = view.surface?.spec;
  const surface =
    spec &&
    (isDefault ? !spec.slice : spec.slice?.axes[0] === axes[0] && spec.slice.axes[1] === axes[1])
      ? view.surface
      : null;
  const current = shown ? project(shown.weights) : null;
  const full = shown ? restrictWeights(shown.weights, features) : null;
  const { range } = useSurface({
    // A race plays in the worker too: its grids are live ones, and no settled grid waits on it.
    running: view.running || race?.status === 'running',
    request: p.requestSurface,
    surface,
    current,
    keep,
    l2: p.l2,
    epochKey: `${p.runKey}:${axes.join(',')}`,
    slice: isDefault ? null : { axes, weights: full },
  });
  const g = shown?.gradient ?? null;
  const gradient = g && { g1: gradientOf(g, axes[0]), g2: gradientOf(g, axes[1]), gb: g.gb };
  const held = params.filter((k) => !axes.includes(k));
  return (
    <section className="param-section" aria-labelledby="param-heading">
      <h2 id="param-heading">Parameter space</h2>
      <PlanePicker params={params} features={features} axes={axes} onChange={setPicked} />
      <ParamSpaceView
        range={range}
        surface={surface}
        path={path}
        current={current}
        gradient={gradient}
        optimum={opt}
        lanes={lanes}
        axes={axes}
        // The values the grid on screen was computed at (a new grid follows the weights shortly).
        held={
          isDefault || !surface?.spec.slice
            ? null
            : held.map((k) => [k, paramOf(surface.spec.slice!.at, k)] as const)
        }
        onSetWeights={(u, v, commit) => {
          if (!full) return;
          p.onSetWeights({ ...full, [axes[0]]: u, [axes[1]]: v }, commit);
        }}
      />
    </section>
  );
}

/** The two menus that pick the plane: "Horizontal axis" and "Vertical axis". */
function PlanePicker({
  params,
  features,
  axes,
  onChange,
}: {
  params: readonly ParamKey[];
  features: FeatureSet;
  axes: Axes;
  onChange: (axes: Axes) => void;
}) {
  const id = useId();
  const pick = (which: 0 | 1, k: ParamKey) => {
    const other = axes[1 - which]!;
    // Picking the other axis's parameter swaps the two.
    const next: [ParamKey, ParamKey] = which === 0 ? [k, other] : [other, k];
    if (k === other) next[1 - which] = axes[which];
    onChange(next);
  };
  return (
    <div className="plane-picker" role="group" aria-label="Plane">
      {(['Horizontal axis', 'Vertical axis'] as const).map((name, which) => (
        <div className="field" key={name}>
          <label htmlFor={`${id}-${which}`}>{name}</label>
          <select
            id={`${id}-${which}`}
            value={axes[which]}
            onChange={(e) => pick(which as 0 | 1, e.currentTarget.value as ParamKey)}
          >
            {params.map((k) => (
              <option key={k} value={k}>
                {paramLabel(k, features)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
