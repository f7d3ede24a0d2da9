import { useMemo, useReducer, useRef, useState } from 'react';
import { useStable } from './use-stable.ts';
import type { EngineInfo } from '../worker/protocol.ts';
import { predict } from '../core/metrics.ts';
import { engineName } from '../core/settings.ts';
import { ClassifyForm } from './classify-form.tsx';
import { DataPlotView } from './data-plot-view.tsx';
import { HeaderActions } from './header-actions.tsx';
import { LivePanel, ModelExplain } from './model-panel.tsx';
import { buildModelDocument } from './model-document.ts';
import { NoticeArea } from './notice-area.tsx';
import { legendEntries, usePlotLegend } from './plot-legend.tsx';
import { PlotNotes, type PlotOption } from './plot-notes.tsx';
import { DecisionsGroup } from './decisions-group.tsx';
import { RunBar } from './run-bar.tsx';
import { DatasetControls } from './dataset-controls.tsx';
import { Diagnostics } from './diagnostics.tsx';
import { PlotToolbar } from './plot-toolbar.tsx';
import { sessionReducer } from './session.ts';
import { ParamSpacePanel } from './param-space-panel.tsx';
import { pythonExportInput } from './python-export-input.ts';
import { RacePanel } from './race-panel.tsx';
import { TimeTravel } from './time-travel.tsx';
import { useRace } from './use-race.ts';
import { useTimeTravel } from './use-time-travel.ts';
import { Toggle } from './toggle.tsx';
import { TrainingControls } from './training-controls.tsx';
import { useTrainer } from './use-trainer.ts';
import { useAppHandlers } from './use-app-handlers.ts';
import { dataSummary } from './split-arrays.ts';
import { autosave, sessionFrom, startingPoint } from './persistence.ts';
import { useAutosave } from './use-autosave.ts';
import { useMaxStableLr } from './use-max-stable-lr.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { usePlotOverlay } from './use-plot-overlay.ts';
import { usePageMessages } from './use-page-messages.ts';
import { useDataLoading } from './use-data-loading.ts';
import { useDecisions, usePulls } from './use-decisions.ts';
import { probabilityInterval } from '../core/uncertainty.ts';

