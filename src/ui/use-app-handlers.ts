/**
 * The page's handlers for its memoized controls, each with a stable identity (use-stable.ts): the
 * page re-renders for every training frame, and a control whose props did not change is skipped.
 * A handler reads the session and the view when it is used, never when it is drawn.
 */
import type { Dispatch } from 'react';
import { DEFAULT_PRESET } from '../core/datasets.ts';
import type { Weights } from '../core/maths.ts';
import { TUTORIAL } from '../core/presets.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';
import type { Views } from '../core/views.ts';
import { inputsOf } from './session-sync.ts';
import { fmtCount } from '../core/count.ts';
import {
  sessionReducer,
  UNDO_LIMIT,
  UNDO_POINTS,
  type SessionAction,
  type SessionState,
} from './session.ts';
import type { TrainerClient } from './trainer-client.ts';
import type { TrainerView } from './trainer-view.ts';
import { useStable } from './use-stable.ts';

type Client = Pick<
  TrainerClient,
  'play' | 'pause' | 'step' | 'reset' | 'runRecipe' | 'setWeights' | 'dismissNotice'
>;

export interface HandlerDeps {
  session: SessionState;
  dispatch: Dispatch<SessionAction>;
  client: Client;
  view: Pick<TrainerView, 'running' | 'diverged'>;
  stepEpochs: number;
  /** Bumps the run counter: the parameter space re-fits its range to the new run. */
  newRun: () => void;
  /** Leaves time travel (back to the live model). */
  endTravel: () => void;
  /** Retires the start's message ("Restored your last session.") once the person moves on. */
  movedOn: () => void;
  dismissMessage: (id: number) => void;
  say: (kind: 'error' | 'info', text: string, topic?: string) => void;
  showRace: (on: boolean) => void;
}

/** What Ctrl+Z says when the steps it would undo were let go. */
export const UNDO_GONE = `Nothing more to undo: undo keeps its newest steps only (up to ${fmtCount(UNDO_LIMIT)} steps and ${fmtCount(UNDO_POINTS)} points in all), and older ones were let go.`;

/** The tutorial recipe: its settings and data, and the point (1, 1) classified. */
function runRecipe({ session, client, dispatch, newRun }: HandlerDeps): void {
  const recipe = [
    { type: 'hyper', patch: DEFAULT_HYPER },
    { type: 'preset', patch: DEFAULT_PRESET },
  ] as const;
  const next = recipe.reduce<SessionState>(sessionReducer, session);
  // The worker gets the whole recipe in one message, under the versions the session will have.
  client.runRecipe(inputsOf(next));
  newRun();
  recipe.forEach(dispatch);
  dispatch({ type: 'probe', at: { x1: TUTORIAL.newPoint.x1, x2: TUTORIAL.newPoint.x2 } });
}

/** The handlers, stable from the first render on. */
export function useAppHandlers(deps: HandlerDeps) {
  const { dispatch, client, view, movedOn } = deps;
  const act = (a: SessionAction) => dispatch(a);
  const view1 = (key: keyof Views) => (on: boolean) =>
    dispatch({ type: 'views', patch: { [key]: on } });
  const jumpTo = (weights: Weights, epoch?: number) => {
    deps.endTravel();
    client.setWeights(weights, epoch);
  };
  return {
    clear: useStable(() => {
      movedOn();
      act({ type: 'clear' });
    }),
    mode: useStable((mode: SessionState['mode']) => act({ type: 'mode', mode })),
    show: useStable((show: SessionState['show']) => act({ type: 'show', show })),
    newSplit: useStable((split: SessionState['newSplit']) => act({ type: 'new-split', split })),
    playPause: useStable(() => (view.running ? client.pause() : client.play())),
    step: useStable(() => client.step(deps.stepEpochs)),
    reset: useStable(() => {
      movedOn();
      deps.newRun();
      client.reset();
    }),
    recipe: useStable(() => {
      movedOn();
      runRecipe(deps);
    }),
    lr: useStable((lr: number) => act({ type: 'hyper', patch: { lr } })),
    speed: useStable((speed: SessionState['speed']) => act({ type: 'speed', speed })),
    hyper: useStable((patch: Partial<SessionState['hyper']>) => act({ type: 'hyper', patch })),
    engine: useStable((engine: SessionState['engine']) => act({ type: 'engine', engine })),
    restore: useStable(() => {
      const d = view.diverged;
      if (d) jumpTo(d.lastFinite, d.lastFiniteEpoch);
    }),
    jump: useStable((weights: Weights) => jumpTo(weights)),
    dismissNotice: useStable((i: number) => client.dismissNotice(i)),
    dismissMessage: useStable(deps.dismissMessage),
    probe: useStable((at: SessionState['probe']) => act({ type: 'probe', at })),
    threshold: useStable((t: number) => act({ type: 'threshold', t })),
    showDecisions: useStable(view1('decisions')),
    showPulls: useStable(view1('pulls')),
    showLines: useStable(view1('lines')),
    showOptimum: useStable(view1('optimum')),
    showParams: useStable(view1('params')),
    showRace: useStable(deps.showRace),
    undo: useStable(() => {
      if (deps.session.past.length === 0 && deps.session.undoDropped)
        deps.say('info', UNDO_GONE, 'undo');
      act({ type: 'undo' });
    }),
    redo: useStable(() => act({ type: 'redo' })),
  };
}
