/**
 * The page's own messages (imports, exports, links, storage) for the notice area: information
 * fades after a while so it does not pile up beside the run controls; errors stay until read. A
 * message replaces the one on the same topic (a new import's result, the older import's) and joins
 * the others (the newest last, three at most): "Imported 1,000,000 points" and the autosave's
 * "these are not saved" both matter.
 */
import { useEffect, useState, type Dispatch } from 'react';
import { trainingSplitProblem } from '../core/dataset.ts';
import { fmtInt } from './format.ts';
import type { PageMessage } from './notice-area.tsx';
import type { Loaded, SessionAction } from './session.ts';
import { PointSet } from '../core/point-set.ts';

/** How long information stays on screen. */
export const INFO_MS = 12_000;
/** Messages shown at once; an older one makes way. */
const MAX_SHOWN = 3;

/** A message on screen: its key, and when it came (information fades INFO_MS after). */
export interface ShownMessage extends PageMessage {
  id: number;
  at: number;
  topic: string;
}

let nextId = 0;
const shown = (m: PageMessage, topic: string): ShownMessage => ({
  ...m,
  topic,
  id: nextId++,
  at: Date.now(),
});

export function usePageMessages(first: PageMessage | null, dispatch: Dispatch<SessionAction>) {
  const [messages, setMessages] = useState<ShownMessage[]>(() =>
    first ? [shown(first, 'start')] : [],
  );
  useEffect(() => {
    const info = messages.filter((m) => m.kind === 'info');
    if (info.length === 0) return;
    const due = Math.min(...info.map((m) => m.at + INFO_MS));
    const id = setTimeout(
      () => setMessages((ms) => ms.filter((m) => m.kind !== 'info' || m.at + INFO_MS > Date.now())),
      Math.max(0, due - Date.now()),
    );
    return () => clearTimeout(id);
  }, [messages]);

  /**
   * Shows a message, in place of one on the same topic ('import': a file's or a preset's result,
   * 'autosave'; by default the same text).
   */
  const say = (kind: PageMessage['kind'], text: string, topic = text) =>
    setMessages((ms) =>
      [...ms.filter((m) => m.topic !== topic), shown({ kind, text }, topic)].slice(-MAX_SHOWN),
    );

  /**
   * Loads imported points, and says what came in (with `note`: what the file held that a person
   * should know, such as repeated rows) — and what stands in training's way.
   */
  const onImported = (loaded: Loaded, source: string, note?: string) => {
    const points = loaded.points instanceof PointSet ? loaded.points : PointSet.of(loaded.points);
    dispatch({ type: 'import', points });
    const problem = trainingSplitProblem(points.split);
    if (problem)
      say(
        'error',
        `Imported ${fmtInt(points.length)} points from “${source}”, but ${problem[0]!.toLowerCase()}${problem.slice(1)} Add points by clicking the plot, or press Ctrl+Z to undo the import.`,
        'import',
      );
    else
      say(
        'info',
        `Imported ${fmtInt(points.length)} points from “${source}”.${note ? ` ${note}` : ''}`,
        'import',
      );
  };

  const dismiss = (id: number) => setMessages((ms) => ms.filter((m) => m.id !== id));
  /** Takes down the information on `topic` (an error stays until read). */
  const retire = (topic: string) =>
    setMessages((ms) =>
      ms.some((m) => m.topic === topic && m.kind === 'info')
        ? ms.filter((m) => m.topic !== topic || m.kind !== 'info')
        : ms,
    );
  return { messages, say, dismiss, retire, onImported };
}
