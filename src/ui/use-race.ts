/**
 * The learning-rate race's page state: whether its panel is shown, the overlays it adds to the
 * data plot (a boundary per lane) and the loss plot (a curve per lane), and start/stop.
 */
import { useMemo, useRef, useState } from 'react';
import { RACE_COLOURS } from '../charts/palette.ts';
import type { RaceEngineId, RaceLane } from '../worker/protocol.ts';
import type { Command, RaceView } from './use-trainer.ts';

const colour = (i: number) => RACE_COLOURS[i % RACE_COLOURS.length]!;

export function useRace(
  view: RaceView | null,
  post: (cmd: Command) => void,
  clearRace: () => void,
) {
  const [show, setShowState] = useState(false);
  const raceId = useRef(0);
  const race = show ? view : null;
  const lines = useMemo(
    () =>
      race?.lanes.map((l, i) => ({
        colour: colour(i),
        weights: l.divergedAt === null ? l.weights : null,
      })) ?? [],
    [race],
  );
  const curves = useMemo(
    () =>
      race?.lanes.map((_, i) => ({
        colour: colour(i),
        points: race.history.map((h) => ({ epoch: h.epoch, value: h.objectives[i]! })),
      })) ?? [],
    [race],
  );
  const stop = () => post({ type: 'race-stop' });
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
      clearRace();
      raceId.current += 1;
      post({ type: 'race', request: { id: raceId.current, lanes, epochs, engine } });
    },
    stop,
  };
}
