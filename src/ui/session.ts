/**
 * The session reducer: the points (with undo/redo) and the user's choices. One small reducer,
 * pure, so every edit is testable and replayable.
 */
import type { Label, Point } from '../core/dataset.ts';
import { DEFAULT_PRESET, makePreset, type PresetId, type PresetOptions } from '../core/datasets.ts';
import type { SplitFilter } from '../charts/data-plot.ts';
import { PointSet } from '../core/point-set.ts';
import {
  DEFAULT_HYPER,
  DEFAULT_SPEED,
  type EngineChoice,
  type Hyper,
  type Speed,
} from '../core/settings.ts';
import { DEFAULT_VIEWS, type Views } from '../core/url-state.ts';

/** What a click on the data plot does. */
export type ClickMode = 'red' | 'blue' | 'classify';

export interface SessionState {
  /** The points, as columns (core/point-set.ts): a new set on every change. */
  points: PointSet;
  nextId: number;
  /** Undo steps: every data change — edits, presets, Seed/Noise/Points, Clear, imports, the recipe. */
  past: UndoEntry[];
  /** Older undo steps were let go (UNDO_LIMIT, UNDO_POINTS): an undo past the oldest says so. */
  undoDropped: boolean;
  future: UndoEntry[];
  /** The points were edited since the preset made them (a link or a save keeps them as points). */
  edited: boolean;
  /** Bumped when the points change; the page sends them to the worker then. */
  dataVersion: number;
  /** True when the last data change should restart training from new weights. */
  restart: boolean;
  /**
   * The points of version `version` are `points.edit` applied to those of version `base` (an
   * add, move or delete): the worker is sent that edit. Null, or another version: send them all.
   */
  editedFrom: { version: number; base: number } | null;
  /** Bumped when a hyper-parameter or the engine choice changes; sent with them. */
  settingsVersion: number;
  hyper: Hyper;
  engine: EngineChoice;
  /** How fast training runs in wall time (Speed); Normal lasts ~10 s for the tutorial. */
  speed: Speed;
  mode: ClickMode;
  newSplit: 'train' | 'test';
  show: SplitFilter;
  probe: { x1: number; x2: number } | null;
  /** Decisions: a point is called blue when p(blue) ≥ threshold (0.5 unless moved). */
  threshold: number;
  /** Which of the decisions-and-doubt views are shown (a link and the autosave keep them). */
  views: Views;
  /** The points as they were when the current drag began (one drag = one undo step). */
  dragOrigin: PointSet | null;
  /**
   * A point being dragged on big data (more than LIVE_DRAG_MAX points): drawn where the pointer
   * is, and moved in the data when the drag ends (a new set of a million points per pointer move
   * held the page ~400 ms each; one point of so many does not move the boundary visibly).
   */
  dragging: { id: number; x1: number; x2: number } | null;
  /** Counts loads of new data (presets, the recipe): the plot re-fits its axes on each. */
  loadCount: number;
  /** The preset the points came from ('custom' once cleared). */
  preset: { id: PresetId | 'custom' } & PresetOptions;
}

/** One undo step: the data as they were, and where they came from. */
export interface UndoEntry {
  points: PointSet;
  preset: SessionState['preset'];
  edited: boolean;
}

/** New data: a set made elsewhere (the data worker's, a million points) or points from a list. */
export interface Loaded {
  points: PointSet | readonly Point[];
}

/**
 * Loaded points with fresh ids from `nextId` (nothing copied: a set shares its columns): a point
 * brought back by undo never shares an id with one of these.
 */
function freshIds({ points }: Loaded, nextId: number): PointSet {
  return (points instanceof PointSet ? points : PointSet.of(points)).numberedFrom(nextId);
}

export type SessionAction =
  | ({ type: 'load' } & Loaded)
  | { type: 'preset'; patch: Partial<{ id: PresetId } & PresetOptions> }
  /** A preset's points made elsewhere (the data worker, for big ones). */
  | ({ type: 'preset-loaded'; preset: { id: PresetId } & PresetOptions } & Loaded)
  | { type: 'clear' }
  | ({ type: 'import' } & Loaded)
  /** The points of a big preset restored by its settings (a reload): the same session. */
  | ({ type: 'restored'; preset: { id: PresetId } & PresetOptions } & Loaded)
  | { type: 'add'; x1: number; x2: number; label: Label }
  | { type: 'move'; id: number; x1: number; x2: number; commit: boolean }
  | { type: 'delete'; id: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'hyper'; patch: Partial<Hyper> }
  | { type: 'engine'; engine: EngineChoice }
  | { type: 'speed'; speed: Speed }
  | { type: 'mode'; mode: ClickMode }
  | { type: 'new-split'; split: 'train' | 'test' }
  | { type: 'show'; show: SplitFilter }
  | { type: 'probe'; at: { x1: number; x2: number } | null }
  | { type: 'threshold'; t: number }
  | { type: 'views'; patch: Partial<Views> };

