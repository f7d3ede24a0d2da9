/**
 * The page's own messages (imports, exports, links, storage) for the notice area: information
 * fades after a while so it does not pile up beside the run controls; errors stay until read.
 */
import { useEffect, useState, type Dispatch } from 'react';
import { trainingSplitProblem } from '../core/dataset.ts';
import { fmtInt } from './format.ts';
import type { PageMessage } from './notice-area.tsx';
import type { Loaded, SessionAction } from './session.ts';
import { splitOf } from './split-arrays.ts';

/** How long information stays on screen. */
export const INFO_MS = 12_000;

export function usePageMessages(first: PageMessage | null, dispatch: Dispatch<SessionAction>) {
  const [message, setMessage] = useState<PageMessage | null>(first);
  useEffect(() => {
    if (message?.kind !== 'info') return;
    const id = setTimeout(() => setMessage((m) => (m === message ? null : m)), INFO_MS);
    return () => clearTimeout(id);
  }, [message]);

  /** Loads imported points, and says what came in — and what stands in training's way. */
  const onImported = (loaded: Loaded, source: string) => {
    const { points } = loaded;
    dispatch({ type: 'import', ...loaded });
    const problem = trainingSplitProblem(splitOf(points));
    setMessage(
      problem
        ? {
            kind: 'error',
            text: `Imported ${fmtInt(points.length)} points from “${source}”, but ${problem[0]!.toLowerCase()}${problem.slice(1)} Add points by clicking the plot, or press Ctrl+Z to undo the import.`,
          }
        : { kind: 'info', text: `Imported ${fmtInt(points.length)} points from “${source}”.` },
    );
  };

  const say = (kind: PageMessage['kind'], text: string) => setMessage({ kind, text });
  return { message, say, clear: () => setMessage(null), onImported };
}
