import { featureSetOfWeights, weightKeys } from '../core/features.ts';
import { useState } from 'react';
import { RACE_COLOURS } from '../charts/palette.ts';
import type { OptimizerId, RaceEngineId, RaceLane } from '../worker/protocol.ts';
import { fmtInt, fmtNum, fmtPct } from './format.ts';
import { NumberField } from './number-field.tsx';
import type { RaceView } from './race-view.ts';

/** The most lanes one race runs (the worker's limit). */
export const MAX_RACE_LANES = 8;

interface Props {
  race: RaceView | null;
  /** The last race ran on points that have changed since: say so instead of its results. */
  ended: boolean;
  /** The current learning rate and the stability bound 2/L, for the default lanes. */
  lr: number;
  maxStableLr: number;
  /** Where WebGL runs: why the race is on the GPU kernel or on JavaScript. */
  webgl: 'hardware' | 'software' | 'none';
  onStart: (lanes: RaceLane[], epochs: number, engine: RaceEngineId | 'auto') => void;
  onStop: () => void;
  /** Features or Standardize are on: the WebGL lanes kernel races straight lines only. */
  curved?: boolean;
}

/** Lanes around a learning rate: ÷10, ×1, ×10, and just under the stability bound 2/L. */
export function defaultLanes(lr: number, maxStableLr: number): RaceLane[] {
  const near = Number((0.9 * maxStableLr).toPrecision(2));
  const lrs = [lr / 10, lr, lr * 10, Number.isFinite(near) && near > 0 ? near : lr * 100];
  return lrs.map((v) => ({ lr: Number(v.toPrecision(3)), optimizer: 'sgd' as const }));
}

/**
 * The learning-rate race: several (learning rate, optimizer) lanes trained at once from the same
 * start on the same data; boundaries, loss curves and parameter-space paths drawn in lane colours.
 */
