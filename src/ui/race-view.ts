/** A learning-rate race as the page shows it: every lane's state and loss curve so far. */
import type {
  FromWorker,
  RaceEngineId,
  RaceLaneState,
  RacePoint,
  RaceStatus,
} from '../worker/protocol.ts';

export interface RaceView {
  raceId: number;
  /** The data version the lanes trained on: the page draws them only over those data. */
  data: number;
  engine: RaceEngineId;
  epoch: number;
  epochs: number;
  status: RaceStatus;
  epochsPerSecond: number;
  lanes: RaceLaneState[];
  history: RacePoint[];
}

/** The race after one of its progress messages (a new race id starts a new curve). */
export function reduceRace(
  v: RaceView | null,
  msg: Extract<FromWorker, { type: 'race-progress' }>,
): RaceView {
  const { type: _t, history, ...rest } = msg;
  const earlier = v?.raceId === msg.raceId ? v.history : [];
  return { ...rest, history: [...earlier, ...history] };
}
