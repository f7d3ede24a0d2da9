import { useMemo } from 'react';
import { RACE_COLOURS } from '../charts/palette.ts';
import type { Snapshot } from '../core/progress.ts';
import { ParamSpaceView } from './param-space-view.tsx';
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
  /** Changes on new data or a new run: the view re-fits its range. */
  runKey: string;
  requestSurface: (request: SurfaceRequest) => void;
  onSetWeights: (w1: number, w2: number, commit: boolean) => void;
}

/**
 * The parameter-space view: the loss surface over (w1, w2) at the shown b (computed in the
 * worker), the descent path up to the shown epoch, −∇J, the optimum and the race lanes' paths.
 */
export function ParamSpacePanel({
  view,
  race,
  shown,
  travel,
  l2,
  runKey,
  requestSurface,
  onSetWeights,
}: Props) {
  const opt = view.optimum?.status === 'optimum' ? view.optimum.weights : null;
  const path = useMemo(() => {
    const h = travel === null ? view.history : view.history.slice(0, travel + 1);
    const ws = h.map((p) => ({ w1: p.weights.w1, w2: p.weights.w2 }));
    if (travel === null && shown) ws.push({ w1: shown.weights.w1, w2: shown.weights.w2 });
    return ws;
  }, [view.history, travel, shown]);
  const lanes = useMemo(
    () =>
      race?.lanes.map((_, i) => ({
        colour: RACE_COLOURS[i % RACE_COLOURS.length]!,
        path: race.history.map((h) => ({ w1: h.weights[i]!.w1, w2: h.weights[i]!.w2 })),
      })) ?? [],
    [race],
  );
  const keep = useMemo(
    () => [
      ...path,
      ...(opt ? [opt] : []),
      // A diverged lane would stretch the view to its last huge weights: leave it out.
      ...lanes.flatMap((l, i) => (race?.lanes[i]?.divergedAt === null ? l.path : [])),
    ],
    [path, opt, lanes, race],
  );
  const { range } = useSurface({
    running: view.running,
    request: requestSurface,
    surface: view.surface,
    current: shown?.weights ?? null,
    keep,
    l2,
    epochKey: runKey,
  });
  return (
    <section className="param-section" aria-labelledby="param-heading">
      <h2 id="param-heading">Parameter space</h2>
      <ParamSpaceView
        range={range}
        surface={view.surface}
        path={path}
        current={shown ? shown.weights : null}
        gradient={shown?.gradient ?? null}
        optimum={opt}
        lanes={lanes}
        onSetWeights={onSetWeights}
      />
    </section>
  );
}