export function RacePanel({
  race,
  ended,
  lr,
  maxStableLr,
  webgl,
  onStart,
  onStop,
  curved = false,
}: Props) {
  const [lanes, setLanes] = useState<RaceLane[]>(() => defaultLanes(lr, maxStableLr));
  const [epochs, setEpochs] = useState(10_000);
  const [engine, setEngine] = useState<RaceEngineId | 'auto'>('auto');
  const running = race?.status === 'running';
  const patch = (i: number, p: Partial<RaceLane>) =>
    setLanes((ls) => ls.map((l, k) => (k === i ? { ...l, ...p } : l)));
  return (
    <section className="race" aria-labelledby="race-heading">
      <h2 id="race-heading">Learning-rate race</h2>
      <p className="field-hint">
        Every lane starts from the same weights on the training points and runs the same number of
        full-batch epochs; only its learning rate and optimizer differ.
      </p>
      <ol className="race-lanes">
        {lanes.map((lane, i) => (
          <li key={i} style={{ borderColor: RACE_COLOURS[i] }}>
            <span className="lane-swatch" style={{ background: RACE_COLOURS[i] }} aria-hidden />
            <NumberField
              label={`Lane ${i + 1} learning rate`}
              value={lane.lr}
              min={1e-6}
              max={100}
              onCommit={(v) => patch(i, { lr: v })}
            />
            <div className="field">
              <label htmlFor={`race-opt-${i}`}>{`Lane ${i + 1} optimizer`}</label>
              <select
                id={`race-opt-${i}`}
                value={lane.optimizer}
                onChange={(e) => patch(i, { optimizer: e.currentTarget.value as OptimizerId })}
              >
                <option value="sgd">SGD</option>
                <option value="momentum">Momentum</option>
                <option value="adam">Adam</option>
              </select>
            </div>
            <button
              type="button"
              aria-label={`Remove lane ${i + 1}`}
              disabled={lanes.length <= 1 || running}
              onClick={() => setLanes((ls) => ls.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="race-buttons">
        <button
          type="button"
          disabled={lanes.length >= MAX_RACE_LANES || running}
          onClick={() =>
            setLanes((ls) => [...ls, { lr: (ls.at(-1)?.lr ?? lr) * 2, optimizer: 'sgd' }])
          }
        >
          Add lane
        </button>
        <button
          type="button"
          disabled={running}
          onClick={() => setLanes(defaultLanes(lr, maxStableLr))}
        >
          Lanes around the current rate
        </button>
        <NumberField
          label="Race epochs"
          value={epochs}
          min={1}
          max={10_000_000}
          integer
          onCommit={setEpochs}
        />
        <div className="field">
          <label htmlFor="race-engine">Race engine</label>
          <select
            id="race-engine"
            value={engine}
            onChange={(e) => setEngine(e.currentTarget.value as RaceEngineId | 'auto')}
          >
            <option value="auto">Auto (GPU when it is real)</option>
            <option value="fused-webgl" disabled={curved}>
              WebGL2 lanes kernel{curved ? ' (straight lines only)' : ''}
            </option>
            <option value="js-f64">float64 JavaScript</option>
          </select>
        </div>
        {running ? (
          <button type="button" className="primary" onClick={onStop}>
            Stop race
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            // With features the WebGL kernel cannot race: a choice made before falls back to Auto.
            onClick={() =>
              onStart(lanes, epochs, curved && engine === 'fused-webgl' ? 'auto' : engine)
            }
          >
            Start race
          </button>
        )}
      </div>
      {race && <RaceResults race={race} webgl={webgl} />}
      {!race && ended && (
        <p className="race-status" role="status">
          The last race stopped when the points changed; its lanes trained on the old points, so
          they are no longer shown. Start a race on these points.
        </p>
      )}
    </section>
  );
}

function RaceResults({ race, webgl }: { race: RaceView; webgl: Props['webgl'] }) {
  // The quadratic weights the lanes carry (features on): a column each.
  const first = race.lanes[0]?.weights;
  const quadKeys = first ? weightKeys(featureSetOfWeights(first)).slice(2) : [];
  const engine =
    race.engine === 'fused-webgl'
      ? 'WebGL2 lanes kernel (float32; each lane a fragment of one draw)'
      : `float64 JavaScript engine${
          webgl === 'software'
            ? ' (WebGL here is software-emulated, where JavaScript on the same CPU is faster)'
            : webgl === 'none'
              ? ' (no WebGL here)'
              : ''
        }`;
  return (
    <>
      {/* Announced when a race starts and when it ends; the running counter is not (it would
          chatter ~30 times a second), so it sits in a part that is not a live region. */}
      <p className="race-status" role="status">
        {race.status === 'running'
          ? `Racing on the ${engine}.`
          : race.status === 'finished'
            ? `Race finished: epoch ${fmtInt(race.epoch)} of ${fmtInt(race.epochs)} on the ${engine}.`
            : `Race stopped at epoch ${fmtInt(race.epoch)} of ${fmtInt(race.epochs)} on the ${engine}.`}
      </p>
      <p className="race-progress" aria-live="off">
        Epoch {fmtInt(race.epoch)} of {fmtInt(race.epochs)}, {fmtInt(race.epochsPerSecond)} epochs
        per second (every lane).
      </p>
      {/* Wider than a phone: it scrolls sideways, and is focusable so the keyboard can scroll it. */}
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Race results, scrollable">
        <table className="reports race-table" aria-label="Race results">
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Learning rate</th>
              <th scope="col">Optimizer</th>
              <th scope="col">Loss J</th>
              <th scope="col">Train accuracy</th>
              <th scope="col">w1</th>
              <th scope="col">w2</th>
              {quadKeys.map((k) => (
                <th scope="col" key={k}>
                  {k}
                </th>
              ))}
              <th scope="col">b</th>
            </tr>
          </thead>
          <tbody>
            {race.lanes.map((l, i) => (
              <tr key={i}>
                <th scope="row">
                  <span
                    className="lane-swatch"
                    style={{ background: RACE_COLOURS[i] }}
                    aria-hidden
                  />{' '}
                  {i + 1}
                </th>
                <td>{fmtNum(l.lr, 3)}</td>
                <td>{l.optimizer}</td>
                <td>
                  {l.divergedAt !== null
                    ? `diverged at epoch ${fmtInt(l.divergedAt)}`
                    : fmtNum(l.objective)}
                </td>
                <td>{fmtPct(l.trainAccuracy)}</td>
                <td>{fmtNum(l.weights.w1, 5)}</td>
                <td>{fmtNum(l.weights.w2, 5)}</td>
                {quadKeys.map((k) => (
                  <td key={k}>{fmtNum(l.weights[k], 5)}</td>
                ))}
                <td>{fmtNum(l.weights.b, 5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
