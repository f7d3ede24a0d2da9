/**
 * Where a session starts from, and where it is kept: a share link (the URL's fragment) wins,
 * then the autosave in localStorage, then the tutorial defaults. Bad links and corrupt saves are
 * reported, never fatal.
 */
import { restrictWeights } from '../core/features.ts';
import type { Point } from '../core/dataset.ts';
import { DEFAULT_PRESET, makePreset, type PresetId, type PresetOptions } from '../core/datasets.ts';
import type { Weights } from '../core/maths.ts';
import type { HistoryPoint } from '../core/progress.ts';
import { thinHistory } from '../core/thin-history.ts';
import {
  MAX_SAVED_HISTORY,
  MAX_SAVED_MARKS,
  parseSavedSession,
  type SavedMark,
  SAVED_DATA,
  SAVE_VERSION,
  serializeSession,
} from '../core/saved-session.ts';
import {
  decodeUrlState,
  encodeUrlState,
  DEFAULT_VIEWS,
  type UrlState,
  type Views,
} from '../core/url-state.ts';
import {
  DEFAULT_HYPER,
  DEFAULT_SPEED,
  type EngineChoice,
  type Hyper,
  type Speed,
} from '../core/settings.ts';
import { initialSession, type SessionState } from './session.ts';
import type { ResumePoint } from './trainer-client.ts';
import { WORKER_POINTS } from './data-jobs.ts';
import {
  adoptRef,
  APART_MIN,
  dropPointsApart,
  POINTS_KEY,
  savePointsApart,
} from './points-apart.ts';
import { fmtCount } from '../core/count.ts';

export const STORAGE_KEY = 'logreg-lab/session';

/** How the app starts: its points and settings, optional weights, and what to tell the person. */
export interface Start {
  points: Point[];
  preset: SessionState['preset'];
  hyper: Hyper;
  engine: EngineChoice;
  /** The decision threshold. */
  threshold: number;
  /** The pace of training (a saved session keeps it; a link or a fresh start: Normal). */
  speed: Speed;
  /** The decisions-and-doubt views shown. */
  views: Views;
  /** Where training goes on from: the saved weights, epoch and loss curve. */
  resume: ResumePoint | null;
  /** A big preset whose points the data worker makes once the page is open (`points` is empty). */
  pending: ({ id: PresetId } & PresetOptions) | null;
  /** The URL's fragment was a share link (read once: it is then removed from the address). */
  fromLink: boolean;
  /** The reference of the restored points when they were saved apart (points-apart.ts). */
  pointsApart?: string | null;
  message: { kind: 'error' | 'info'; text: string } | null;
}

const DEFAULTS: UrlState = {
  preset: { ...DEFAULT_PRESET },
  hyper: { ...DEFAULT_HYPER },
  engine: 'auto',
};

/**
 * A preset's points, or — for a big one — none yet and the preset to make in the data worker once
 * the page is open (a million points made here would hold the page's first paint for seconds).
 */
function fromPreset(preset: Start['preset'], points?: Point[]): Pick<Start, 'points' | 'pending'> {
  if (preset.id === 'custom') return { points: points ?? [], pending: null };
  if (preset.n > WORKER_POINTS) return { points: [], pending: { ...preset, id: preset.id } };
  return { points: makePreset(preset.id, preset), pending: null };
}

