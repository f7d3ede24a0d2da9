import type { Diverged } from '../worker/protocol.ts';
import { DivergedBanner } from './diverged-banner.tsx';
import { fmtInt } from './format.ts';
import { Notices } from './notices.tsx';
import { memo, useSyncExternalStore } from 'react';
import type { LoadingStore } from './use-data-loading.ts';
import type { ShownMessage } from './use-page-messages.ts';

/** A message from the page itself (imports, exports, links, storage). */
export interface PageMessage {
  kind: 'error' | 'info';
  text: string;
}

interface Props {
  /** Big data on their way (made or parsed in the data worker). */
  loading: LoadingStore;
  /** The page's own messages, oldest first. */
  messages: readonly ShownMessage[];
  onDismissMessage: (id: number) => void;
  /** The epoch budget, when the run has reached it (else null). */
  doneAt: number | null;
  diverged: Diverged | null;
  maxStableLr: number;
  onRestore: () => void;
  /** The worker's notices: fallbacks, lost contexts, restarts. */
  notices: string[];
  onDismissNotice: (i: number) => void;
}

/** Big data on their way: what, and a bar for how far. */
function LoadingNote({ store }: { store: LoadingStore }) {
  const loading = useSyncExternalStore(store.subscribe, store.get);
  if (!loading) return null;
  return (
    <div className="loading-note">
      {/* Announced once (what is loading); the bar carries how far, without chatter. */}
      <span role="status">{loading.what}…</span>
      <progress max={1} value={loading.fraction} aria-label={loading.what} />
      <span aria-hidden="true">{Math.round(100 * loading.fraction)} %</span>
    </div>
  );
}

/**
 * Every message in one place, beside the run controls: what the page did (import, export, share),
 * why training stopped (done, diverged) and what the worker had to do (engine fallbacks, lost
 * WebGL contexts, restarts). It sits in the run bar, so it never pushes the plot down.
 */
export const NoticeArea = memo(function NoticeArea(p: Props) {
  return (
    <div className="notice-area">
      <LoadingNote store={p.loading} />
      {p.messages.map((m) => (
        <p
          key={m.id}
          className={`io-message ${m.kind}`}
          role={m.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{m.text}</span>
          <button
            type="button"
            onClick={() => p.onDismissMessage(m.id)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </p>
      ))}
      {p.doneAt !== null && (
        <p className="done-note" role="status">
          Done: the epoch budget ({fmtInt(p.doneAt)}) is reached. Raise Epochs to go on, or Reset.
        </p>
      )}
      {p.diverged && (
        <DivergedBanner d={p.diverged} maxStableLr={p.maxStableLr} onRestore={p.onRestore} />
      )}
      <Notices notices={p.notices} onDismiss={p.onDismissNotice} />
    </div>
  );
});
