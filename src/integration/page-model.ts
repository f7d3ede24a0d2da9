/**
 * The page without React, for tests: the session reducer, the trainer client and the worker core,
 * wired as the app wires them (every action is dispatched, then the session's versioned inputs
 * are handed to the client by the same functions the React hook calls). What the page would show
 * is `view()`, derived exactly as the page derives it.
 */
import { makePreset, type PresetId } from '../core/datasets.ts';
import { autosave, sessionFrom, shareLink, startingPoint } from '../ui/persistence.ts';
import {
  initialSession,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from '../ui/session.ts';
import { inputsOf, syncData, syncSettings, syncSpeed } from '../ui/session-sync.ts';
import type { ResumePoint } from '../ui/trainer-client.ts';
import { viewOf, type TrainerView } from '../ui/trainer-view.ts';
import type { EngineFactories } from '../worker/engine-pool.ts';
import { link, NODE_ENGINES, type Link } from './link.ts';

/** A small preset: the model-based test runs thousands of sequences. */
export function smallSession(id: PresetId = 'overlap', n = 40, seed = 3): SessionState {
  const points = makePreset(id, { n, noise: 1, seed });
  const s = initialSession(points);
  // Max: the model-based test runs thousands of sequences (it also switches to a paced Speed).
  return {
    ...s,
    preset: { id, n, noise: 1, seed },
    hyper: { ...s.hyper, epochs: 2_000 },
    speed: 'max',
  };
}

/** A localStorage stand-in. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (k: string): string | null => this.items.get(k) ?? null;
  setItem = (k: string, v: string): void => void this.items.set(k, v);
  removeItem = (k: string): void => void this.items.delete(k);
}

export class PageModel {
  session: SessionState;
  link: Link;

  constructor(
    session: SessionState,
    private readonly engines: Partial<EngineFactories> = NODE_ENGINES,
    resume: ResumePoint | null = null,
  ) {
    this.session = session;
    this.link = link(inputsOf(session), engines);
    this.link.client.start(resume);
  }

  get client() {
    return this.link.client;
  }

  /** A user action on the session, followed by what the React effects do. */
  dispatch(action: SessionAction): void {
    this.session = sessionReducer(this.session, action);
    syncSettings(this.client, this.session);
    syncSpeed(this.client, this.session);
    syncData(this.client, this.session);
  }

  /** What the page shows now. */
  view(): TrainerView {
    const s = this.session;
    return viewOf(this.client.getState(), {
      data: s.dataVersion,
      l2: s.hyper.l2,
      features: s.hyper.features,
    });
  }

  /** Reset, as the button does. */
  reset(): void {
    this.client.reset();
  }

  /** The tutorial recipe, as the button does: one message with the next session's inputs. */
  recipe(actions: SessionAction[]): void {
    const next = actions.reduce(sessionReducer, this.session);
    this.client.runRecipe(inputsOf(next));
    this.session = next;
  }

  /** Saves as the autosave does, and opens a new page on the same storage (a reload). */
  reload(storage: MemoryStorage): PageModel {
    const s = this.client.getState();
    autosave(
      storage,
      this.session,
      s.snapshot?.weights ?? { w1: 0, w2: 0, b: 0 },
      s.snapshot?.epoch ?? 0,
      s.history,
      s.marks,
    );
    this.client.stop();
    return PageModel.open('', storage, this.engines);
  }

  /** Shares a link and opens it in a fresh browser (no saved session there). */
  shareAndOpen(): PageModel {
    const { url } = shareLink('http://app/', this.session);
    this.client.stop();
    return PageModel.open(url.slice(url.indexOf('#')), null, this.engines);
  }

  /** Opens the app as the page does on load: a link, else the autosave, else the defaults. */
  static open(
    hash: string,
    storage: MemoryStorage | null,
    engines: Partial<EngineFactories> = NODE_ENGINES,
  ): PageModel {
    const st = startingPoint(hash, storage);
    return new PageModel(sessionFrom(st), engines, st.resume);
  }
}