export const UNDO_LIMIT = 200;
/** Above this many points a dragged point moves in the data when the drag ends. */
export const LIVE_DRAG_MAX = 100_000;
/**
 * Undo keeps at most this many points across all its steps: five steps of a million points
 * (~18 MB of columns each; a move shares all but two columns with the step before).
 */
export const UNDO_POINTS = 5_000_000;

/** The initial session on a given point set. */
export function initialSession(points: readonly Point[]): SessionState {
  return {
    points: PointSet.of(points),
    nextId: points.length,
    past: [],
    undoDropped: false,
    future: [],
    edited: false,
    dataVersion: 0,
    restart: true,
    editedFrom: null,
    settingsVersion: 0,
    hyper: { ...DEFAULT_HYPER },
    engine: 'auto',
    speed: DEFAULT_SPEED,
    mode: 'red',
    newSplit: 'train',
    show: 'both',
    probe: null,
    threshold: 0.5,
    views: { ...DEFAULT_VIEWS },
    dragOrigin: null,
    dragging: null,
    loadCount: 0,
    preset: { ...DEFAULT_PRESET },
  };
}

/**
 * The session's data as one more undo step, keeping the newest: at most UNDO_LIMIT of them and
 * UNDO_POINTS points in all.
 */
function pushPast(s: SessionState): Pick<SessionState, 'past' | 'undoDropped'> {
  const past = [...s.past, entryOf(s)];
  let total = 0;
  let keep = 0;
  for (let i = past.length - 1; i >= 0 && keep < UNDO_LIMIT; i--) {
    total += past[i]!.points.length;
    if (total > UNDO_POINTS && keep > 0) break;
    keep++;
  }
  return { past: past.slice(past.length - keep), undoDropped: s.undoDropped || keep < past.length };
}

/** The session's data as an undo step. */
const entryOf = (s: SessionState): UndoEntry => ({
  points: s.points,
  preset: s.preset,
  edited: s.edited,
});

/** Records `points` as an undoable edit. */
function edit(s: SessionState, points: PointSet, extra: Partial<SessionState> = {}): SessionState {
  return {
    ...s,
    ...extra,
    points,
    ...pushPast(s),
    future: [],
    ...editedOf(s, points),
    edited: true,
  };
}

/**
 * The data version after `points` replaced the session's points: made by one edit (`points.edit`)
 * of the points of the session's version, or (no edit) new data.
 */
function editedOf(s: SessionState, points: PointSet) {
  const version = s.dataVersion + 1;
  return {
    dataVersion: version,
    restart: false,
    editedFrom: points.edit ? { version, base: s.dataVersion } : null,
  };
}

/** The session with an undo step's data back (new data for the worker; the axes re-fit when the
 * data came from elsewhere). */
function restore(s: SessionState, e: UndoEntry): SessionState {
  const moved = e.preset !== s.preset;
  return {
    ...s,
    points: e.points,
    preset: e.preset,
    edited: e.edited,
    dataVersion: s.dataVersion + 1,
    restart: false,
    probe: moved ? null : s.probe,
    dragging: null,
    loadCount: moved ? s.loadCount + 1 : s.loadCount,
    nextId: Math.max(s.nextId, e.points.endId()),
  };
}

/** The preset a change asks for ("Your own points" starts from the tutorial's). */
export function nextPreset(
  current: SessionState['preset'],
  patch: Partial<{ id: PresetId } & PresetOptions>,
): { id: PresetId } & PresetOptions {
  const { id, ...sizes } = current;
  return { id: id === 'custom' ? ('tutorial' as const) : id, ...sizes, ...patch };
}

