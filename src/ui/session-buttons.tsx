import { useState } from 'react';
import { shareLink, STORAGE_KEY } from './persistence.ts';
import { dropPointsApart } from './points-apart.ts';
import type { SessionState } from './session.ts';
import { fmtCount } from '../core/count.ts';

/**
 * "Share link" (makes a link to the session, copies it, shows it with what it holds, in the menu
 * that stays open for it: the page's notices are under the menu) and "New session".
 */
export function SessionButtons({ session }: { session: SessionState }) {
  // The link shown is the one made for the session on screen: an edit since takes it away.
  const [shared, setShared] = useState<{ of: SessionState; url: string; said: string } | null>(
    null,
  );
  const now = shared?.of === session ? shared : null;
  const share = async () => {
    // Shown and copied, never put into this page's address: a reload would then open the link
    // and drop the work done since.
    const { url, pointsOmitted } = shareLink(location.href, session);
    setShared({ of: session, url, said: '' });
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission: the link is shown to copy by hand.
    }
    const what = pointsOmitted
      ? `The link holds the settings but not your ${fmtCount(session.points.length)} points (more than 2,000): use Export CSV for those.`
      : 'The link reproduces this session.';
    setShared({ of: session, url, said: `${copied ? 'Link copied. ' : ''}${what}` });
  };
  const newSession = () => {
    const ok = window.confirm(
      'Start a new session? Your points, settings and training here are replaced by the tutorial preset (Export CSV keeps your points).',
    );
    if (!ok) return;
    try {
      localStorage.removeItem(STORAGE_KEY);
      dropPointsApart(localStorage);
    } catch {
      /* storage blocked: nothing was saved */
    }
    location.replace(location.pathname);
  };
  return (
    <div className="session-buttons">
      <button type="button" data-keep-open onClick={() => void share()}>
        Share link
      </button>
      <button type="button" onClick={newSession}>
        New session
      </button>
      {now && (
        <input
          className="share-link"
          readOnly
          value={now.url}
          aria-label="Link to this session"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <p className="share-note" role="status">
        {now?.said}
      </p>
    </div>
  );
}
