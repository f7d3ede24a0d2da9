/**
 * The learning-rate race's page state: whether its panel is shown, the overlays it adds to the
 * data plot (a boundary per lane) and the loss plot (a curve per lane), and start/stop.
 */
import { useMemo, useState } from 'react';
import { RACE_COLOURS, RACE_DASHES } from '../charts/palette.ts';
import type { RaceEngineId, RaceLane } from '../worker/protocol.ts';
import { fmtRate } from './format.ts';
import type { RaceView } from './race-view.ts';
import type { TrainerClient } from './trainer-client.ts';

const colour = (i: number) => RACE_COLOURS[i % RACE_COLOURS.length]!;
const dash = (i: number) => RACE_DASHES[i % RACE_DASHES.length]!;

export function useRace(view: RaceView | null, client: Pick<TrainerClient, 'race' | 'raceStop'>) {
  const [show, setShowState] = useState(false);
  const race = show ? view : null;
  const lines = useMemo(
    () =>
      race?.lanes.map((l, i) => ({
        colour: colour(i),
        dash: dash(i),
        weights: l.divergedAt === null ? l.weights : null,
        label: `race lane ${i + 1}: learning rate ${fmtRate(l.lr)}${l.divergedAt === null ? '' : ' (diverged)'}`,
      })) ?? [],
    [race],
  );
  const curves = useMemo(
    () =>
      race?.lanes.map((_, i) => ({
        colour: colour(i),
        dash: dash(i),
        points: race.history.map((h) => ({ epoch: h.epoch, value: h.objectives[i]! })),
      })) ?? [],
    [race],
  );
  const stop = () => client.raceStop();
  return {
    show,
    race,
    lines,
    curves,
    /** Shows or hides the race; hiding stops it. */
    setShow(on: boolean) {
      if (!on) stop();
      setShowState(on);
    },
    start(lanes: RaceLane[], epochs: number, engine: RaceEngineId | 'auto') {
      client.race({ lanes, epochs, engine });
    },
    stop,
  };
}
