import { useMemo, useReducer, useRef, useState } from 'react';
import { countByLabel, toColumns, type Point } from '../core/dataset.ts';
import { predict } from '../core/metrics.ts';
import { DEFAULT_PRESET } from '../core/datasets.ts';
import { TUTORIAL } from '../core/presets.ts';
import { smoothness } from '../core/smoothness.ts';
import type { PlotHandlers } from '../charts/plot-interaction.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';
import { ClassifyForm } from './classify-form.tsx';
import { DataPlotView } from './data-plot-view.tsx';
import { DataIo, importCsvFile } from './data-io.tsx';
import { ModelPanel } from './model-panel.tsx';
import { buildModelDocument } from './model-document.ts';
import { SessionButtons } from './session-buttons.tsx';
import { DatasetControls } from './dataset-controls.tsx';
import { Diagnostics } from './diagnostics.tsx';
import { DivergedBanner } from './diverged-banner.tsx';
import { fmtNum } from './format.ts';
import { Notices } from './notices.tsx';
import { PlotToolbar } from './plot-toolbar.tsx';
import { sessionReducer, type SessionState } from './session.ts';
import { ParamSpacePanel } from './param-space-panel.tsx';
import { PythonExportButton } from './python-export-button.tsx';
import { pythonExportInput } from './python-export-input.ts';
import { RacePanel } from './race-panel.tsx';
import { TimeTravel } from './time-travel.tsx';
import { useRace } from './use-race.ts';
import { useTimeTravel } from './use-time-travel.ts';
import { Toggle } from './toggle.tsx';
import { TrainingControls } from './training-controls.tsx';
import { useTrainer } from './use-trainer.ts';
import { inputsOf } from './session-sync.ts';
import { autosave, sessionFrom, startingPoint } from './persistence.ts';
import { useAutosave } from './use-autosave.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** The whole page. */
export function App() {
  const [start] = useState(() => {
    const st = startingPoint(location.hash, safeStorage());
    // A link is read once: left in the address it would win over the autosave on every reload,
    // and the work done since would be lost.
    if (st.fromLink) history.replaceState(null, '', location.pathname + location.search);
    return st;
  });
  const [session, dispatch] = useReducer(sessionReducer, start, sessionFrom);
  const [stepEpochs, setStepEpochs] = useState(100);
  const [contours, setContours] = useState(true);
  const [showOptimum, setShowOptimum] = useState(true);
  const [showParams, setShowParams] = useState(true);
  // Bumped by Reset and the recipe: the parameter-space view re-fits its range to the new run.
  const [resets, setResets] = useState(0);
  const [ioMessage, setIoMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(
    start.message,
  );
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
  const modelDocument = () => buildModelDocument(session, view);

  const [cursor, setCursor] = useState<{ at: [number, number] | null; focusedId: number | null }>({
    at: null,
    focusedId: null,
  });
  const { client, view } = useTrainer(session, start.resume);
  const races = useRace(view.race, client);
  const race = races.race;

  const trainCols = useMemo(
    () => toColumns(session.points.filter((p) => p.split === 'train')),
    [session.points],
  );
  const { travel, travelPoint, shown, setTravel, onTravel } = useTimeTravel(
    view,
    trainCols,
    { data: session.dataVersion, l2: session.hyper.l2 },
    client.pause,
    `${session.dataVersion}:${resets}`,
  );
  const model = shown?.weights ?? null;
  useAutosave(
    session,
    view.snapshot,
    view.history,
    (msg) => setIoMessage({ kind: 'error', text: msg }),
    autosave,
  );
  const maxStableLr = useMemo(
    () => smoothness(trainCols, session.hyper.l2).maxStableLr,
    [trainCols, session.hyper.l2],
  );
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

  const playPause = () => (view.running ? client.pause() : client.play());
  const runRecipe = () => {
    const recipe = [
      { type: 'hyper', patch: DEFAULT_HYPER },
      { type: 'preset', patch: DEFAULT_PRESET },
    ] as const;
    const next = recipe.reduce<SessionState>(sessionReducer, session);
    // The worker gets the whole recipe in one message, under the versions the session will have.
    client.runRecipe(inputsOf(next));
    setResets((r) => r + 1);
    recipe.forEach(dispatch);
    dispatch({ type: 'probe', at: { x1: TUTORIAL.newPoint.x1, x2: TUTORIAL.newPoint.x2 } });
  };
  useShortcuts({
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    playPause,
  });

  const counts = countByLabel(session.points);
  const nTest = session.points.filter((p) => p.split === 'test').length;
  const summary = `${session.points.length} points: ${counts[0]} red (class 0), ${counts[1]} blue (class 1); ${session.points.length - nTest} train, ${nTest} test.`;
  const e = view.engine;

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
          >
            <PythonExportButton
              input={() => pythonExportInput(session, view)}
              onMessage={(kind, text) => setIoMessage({ kind, text })}
            />
          </DataIo>
          <SessionButtons
            session={session}
            onMessage={(text) => setIoMessage({ kind: 'info', text })}
          />
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
              ghost={
                showOptimum && view.optimum?.status === 'optimum' ? view.optimum.weights : null
              }
              maxMargin={showOptimum ? (view.maxMargin?.weights ?? null) : null}
              lanes={races.lines}
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
          <Toggle label="Show p = 0.25 and 0.75 lines" checked={contours} onChange={setContours} />
          <Toggle label="Show the exact optimum" checked={showOptimum} onChange={setShowOptimum} />
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
          <Toggle label="Show parameter space" checked={showParams} onChange={setShowParams} />
          {showParams && (
            <ParamSpacePanel
              view={view}
              race={race}
              shown={shown}
              travel={travel}
              l2={session.hyper.l2}
              runKey={`${session.dataVersion}:${resets}`}
              requestSurface={client.surface}
              onSetWeights={(w1, w2) => {
                setTravel(null);
                client.setWeights({ w1, w2, b: shown?.weights.b ?? 0 });
              }}
            />
          )}
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
            onStep={() => client.step(stepEpochs)}
            onStepEpochs={setStepEpochs}
            onReset={() => {
              setResets((r) => r + 1);
              client.reset();
            }}
            onRecipe={runRecipe}
            onEngine={(engine) => dispatch({ type: 'engine', engine })}
            speed={session.speed}
            onSpeed={(speed) => dispatch({ type: 'speed', speed })}
          />
          {!view.running && (view.snapshot?.epoch ?? 0) >= session.hyper.epochs && (
            <p className="done-note" role="status">
              Done: the epoch budget ({session.hyper.epochs.toLocaleString('en-US')}) is reached.
              Raise Epochs to go on, or Reset.
            </p>
          )}
          {view.diverged && (
            <DivergedBanner
              d={view.diverged}
              maxStableLr={maxStableLr}
              onRestore={() => {
                const d = view.diverged!;
                setTravel(null);
                client.setWeights(d.lastFinite, d.lastFiniteEpoch);
              }}
            />
          )}
          <TimeTravel history={view.history} index={travel} onIndex={onTravel} />
          <ModelPanel
            view={view}
            basis={{ data: session.dataVersion, l2: session.hyper.l2 }}
            shown={shown}
            travelEpoch={travelPoint?.epoch ?? null}
            lanes={races.curves}
            onJump={(weights) => {
              setTravel(null);
              client.setWeights(weights);
            }}
          />
          <Toggle
            label="Show the learning-rate race"
            checked={races.show}
            onChange={races.setShow}
          />
          {races.show && (
            <RacePanel
              race={view.race}
              ended={view.raceEnded}
              lr={session.hyper.lr}
              maxStableLr={maxStableLr}
              webgl={!e?.renderer ? 'none' : e.hardware ? 'hardware' : 'software'}
              onStart={races.start}
              onStop={races.stop}
            />
          )}
          <Notices notices={view.notices} onDismiss={(i) => client.dismissNotice(i)} />
          <Diagnostics engine={e} onFault={client.simulateFault} />
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
