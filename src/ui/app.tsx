import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { countByLabel, toColumns, type Point } from '../core/dataset.ts';
import { solveReference } from '../core/reference-solver.ts';
import { predict } from '../core/metrics.ts';
import { DEFAULT_PRESET } from '../core/datasets.ts';
import { TUTORIAL } from '../core/presets.ts';
import { smoothness } from '../core/smoothness.ts';
import type { PlotHandlers } from '../charts/plot-interaction.ts';
import { DEFAULT_HYPER } from '../worker/defaults.ts';
import { ClassifyForm } from './classify-form.tsx';
import { DataPlotView } from './data-plot-view.tsx';
import { DataIo, importCsvFile } from './data-io.tsx';
import { DatasetControls } from './dataset-controls.tsx';
import { Diagnostics } from './diagnostics.tsx';
import { DivergedBanner } from './diverged-banner.tsx';
import { fmtNum, fmtPct } from './format.ts';
import { LossPlotView } from './loss-plot-view.tsx';
import { Notices } from './notices.tsx';
import { PlotToolbar } from './plot-toolbar.tsx';
import { ModelFormula, ModelInWords, Readouts } from './readouts.tsx';
import { initialSession, sessionReducer, type SessionState } from './session.ts';
import { toArrays } from './split-arrays.ts';
import { ENGINE_NAMES, TrainingControls } from './training-controls.tsx';
import { useTrainer } from './use-trainer.ts';
import { autosave, shareLink, startingPoint, STORAGE_KEY } from './persistence.ts';
import { useAutosave } from './use-autosave.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** The whole page. */
export function App() {
  const [start] = useState(() => startingPoint(location.hash, safeStorage()));
  const [session, dispatch] = useReducer(sessionReducer, start, (st) => ({
    ...initialSession(st.points),
    preset: st.preset,
    hyper: st.hyper,
    engine: st.engine,
  }));
  const startWeights = useRef(start.weights);
  const [stepEpochs, setStepEpochs] = useState(100);
  const [logEpochs, setLogEpochs] = useState(true);
  const [contours, setContours] = useState(true);
  const [ioMessage, setIoMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(
    start.message,
  );
  const [link, setLink] = useState('');
  const plotHost = useRef<HTMLDivElement>(null);
  const onImported = (points: Point[], source: string) => {
    dispatch({ type: 'import', points });
    setIoMessage({
      kind: 'info',
      text: `Imported ${points.length.toLocaleString('en-US')} points from “${source}”.`,
    });
  };
  const dropFile = async (file: File) => {
    const r = await importCsvFile(file);
    if (r.ok) onImported(r.points, file.name);
    else
      setIoMessage({
        kind: 'error',
        text: `Could not import “${file.name}”: ${r.error} Your current points are unchanged.`,
      });
  };
  const modelDocument = () => {
    const train = toColumns(session.points.filter((p) => p.split === 'train'));
    const ref = solveReference(train, session.hyper.l2);
    const s = view.snapshot;
    return {
      model:
        'binary logistic regression: p(blue) = sigmoid(w1*x1 + w2*x2 + b); red = class 0, blue = class 1',
      w1: s?.weights.w1 ?? 0,
      w2: s?.weights.w2 ?? 0,
      b: s?.weights.b ?? 0,
      epoch: s?.epoch ?? 0,
      trainLoss: s?.trainLoss ?? null,
      testLoss: s?.testLoss ?? null,
      trainAccuracy: s?.trainAccuracy ?? null,
      testAccuracy: s?.testAccuracy ?? null,
      hyperParameters: session.hyper,
      engine: view.engine
        ? {
            id: view.engine.engine,
            precision: view.engine.precision,
            renderer: view.engine.renderer,
          }
        : null,
      points: { train: train.n, test: session.points.length - train.n },
      exactOptimum:
        ref.status === 'optimum'
          ? {
              w1: ref.weights.w1,
              w2: ref.weights.w2,
              b: ref.weights.b,
              objective: ref.objective,
              solver: 'float64 Newton',
            }
          : { none: ref.message },
    };
  };
  const [cursor, setCursor] = useState<{ at: [number, number] | null; focusedId: number | null }>({
    at: null,
    focusedId: null,
  });
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  });
  const replay = useCallback(() => {
    const s = sessionRef.current;
    const weights = startWeights.current;
    startWeights.current = null; // only the first worker starts from the saved weights
    return {
      weights,
      hyper: s.hyper,
      engine: s.engine,
      train: toArrays(s.points, 'train'),
      test: toArrays(s.points, 'test'),
    };
  }, []);
  const { view, post, newRun, dismissNotice, clearDiverged } = useTrainer(replay);

  // Send changes to the worker — only real changes, never on the first render (start() sent them).
  const sent = useRef({ hyper: session.hyper, engine: session.engine, data: session.dataVersion });
  useEffect(() => {
    if (JSON.stringify(sent.current.hyper) === JSON.stringify(session.hyper)) return;
    sent.current.hyper = session.hyper;
    post({ type: 'set-params', params: session.hyper });
  }, [session.hyper, post]);
  useEffect(() => {
    if (sent.current.engine === session.engine) return;
    sent.current.engine = session.engine;
    post({ type: 'choose-engine', engine: session.engine });
  }, [session.engine, post]);
  useEffect(() => {
    if (sent.current.data === session.dataVersion) return;
    sent.current.data = session.dataVersion;
    if (session.restart) newRun();
    post({
      type: 'load-data',
      train: toArrays(session.points, 'train'),
      test: toArrays(session.points, 'test'),
      keepWeights: !session.restart,
    });
  }, [session.dataVersion, session.points, session.restart, post, newRun]);

  const model = view.snapshot?.weights ?? null;
  useAutosave(
    session,
    view.snapshot,
    (msg) => setIoMessage({ kind: 'error', text: msg }),
    autosave,
  );
  const share = async () => {
    const { url, pointsOmitted } = shareLink(location.href, session);
    history.replaceState(null, '', url);
    setLink(url);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission: the link is shown to copy by hand.
    }
    const what = pointsOmitted
      ? `The link holds the settings but not your ${session.points.length.toLocaleString('en-US')} points (more than 2,000): use Export CSV for those.`
      : 'The link reproduces this session.';
    setIoMessage({ kind: 'info', text: `${copied ? 'Link copied. ' : ''}${what}` });
  };
  const newSession = () => {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* storage blocked: nothing was saved */
    }
    location.replace(location.pathname);
  };
  const maxStableLr = useMemo(() => {
    const train = session.points.filter((p) => p.split === 'train');
    return smoothness(toColumns(train), session.hyper.l2).maxStableLr;
  }, [session.points, session.hyper.l2]);
  const prediction =
    session.probe && model ? predict(model, session.probe.x1, session.probe.x2) : null;

  const handlers: PlotHandlers = {
    onClick(x1, x2, other) {
      if (session.mode === 'classify') return dispatch({ type: 'probe', at: { x1, x2 } });
      const base = session.mode === 'red' ? 0 : 1;
      dispatch({ type: 'add', x1, x2, label: (other ? 1 - base : base) as 0 | 1 });
    },
    onMove: (id, x1, x2, commit) => dispatch({ type: 'move', id, x1, x2, commit }),
    onDelete: (id) => dispatch({ type: 'delete', id }),
    onCursor: (at, focusedId) => setCursor({ at, focusedId }),
  };

  const overlay = useMemo(
    () => ({
      probe:
        session.probe && prediction
          ? {
              ...session.probe,
              text: `p(blue) ${fmtNum(prediction.p, 3)} → ${prediction.label === 1 ? 'blue' : 'red'}`,
            }
          : null,
      cursor: cursor.at,
      focusedId: cursor.focusedId,
    }),
    [session.probe, prediction?.p, prediction?.label, cursor], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const playPause = () => post({ type: view.running ? 'pause' : 'play' });
  const runRecipe = () => {
    const recipe = [
      { type: 'hyper', patch: DEFAULT_HYPER },
      { type: 'preset', patch: DEFAULT_PRESET },
    ] as const;
    const next = recipe.reduce<SessionState>(sessionReducer, session);
    // The worker gets the whole recipe in one message; the effects must not send it again.
    sent.current = { ...sent.current, hyper: next.hyper, data: next.dataVersion };
    newRun();
    post({
      type: 'run-recipe',
      params: next.hyper,
      train: toArrays(next.points, 'train'),
      test: toArrays(next.points, 'test'),
    });
    recipe.forEach(dispatch);
    dispatch({ type: 'probe', at: { x1: TUTORIAL.newPoint.x1, x2: TUTORIAL.newPoint.x2 } });
  };
  useShortcuts({ undo: () => dispatch({ type: 'undo' }), redo: () => dispatch({ type: 'redo' }) });

  const counts = countByLabel(session.points);
  const nTest = session.points.filter((p) => p.split === 'test').length;
  const summary = `${session.points.length} points: ${counts[0]} red (class 0), ${counts[1]} blue (class 1); ${session.points.length - nTest} train, ${nTest} test.`;
  const e = view.engine;
  const engineLabel = e
    ? `${ENGINE_NAMES[e.engine as keyof typeof ENGINE_NAMES] ?? e.engine} (${e.precision})`
    : 'starting…';
  const last = view.history.at(-1);

  return (
    <div className="app">
      <header className="app-header">
        <h1>logreg-lab</h1>
        <p className="tagline">
          Watch binary logistic regression learn: p(blue) = σ(w·x + b), boundary where w·x + b = 0.
        </p>
      </header>
      <main className="workspace">
        <section className="plot-panel" aria-label="Data">
          <DatasetControls
            preset={session.preset}
            onPreset={(patch) => dispatch({ type: 'preset', patch })}
            onClear={() => dispatch({ type: 'clear' })}
          />
          <DataIo
            points={session.points}
            onImport={onImported}
            modelDocument={modelDocument}
            plotHost={() => plotHost.current?.querySelector('.plot-host') ?? null}
            onMessage={(kind, text) => setIoMessage({ kind, text })}
          />
          <div className="session-buttons">
            <button type="button" onClick={() => void share()}>
              Share link
            </button>
            <button type="button" onClick={newSession}>
              New session
            </button>
            {link && (
              <input
                className="share-link"
                readOnly
                value={link}
                aria-label="Link to this session"
                onFocus={(e) => e.currentTarget.select()}
              />
            )}
          </div>
          {ioMessage && (
            <p
              className={`io-message ${ioMessage.kind}`}
              role={ioMessage.kind === 'error' ? 'alert' : 'status'}
            >
              {ioMessage.text}{' '}
              <button type="button" onClick={() => setIoMessage(null)} aria-label="Dismiss message">
                ×
              </button>
            </p>
          )}
          <PlotToolbar
            mode={session.mode}
            show={session.show}
            newSplit={session.newSplit}
            onMode={(mode) => dispatch({ type: 'mode', mode })}
            onShow={(show) => dispatch({ type: 'show', show })}
            onNewSplit={(split) => dispatch({ type: 'new-split', split })}
          />
          <div ref={plotHost}>
            <DataPlotView
              onDropFile={(file) => void dropFile(file)}
              contours={contours}
              loadCount={session.loadCount}
              points={session.points}
              filter={session.show}
              model={model}
              overlay={overlay}
              summary={summary}
              handlers={handlers}
            />
          </div>
          <p className="legend">
            <span className="swatch red" aria-hidden="true" />
            red = class 0 <span className="swatch blue" aria-hidden="true" />
            blue = class 1 · filled = train, hollow = test · solid line: p = 0.5, dashed: p = 0.25 /
            0.75
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={contours}
              onChange={(ev) => setContours(ev.currentTarget.checked)}
            />{' '}
            Show p = 0.25 and 0.75 lines
          </label>
          <p id="data-plot-keys" className="hint">
            Click adds a point (shift-click: the other colour), drag moves one, alt-click deletes.
            Keyboard: arrows move the crosshair, Enter clicks, N jumps to the next point, Delete
            removes it; Ctrl+Z / Ctrl+Shift+Z undo and redo.
          </p>
          <ClassifyForm
            probe={session.probe}
            prediction={prediction}
            onClassify={(x1, x2) => dispatch({ type: 'probe', at: { x1, x2 } })}
            onClear={() => dispatch({ type: 'probe', at: null })}
          />
        </section>
        <section className="side-panel" aria-label="Model and training">
          <TrainingControls
            hyper={session.hyper}
            maxStableLr={maxStableLr}
            running={view.running}
            stepEpochs={stepEpochs}
            engine={session.engine}
            engines={e?.engines ?? []}
            onHyper={(patch) => dispatch({ type: 'hyper', patch })}
            onPlayPause={playPause}
            onStep={() => post({ type: 'step', epochs: stepEpochs })}
            onStepEpochs={setStepEpochs}
            onReset={() => {
              newRun();
              post({ type: 'reset' });
            }}
            onRecipe={runRecipe}
            onEngine={(engine) => dispatch({ type: 'engine', engine })}
          />
          {view.diverged && (
            <DivergedBanner
              d={view.diverged}
              maxStableLr={maxStableLr}
              onRestore={() => {
                const d = view.diverged!;
                post({ type: 'set-weights', weights: d.lastFinite, epoch: d.lastFiniteEpoch });
                clearDiverged();
              }}
            />
          )}
          <ModelFormula snapshot={view.snapshot} />
          <ModelInWords snapshot={view.snapshot} />
          <Readouts
            snapshot={view.snapshot}
            epochsPerSecond={view.epochsPerSecond}
            engineLabel={engineLabel}
          />
          {e && (
            <p className="engine-reason">
              {e.renderer
                ? `WebGL: ${e.hardware ? 'hardware GPU' : 'software'} (${e.renderer}). `
                : 'WebGL: unavailable. '}
              {e.reason}
            </p>
          )}
          <div className="loss-panel">
            <LossPlotView
              history={view.history}
              logEpochs={logEpochs}
              summary={
                last
                  ? `After ${last.epoch} epochs: train loss ${fmtNum(last.trainLoss)}, test loss ${fmtNum(last.testLoss)}.`
                  : 'No training yet.'
              }
            />
            <label className="check">
              <input
                type="checkbox"
                checked={logEpochs}
                onChange={(ev) => setLogEpochs(ev.currentTarget.checked)}
              />{' '}
              Log epoch axis
            </label>
          </div>
          {view.reports.length > 0 && (
            <table className="reports" aria-label="Test accuracy every 10,000 epochs">
              <thead>
                <tr>
                  <th scope="col">Epoch</th>
                  <th scope="col">Train loss</th>
                  <th scope="col">Test accuracy</th>
                </tr>
              </thead>
              <tbody>
                {view.reports.map((r) => (
                  <tr key={r.epoch}>
                    <td>{r.epoch.toLocaleString('en-US')}</td>
                    <td>{fmtNum(r.trainLoss)}</td>
                    <td>{fmtPct(r.testAccuracy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Notices notices={view.notices} onDismiss={dismissNotice} />
          <Diagnostics engine={e} onFault={(fault) => post({ type: 'simulate-fault', fault })} />
        </section>
      </main>
    </div>
  );
}

/** localStorage, or null where the browser blocks it. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