export function sessionReducer(s: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case 'load':
      // New data is one more undo step: Ctrl+Z brings back what was there (hand-placed points
      // included), whatever replaced it — a preset, Seed/Noise/Points, an import, the recipe.
      return {
        ...initialSession([]),
        hyper: s.hyper,
        engine: s.engine,
        settingsVersion: s.settingsVersion,
        speed: s.speed,
        // The person's choices stay; only the data (and what hangs on them) are new.
        mode: s.mode,
        show: s.show,
        newSplit: s.newSplit,
        threshold: s.threshold,
        views: s.views,
        preset: s.preset,
        loadCount: s.loadCount + 1,
        dataVersion: s.dataVersion + 1,
        restart: true,
        ...pushPast(s),
        // Fresh ids: a point brought back by undo never shares one with a point of these data.
        nextId: s.nextId + a.points.length,
        points: freshIds(a, s.nextId),
      };
    case 'preset': {
      const preset = nextPreset(s.preset, a.patch);
      const points = makePreset(preset.id, preset);
      return { ...sessionReducer(s, { type: 'load', points }), preset, probe: null };
    }
    case 'preset-loaded':
      return {
        ...sessionReducer(s, { type: 'load', points: a.points }),
        preset: a.preset,
        probe: null,
      };
    case 'import':
      return {
        ...sessionReducer(s, { type: 'load', points: a.points }),
        preset: { ...s.preset, id: 'custom' },
        probe: null,
      };
    case 'restored':
      // Not new data but the session's own, made again from the saved settings: no undo step
      // and no new run — training goes on from the saved weights. The axes fit them.
      return {
        ...s,
        points: freshIds(a, s.nextId),
        nextId: s.nextId + a.points.length,
        preset: a.preset,
        dataVersion: s.dataVersion + 1,
        restart: false,
        loadCount: s.loadCount + 1,
      };
    case 'clear':
      return {
        ...edit(s, PointSet.EMPTY),
        restart: true,
        preset: { ...s.preset, id: 'custom' },
        probe: null,
      };
    case 'add': {
      if (!Number.isFinite(a.x1) || !Number.isFinite(a.x2)) return s;
      const p = { x1: a.x1, x2: a.x2, label: a.label, split: s.newSplit };
      return edit(s, s.points.added(p, s.nextId), { nextId: s.nextId + 1 });
    }
    case 'move': {
      const i = s.points.indexOfId(a.id);
      if (!Number.isFinite(a.x1) || !Number.isFinite(a.x2) || i < 0) return s;
      if (!a.commit && s.points.length > LIVE_DRAG_MAX)
        return { ...s, dragging: { id: a.id, x1: a.x1, x2: a.x2 } };
      const points = s.points.moved(i, a.x1, a.x2);
      const origin = s.dragOrigin ?? s.points;
      if (!a.commit) return { ...s, points, dragOrigin: origin, ...editedOf(s, points) };
      return { ...edit({ ...s, points: origin }, points), dragOrigin: null, dragging: null };
    }
    case 'delete': {
      const i = s.points.indexOfId(a.id);
      return i < 0 ? s : edit(s, s.points.removed(i));
    }
    case 'undo': {
      const prev = s.past.at(-1);
      if (!prev) return s;
      return {
        ...restore(s, prev),
        past: s.past.slice(0, -1),
        future: [entryOf(s), ...s.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = s.future;
      if (!next) return s;
      return { ...restore(s, next), past: [...s.past, entryOf(s)], future: rest };
    }
    case 'hyper': {
      const hyper = { ...s.hyper, ...a.patch };
      const same = (Object.keys(hyper) as (keyof Hyper)[]).every((k) => hyper[k] === s.hyper[k]);
      return same ? s : { ...s, hyper, settingsVersion: s.settingsVersion + 1 };
    }
    case 'engine':
      return a.engine === s.engine
        ? s
        : { ...s, engine: a.engine, settingsVersion: s.settingsVersion + 1 };
    case 'speed':
      return { ...s, speed: a.speed };
    case 'mode':
      return { ...s, mode: a.mode };
    // A click must never add a point the plot does not show: showing one split makes new points
    // join it, and making them join a hidden split shows both.
    case 'new-split':
      return {
        ...s,
        newSplit: a.split,
        show: s.show === 'both' || s.show === a.split ? s.show : 'both',
      };
    case 'show':
      return { ...s, show: a.show, newSplit: a.show === 'both' ? s.newSplit : a.show };
    case 'probe':
      return { ...s, probe: a.at };
    case 'views':
      return { ...s, views: { ...s.views, ...a.patch } };
    case 'threshold':
      return Number.isFinite(a.t) ? { ...s, threshold: Math.min(1, Math.max(0, a.t)) } : s;
  }
}
