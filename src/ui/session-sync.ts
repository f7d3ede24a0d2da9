/**
 * Hands the session's versioned inputs to the trainer client: the same code runs from the React
 * hook's effects and from the model-based test, so the test exercises what the page does.
 */
import type { SessionState } from './session.ts';
import type { Inputs, TrainerClient } from './trainer-client.ts';

/** The worker's inputs for a session. */
export function inputsOf(s: SessionState): Inputs {
  return {
    data: s.dataVersion,
    train: s.points.split.train,
    test: s.points.split.test,
    settings: s.settingsVersion,
    hyper: s.hyper,
    engine: s.engine,
    speed: s.speed,
  };
}

/** Sends the settings if their version is new. */
export function syncSettings(client: TrainerClient, s: SessionState): void {
  client.setSettings(s.settingsVersion, s.hyper, s.engine);
}

/** Sends the pace if it changed. */
export function syncSpeed(client: TrainerClient, s: SessionState): void {
  client.setSpeed(s.speed);
}

/**
 * Sends the points if their version is new (an edit goes on training; a load restarts): as the
 * edit that made them, when they were made of the version the worker has by one edit.
 */
export function syncData(client: TrainerClient, s: SessionState): void {
  if (s.dataVersion === client.dataVersion) return;
  const { train, test } = s.points.split;
  const made = s.editedFrom;
  if (made?.version === s.dataVersion && s.points.edit && !s.restart)
    client.editData(s.dataVersion, made.base, s.points.edit, train, test);
  else client.setData(s.dataVersion, train, test, s.restart);
}
