/**
 * Loading big data without freezing the page (issue #14): a preset of more than WORKER_POINTS
 * points and every CSV import go through the data worker, with progress on screen. The newest
 * request wins: a result that a later preset or import has replaced is dropped.
 */
import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { PresetId, PresetOptions } from '../core/datasets.ts';
import { makePreset } from '../core/datasets.ts';
import { runDataJob, WORKER_POINTS } from './data-jobs.ts';
import { fmtInt } from './format.ts';
import { nextPreset, type Loaded, type SessionAction, type SessionState } from './session.ts';

/** What is loading and how far it is (0…1). */
export interface Loading {
  what: string;
  fraction: number;
}

/**
 * The loading state as a small store: the progress bar subscribes to it alone, so fifty progress
 * updates of a million points re-render the bar, not the page (issue #14).
 */
export class LoadingStore {
  private value: Loading | null = null;
  private readonly listeners = new Set<() => void>();
  get = (): Loading | null => this.value;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  set(value: Loading | null): void {
    if (value === this.value) return;
    this.value = value;
    this.listeners.forEach((fn) => fn());
  }
}

interface Messages {
  say: (kind: 'error' | 'info', text: string, topic?: string) => void;
  onImported: (loaded: Loaded, source: string, note?: string) => void;
}

export function useDataLoading(
  session: SessionState,
  dispatch: Dispatch<SessionAction>,
  messages: Messages,
  pending: ({ id: PresetId } & PresetOptions) | null = null,
) {
  const [loading] = useState(() => new LoadingStore());
  const setLoading = (value: Loading | null) => loading.set(value);
  /** The preset on its way (so a change made meanwhile builds on it), or null. */
  const [wanted, setWanted] = useState<({ id: PresetId } & PresetOptions) | null>(null);
  const wantedRef = useRef(wanted);
  const job = useRef(0);
  /** Stops the job under way (its worker and its slicing). */
  const stopJob = useRef<AbortController | null>(null);
  /** The data version the job under way began on. */
  const jobVersion = useRef(-1);

  // The data changed by hand while a job ran (Clear, Undo, the recipe, an edit): the person's
  // latest action wins, so the job ends and its bar goes.
  useEffect(() => {
    if (!stopJob.current || session.dataVersion === jobVersion.current) return;
    job.current++;
    stopJob.current.abort();
    stopJob.current = null;
    wantedRef.current = null;
    setWanted(null);
    loading.set(null);
  }, [session.dataVersion, loading]);
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  });

  /** Ends the job under way, if any: a newer request, or the data changed by hand. */
  const cancel = () => {
    job.current++;
    stopJob.current?.abort();
    stopJob.current = null;
  };

  /**
   * A new request: replaces any under way; returns its progress reporter, its stop signal and
   * whether it is still wanted — no newer request, and no change of the data since it began
   * (Clear, Undo, the recipe, an edit: the person's latest action wins).
   */
  const begin = (what: string) => {
    cancel();
    const id = job.current;
    const stop = new AbortController();
    stopJob.current = stop;
    const version = latest.current.dataVersion;
    // The points come numbered from the session's next id (it moves only with the data).
    jobVersion.current = version;
    setLoading({ what, fraction: 0 });
    const live = () => job.current === id && latest.current.dataVersion === version;
    const progress = (fraction: number) => {
      if (live()) setLoading({ what, fraction });
    };
    return { live, progress, stop: stop.signal };
  };

  const want = (p: ({ id: PresetId } & PresetOptions) | null) => {
    wantedRef.current = p;
    setWanted(p);
  };

  const onPreset = async (patch: Partial<{ id: PresetId } & PresetOptions>) => {
    const preset = nextPreset(wantedRef.current ?? latest.current.preset, patch);
    if (preset.n <= WORKER_POINTS) {
      cancel(); // a big one under way is replaced by this
      setLoading(null);
      want(null);
      dispatch({ type: 'preset-loaded', preset, points: makePreset(preset.id, preset) });
      return;
    }
    await makeBig(preset, 'preset-loaded');
  };

  /** A big preset's points from the data worker: new data, or the restored session's own. */
  const makeBig = async (
    preset: { id: PresetId } & PresetOptions,
    type: 'preset-loaded' | 'restored',
  ) => {
    const { live, progress, stop } = begin(`Making ${fmtInt(preset.n)} points`);
    want(preset);
    const options = { n: preset.n, noise: preset.noise, seed: preset.seed };
    const job = { type: 'preset', id: preset.id, options } as const;
    const r = await runDataJob(job, progress, stop);
    if (!live()) return;
    setLoading(null);
    want(null);
    if (r.ok) dispatch({ type, preset, points: r.points });
    else
      messages.say(
        'error',
        `Could not make the points: ${r.error} Your current points are unchanged.`,
      );
  };

  const importFile = async (file: File) => {
    const { live, progress, stop } = begin(`Reading “${file.name}”`);
    want(null);
    // The file itself goes to the data worker, which reads it: its text never passes through
    // the page's main thread.
    const r = await runDataJob({ type: 'csv-file', file }, progress, stop);
    if (!live()) return;
    setLoading(null);
    if (r.ok) messages.onImported({ points: r.points }, file.name, r.note);
    else
      messages.say(
        'error',
        `Could not import “${file.name}”: ${r.error} Your current points are unchanged.`,
        'import',
      );
  };

  // A big preset restored by its settings (a reload, a link): made once the page is open.
  const pendingRef = useRef(pending);
  useEffect(() => {
    const p = pendingRef.current;
    pendingRef.current = null;
    if (p) void makeBig(p, 'restored');
    // Once, on mount (makeBig reads the latest state through refs).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { loading, wanted, onPreset, importFile };
}