/** Reads the share link, else the autosave, else the defaults. */
export function startingPoint(hash: string, storage: Pick<Storage, 'getItem'> | null): Start {
  const fresh: Start = {
    ...DEFAULTS,
    threshold: 0.5,
    speed: DEFAULT_SPEED,
    views: { ...DEFAULT_VIEWS },
    ...fromPreset(DEFAULTS.preset),
    resume: null,
    fromLink: false,
    message: null,
  };
  const notes: string[] = [];
  const query = hash.replace(/^#/, '');
  if (query) {
    const link = decodeUrlState(query, DEFAULTS);
    if (link.ok) {
      const { preset, hyper, engine, points, threshold = 0.5, views = DEFAULT_VIEWS } = link.state;
      const text = ['Opened the shared session from the link.', ...link.warnings].join(' ');
      return {
        preset,
        hyper,
        engine,
        threshold,
        speed: DEFAULT_SPEED,
        views,
        ...fromPreset(preset, points),
        resume: null,
        fromLink: true,
        message: { kind: 'info', text },
      };
    }
    notes.push(`This link could not be used: ${link.error}`);
    fresh.fromLink = true;
  }
  const raw = readStorage(storage);
  if (raw !== null) {
    const saved = parseSavedSession(raw, () => storage?.getItem(POINTS_KEY) ?? null);
    if (saved.ok) {
      const s = saved.session;
      notes.push('Restored your last session.');
      const text = notes.join(' ');
      return {
        preset: s.preset,
        hyper: s.hyper,
        engine: s.engine,
        threshold: s.threshold ?? 0.5,
        speed: s.speed ?? DEFAULT_SPEED,
        views: s.views ?? DEFAULT_VIEWS,
        // A big preset is saved without its points: its seed makes the same ones again.
        ...(s.points.length === 0 ? fromPreset(s.preset) : { points: s.points, pending: null }),
        resume: {
          weights: s.weights,
          epoch: s.epoch,
          running: false,
          history: s.history ?? [],
          marks: s.marks ?? [],
        },
        fromLink: fresh.fromLink,
        pointsApart: s.pointsApart ?? null,
        message: { kind: notes.length > 1 ? 'error' : 'info', text },
      };
    }
    notes.push(`${saved.error} Starting from the tutorial preset.`);
  }
  return notes.length ? { ...fresh, message: { kind: 'error', text: notes.join(' ') } } : fresh;
}

/** The session a start opens on. */
export function sessionFrom(st: Start): SessionState {
  const session = initialSession(st.points);
  // Restored from points saved apart: the same points need not be written again.
  if (st.pointsApart) adoptRef(session.points, st.pointsApart);
  return {
    ...session,
    preset: st.preset,
    hyper: st.hyper,
    engine: st.engine,
    threshold: st.threshold,
    speed: st.speed,
    views: st.views,
  };
}

/** Above this many points an unedited preset is saved by its settings alone (no points). */
export const LIGHT_SAVE_MIN = 20_000;
/** Most of the person's own points the autosave tries to keep (JSON of more outgrows storage). */
export const MAX_SAVED_POINTS = 200_000;

/**
 * What the autosave tells the person: a limit it keeps by design ('info'), or the browser's
 * refusal (quota, blocked storage: 'error').
 */
export interface SaveProblem {
  kind: 'error' | 'info';
  text: string;
}

/** Saves the session; returns what went unsaved and why, or null when all of it was saved. */
export function autosave(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  s: SessionState,
  weights: Weights,
  epoch: number,
  history: readonly HistoryPoint[] = [],
  marks: readonly SavedMark[] = [],
): SaveProblem | null {
  const preset = keptPreset(s);
  const light = preset.id !== 'custom' && s.points.length > LIGHT_SAVE_MIN;
  if (!light && s.points.length > MAX_SAVED_POINTS) {
    // An older save must not come back after a reload as if it were this session.
    try {
      storage.removeItem(STORAGE_KEY);
      dropPointsApart(storage);
    } catch {
      // storage blocked: nothing was saved either
    }
    const text = `Autosave keeps at most ${fmtCount(MAX_SAVED_POINTS)} of your own points; these ${fmtCount(s.points.length)} are not saved. Export them as CSV to keep them.`;
    return { kind: 'info', text };
  }
  try {
    // Many points go apart, written once per set; a few go in the session (as the set itself:
    // its JSON is made once, not at every save while training).
    const apart = !light && s.points.length >= APART_MIN;
    const points = apart ? savePointsApart(storage, s.points) : light ? [] : s.points;
    if (!apart) dropPointsApart(storage);
    // A diverged model must not cost the points: non-finite weights are saved as a fresh start.
    const finite = Object.values(weights).every(Number.isFinite);
    storage.setItem(
      STORAGE_KEY,
      serializeSession({
        version: SAVE_VERSION,
        preset,
        hyper: s.hyper,
        engine: s.engine,
        points,
        weights: finite ? weights : restrictWeights({ w1: 0, w2: 0, b: 0 }, s.hyper.features),
        epoch: finite ? epoch : 0,
        threshold: s.threshold,
        speed: s.speed,
        views: s.views,
        // The loss curve (a few hundred points), so time travel and the plot survive a reload.
        history: finite ? savedHistory(history, epoch, s.dataVersion) : [],
        // The learning-rate marks, so the curve's bends stay explained after a reload.
        marks: finite
          ? marks
              .filter((m) => m.epoch <= epoch)
              .slice(-MAX_SAVED_MARKS)
              .map(({ epoch: e, lr }) => ({ epoch: e, lr }))
          : [],
      }),
    );
    return null;
  } catch (e) {
    const text = `Autosave failed (${e instanceof Error ? e.name : 'error'}): the browser would not store ${fmtCount(s.points.length)} points. Export them as CSV to keep them.`;
    return { kind: 'error', text };
  }
}

/**
 * The curve's points up to `epoch`, thinned to what the log epoch axis shows (thin-history.ts;
 * at most MAX_SAVED_HISTORY). Points computed on the points being saved are stamped SAVED_DATA
 * (the version a restored page gives them), others -1.
 */
function savedHistory(
  history: readonly HistoryPoint[],
  epoch: number,
  dataVersion: number,
): HistoryPoint[] {
  return thinHistory(history.filter((h) => h.epoch <= epoch))
    .slice(-MAX_SAVED_HISTORY)
    .map((h) => ({ ...h, data: h.data === dataVersion ? SAVED_DATA : -1 }));
}

/**
 * The preset as a link or a save records it: points edited since the preset was made are
 * 'custom' — the preset's name alone would bring back the unedited data.
 */
function keptPreset(s: SessionState): SessionState['preset'] {
  return s.edited ? { ...s.preset, id: 'custom' } : s.preset;
}

/** The share link of a session, and whether its points had to be left out. */
export function shareLink(base: string, s: SessionState): { url: string; pointsOmitted: boolean } {
  const points = s.points.map(({ x1, x2, label, split }) => ({ x1, x2, label, split }));
  const { query, pointsOmitted } = encodeUrlState({
    preset: keptPreset(s),
    hyper: s.hyper,
    engine: s.engine,
    points,
    threshold: s.threshold,
    views: s.views,
  });
  return { url: `${base.replace(/#.*$/, '')}#${query}`, pointsOmitted };
}

/** The saved text, or null when there is none or the browser blocks storage (private mode). */
function readStorage(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
