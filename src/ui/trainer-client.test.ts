import { describe, expect, it } from 'vitest';
import { makePreset } from '../core/datasets.ts';
import { splitPoints } from '../core/dataset.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';
import type { FromWorker, LrMark, ToWorker } from '../worker/protocol.ts';
import { rememberSpare } from './split-arrays.ts';
import {
  appendProgress,
  TrainerClient,
  type ClientState,
  type Inputs,
  type Transport,
} from './trainer-client.ts';

/** A transport that keeps what was posted and the buffers listed to transfer. */
function recording() {
  const posted: { msg: ToWorker; transfer: ArrayBuffer[] }[] = [];
  const spawn = (): Transport => ({
    post: (msg, transfer = []) => posted.push({ msg, transfer }),
    onMessage: null,
    onCrash: null,
    terminate: () => {},
  });
  return { posted, spawn };
}

const inputsFor = (data: number, points = makePreset('overlap', { n: 40, noise: 1, seed: 2 })) => {
  const { train, test } = splitPoints(points);
  const inputs: Inputs = {
    data,
    train,
    test,
    settings: 1,
    hyper: DEFAULT_HYPER,
    engine: 'auto',
    speed: 'max',
  };
  return { inputs, points };
};

describe('TrainerClient hands data to the worker without structured cloning', () => {
  it('transfers its own copy: the page’s arrays stay whole, with the same numbers sent', () => {
    const { posted, spawn } = recording();
    const { inputs } = inputsFor(1);
    const client = new TrainerClient(spawn, inputs, (fn) => fn());
    client.start();
    const load = posted.find((p) => p.msg.type === 'load-data')!;
    if (load.msg.type !== 'load-data') throw new Error('no data sent');
    expect(load.msg.train.x1).toEqual(inputs.train.x1);
    expect(load.msg.test.y).toEqual(inputs.test.y);
    expect(load.transfer).toHaveLength(6);
    for (const page of [inputs.train.x1, inputs.train.x2, inputs.train.y, inputs.test.x1])
      expect(load.transfer).not.toContain(page.buffer);
    // Every other message goes as it is, with nothing to transfer.
    expect(posted.filter((p) => p.msg.type !== 'load-data').every((p) => !p.transfer.length)).toBe(
      true,
    );
  });

  it('sends the data worker’s spare copy once, and a fresh copy after (a restarted worker)', () => {
    const { posted, spawn } = recording();
    const client = new TrainerClient(spawn, inputsFor(1).inputs, (fn) => fn());
    client.start();
    const { points, inputs } = inputsFor(2, makePreset('overlap', { n: 60, noise: 1, seed: 4 }));
    const d = splitPoints(points);
    const spare = splitPoints(points);
    rememberSpare(d, spare);
    client.setData(2, d.train, d.test, true);
    const sent = posted.at(-1)!;
    if (sent.msg.type !== 'load-data') throw new Error('no data sent');
    expect(sent.msg.train).toBe(spare.train);
    expect(sent.transfer).toContain(spare.train.x1.buffer);
    client.setData(3, d.train, d.test, true);
    const again = posted.at(-1)!;
    if (again.msg.type !== 'load-data') throw new Error('no data sent');
    expect(again.msg.train).not.toBe(spare.train);
    expect(again.msg.train.x1).toEqual(inputs.train.x1);
  });
});

describe('appendProgress', () => {
  // A fresh client's state, with one mark on its curve.
  const fresh = new TrainerClient(recording().spawn, inputsFor(1).inputs, () => {}).getState();
  const state: ClientState = { ...fresh, marks: [{ epoch: 100, lr: 0.1 }] };
  const progress = (marks: LrMark[], from?: number) =>
    ({
      type: 'progress',
      snapshot: null,
      epochsPerSecond: 0,
      history: [],
      reports: [],
      marks,
      ...(from === undefined ? {} : { from }),
    }) as unknown as Extract<FromWorker, { type: 'progress' }>;

  it('replaces the mark at an epoch already marked (one gesture), and appends the others', () => {
    const next = appendProgress(
      state,
      progress([
        { epoch: 100, lr: 0.3 },
        { epoch: 900, lr: 1 },
      ]),
    );
    expect(next.marks).toEqual([
      { epoch: 100, lr: 0.3 },
      { epoch: 900, lr: 1 },
    ]);
    expect(state.marks).toEqual([{ epoch: 100, lr: 0.1 }]); // the old state is left as it was
  });

  it('keeps the same marks when none come, and drops those after a rewind', () => {
    expect(appendProgress(state, progress([])).marks).toBe(state.marks);
    expect(appendProgress(state, progress([], 50)).marks).toEqual([]);
  });
});
