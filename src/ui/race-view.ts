/** A learning-rate race as the page shows it: every lane's state and loss curve so far. */
import type { FromWorker } from '../worker/protocol.ts';

type RaceProgress = Extract<FromWorker, { type: 'race-progress' }>;

/**
 * The latest race-progress message of the race, with the samples of all its messages so far.
 * `data` is the data version its lanes trained on: the page draws them only over those data.
 */
export type RaceView = Omit<RaceProgress, 'type'>;

/** The race after one of its progress messages (a new race id starts a new curve). */
export function reduceRace(v: RaceView | null, msg: RaceProgress): RaceView {
  const { type: _t, history, ...rest } = msg;
  const earlier = v?.raceId === msg.raceId ? v.history : [];
  return { ...rest, history: [...earlier, ...history] };
}