/** No engine list yet (the worker is starting). */
const NO_ENGINES: readonly EngineInfo[] = [];

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
  const { lines: contours, optimum: showOptimum, params: showParams } = session.views;
  // Bumped by Reset and the recipe: the parameter-space view re-fits its range to the new run.
  const [resets, setResets] = useState(0);
  const plotHost = useRef<HTMLDivElement>(null);
  const playRef = useRef<HTMLButtonElement>(null);
  const messages = usePageMessages(start.message, dispatch);
  const data = useDataLoading(session, dispatch, messages, start.pending);

  const { client, view } = useTrainer(session, start.resume);
  const races = useRace(view.race, client);
  const race = races.race;

  const split = session.points.split;
  const trainCols = split.train;
  const { travel, travelPoint, shown, setTravel, onTravel } = useTimeTravel(
    view,
    trainCols,
    { data: session.dataVersion, l2: session.hyper.l2, features: session.hyper.features },
    client.pause,
    `${session.dataVersion}:${resets}:${session.hyper.features}:${session.hyper.standardize}`,
  );
  const model = shown?.weights ?? null;
  useAutosave(
    session,
    view.snapshot,
    view.history,
    view.marks,
    (p) => messages.say(p.kind, p.text, 'autosave'),
    autosave,
  );
  const maxStableLr = useMaxStableLr(
    trainCols,
    session.hyper.l2,
    session.hyper.features,
    session.hyper.standardize === 'on',
  );
  const { decisions: showDecisions, pulls: showPulls } = session.views;
  const prediction =
    session.probe && model ? predict(model, session.probe.x1, session.probe.x2) : null;
  const decisions = useDecisions(
    showDecisions,
    split,
    model,
    view.optimum,
    view.solving,
    session.hyper.l2,
    view.running,
  );
  const doubt = decisions.doubt;
  const threshold = showDecisions ? session.threshold : null;
  const band = useMemo(
    () => (showDecisions && doubt.kind === 'ok' ? { u: doubt.u, w: doubt.at } : null),
    [showDecisions, doubt],
  );
  const pulls = usePulls(showPulls, trainCols, model);
  const probeInterval =
    showDecisions && doubt.kind === 'ok' && session.probe
      ? probabilityInterval(doubt.u, doubt.at, session.probe.x1, session.probe.x2)
      : null;

  const { handlers, overlay } = usePlotOverlay(session, dispatch, model, prediction);

  const on = useAppHandlers({
    session,
    dispatch,
    client,
    view,
    stepEpochs,
    newRun: () => setResets((r) => r + 1),
    endTravel: () => setTravel(null),
    movedOn: () => messages.retire('start'),
    dismissMessage: messages.dismiss,
    say: messages.say,
    showRace: races.setShow,
  });
  useShortcuts({ undo: on.undo, redo: on.redo, playPause: on.playPause });

  const summary = dataSummary(split, session.show);
  const e = view.engine;
  const ghost = showOptimum && view.optimum?.status === 'optimum' ? view.optimum.weights : null;
  const maxMargin = showOptimum ? (view.maxMargin?.weights ?? null) : null;
  // What the plot shows, once: the legend under it and an exported image both list it.
  const legend = usePlotLegend({
    model,
    lines: contours,
    ghost: !!ghost,
    maxMargin: !!maxMargin,
    lanes: races.lines,
    threshold,
    pulls: !!pulls && pulls.marks.length > 0,
    band: !!band,
  });
  // Handlers of the memoized controls: stable identities, so a training frame re-renders none of
  // them (they read the session and the model when used, not when drawn).
  const exportDecor = useStable(() => ({
    formula: shown?.weights ?? null,
    epoch: shown?.epoch ?? 0,
    legend: legendEntries(legend),
  }));
  const modelDocument = useStable(() => buildModelDocument(session, view));
  const pythonInput = useStable(() => pythonExportInput(session, view));
  const plotHostElement = useStable(
    () => plotHost.current?.querySelector<HTMLElement>('.plot-host') ?? null,
  );
  const say = useStable(messages.say);
  const importFile = useStable((file: File) => {
    messages.retire('start');
    return data.importFile(file);
  });
  const onPreset = useStable((patch: Parameters<typeof data.onPreset>[0]) => {
    messages.retire('start');
    void data.onPreset(patch);
  });

  const fullBatch = session.hyper.optimizer === 'sgd' && session.hyper.batchSize === 0;
  const epoch = view.snapshot?.epoch ?? 0;
  const options = useMemo<PlotOption[]>(
    () => [
      ['Show p = 0.25 and 0.75 lines', contours, on.showLines],
      ['Show the exact optimum', showOptimum, on.showOptimum],
      ['Show gradient pulls', showPulls, on.showPulls],
    ],
    [contours, showOptimum, showPulls, on.showLines, on.showOptimum, on.showPulls],
  );
  const doneAt = !view.running && epoch >= session.hyper.epochs ? session.hyper.epochs : null;
  const notices = useMemo(
    () => (
      <NoticeArea
        loading={data.loading}
        messages={messages.messages}
        onDismissMessage={on.dismissMessage}
        doneAt={doneAt}
        diverged={view.diverged}
        maxStableLr={maxStableLr}
        onRestore={on.restore}
        notices={view.notices}
        onDismissNotice={on.dismissNotice}
      />
    ),
    [
      data.loading,
      messages.messages,
      doneAt,
      view.diverged,
      maxStableLr,
      view.notices,
      on.dismissMessage,
      on.restore,
      on.dismissNotice,
    ],
  );

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#run"
        onClick={(ev) => {
          ev.preventDefault();
          playRef.current?.focus();
        }}
      >
        Skip to Play and the learning rate
      </a>
      <header className="app-header">
        <h1>logreg-lab</h1>
        <p className="tagline">
          Watch logistic regression learn: p(blue) = σ(w·x + b), boundary where w·x + b = 0.
        </p>
        <HeaderActions
          points={session.points}
          session={session}
          onImportFile={importFile}
          modelDocument={modelDocument}
          plotHost={plotHostElement}
          exportDecor={exportDecor}
          pythonInput={pythonInput}
          onMessage={say}
        />
      </header>
      <main className="workspace">
        <section className="plot-panel" aria-label="Data">
          <DatasetControls
            preset={data.wanted ?? session.preset}
            onPreset={onPreset}
            onClear={on.clear}
            // Enabled past the oldest step kept, too: Undo then says why nothing comes back.
            canUndo={session.past.length > 0 || session.undoDropped}
            canRedo={session.future.length > 0}
            onUndo={on.undo}
            onRedo={on.redo}
          />
          <PlotToolbar
            mode={session.mode}
            show={session.show}
            newSplit={session.newSplit}
            onMode={on.mode}
            onShow={on.show}
            onNewSplit={on.newSplit}
          />
          <div ref={plotHost}>
            <DataPlotView
              ghost={ghost}
              maxMargin={maxMargin}
              lanes={races.lines}
              onDropFile={(file) => void importFile(file)}
              contours={contours}
              threshold={threshold}
              pulls={pulls?.marks}
              pullSum={pulls?.sum ?? null}
              band={band}
              loadCount={session.loadCount}
              points={session.points}
              filter={session.show}
              model={model}
              overlay={overlay}
              handlers={handlers}
            />
          </div>
          <PlotNotes
            legend={legend}
            summary={summary}
            session={session}
            pulls={pulls}
            options={options}
          />
          <ClassifyForm
            probe={session.probe}
            prediction={prediction}
            interval={probeInterval}
            onClassify={(x1, x2) => on.probe({ x1, x2 })}
            onClear={() => on.probe(null)}
          />
          <Toggle label="Show parameter space" checked={showParams} onChange={on.showParams} />
          {showParams && (
            <ParamSpacePanel
              view={view}
              race={race}
              shown={shown}
              travel={travel}
              l2={session.hyper.l2}
              features={session.hyper.features}
              runKey={`${session.dataVersion}:${resets}:${session.hyper.features}:${session.hyper.standardize}`}
              requestSurface={client.surface}
              // The panel keeps the weights off its plane as they are: a move in the plane.
              onSetWeights={on.jump}
            />
          )}
        </section>
        <RunBar
          running={view.running}
          lr={session.hyper.lr}
          maxStableLr={maxStableLr}
          fullBatch={fullBatch}
          speed={session.speed}
          playRef={playRef}
          onPlayPause={on.playPause}
          onStep={on.step}
          onReset={on.reset}
          onRecipe={on.recipe}
          onLr={on.lr}
          onSpeed={on.speed}
        >
          {notices}
        </RunBar>
        <section className="side-panel" aria-label="Model and training">
          <LivePanel
            view={view}
            basis={{
              data: session.dataVersion,
              l2: session.hyper.l2,
              features: session.hyper.features,
            }}
            shown={shown}
            travelEpoch={travelPoint?.epoch ?? null}
            lanes={races.curves}
          />
          <TimeTravel history={view.history} index={travel} onIndex={onTravel} />
          <ModelExplain view={view} shown={shown} l2={session.hyper.l2} onJump={on.jump} />
          <TrainingControls
            hyper={session.hyper}
            stepEpochs={stepEpochs}
            engine={session.engine}
            engines={e?.engines ?? NO_ENGINES}
            engineInUse={e ? `${engineName(e.engine)} (${e.precision})` : 'starting…'}
            engineNote={
              e && session.engine !== 'auto' && e.engine !== session.engine ? e.reason : null
            }
            onHyper={on.hyper}
            onStepEpochs={setStepEpochs}
            onEngine={on.engine}
          />
          <Toggle
            label="Show decisions and doubt"
            checked={showDecisions}
            onChange={on.showDecisions}
          />
          {showDecisions && (
            <DecisionsGroup
              threshold={session.threshold}
              onThreshold={on.threshold}
              train={decisions.train}
              test={decisions.test}
              doubt={doubt}
              model={model}
              waiting={decisions.waiting}
            />
          )}
          <Toggle label="Show the learning-rate race" checked={races.show} onChange={on.showRace} />
          {races.show && (
            <RacePanel
              race={view.race}
              ended={view.raceEnded}
              lr={session.hyper.lr}
              maxStableLr={maxStableLr}
              webgl={!e?.renderer ? 'none' : e.hardware ? 'hardware' : 'software'}
              onStart={races.start}
              onStop={races.stop}
              curved={session.hyper.features !== 'none' || session.hyper.standardize === 'on'}
            />
          )}
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
