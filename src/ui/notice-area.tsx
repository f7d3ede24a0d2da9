import type { Diverged } from '../worker/protocol.ts';
import { DivergedBanner } from './diverged-banner.tsx';
import { fmtInt } from './format.ts';
import { Notices } from './notices.tsx';
import type { Loading } from './use-data-loading.ts';

/** A message from the page itself (imports, exports, links, storage). */
export interface PageMessage {
  kind: 'error' | 'info';
  text: string;
}

interface Props {
  /** Big data on their way (made or parsed in the data worker), or null. */
  loading: Loading | null;
  message: PageMessage | null;
  onDismissMessage: () => void;
  /** The epoch budget, when the run has reached it (else null). */
  doneAt: number | null;
  diverged: Diverged | null;
  maxStableLr: number;
  onRestore: () => void;
  /** The worker's notices: fallbacks, lost contexts, restarts. */
  notices: string[];
  onDismissNotice: (i: number) => void;
}

/**
 * Every message in one place, beside the run controls: what the page did (import, export, share),
 * why training stopped (done, diverged) and what the worker had to do (engine fallbacks, lost
 * WebGL contexts, restarts). It sits in the run bar, so it never pushes the plot down.
 */
export function NoticeArea(p: Props) {
  return (
    <div className="notice-area">
      {p.loading && (
        <div className="loading-note">
          {/* Announced once (what is loading); the bar carries how far, without chatter. */}
          <span role="status">{p.loading.what}…</span>
          <progress max={1} value={p.loading.fraction} aria-label={p.loading.what} />
          <span aria-hidden="true">{Math.round(100 * p.loading.fraction)} %</span>
        </div>
      )}
      {p.message && (
        <p
          className={`io-message ${p.message.kind}`}
          role={p.message.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{p.message.text}</span>
          <button type="button" onClick={p.onDismissMessage} aria-label="Dismiss message">
            ×
          </button>
        </p>
      )}
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
}
