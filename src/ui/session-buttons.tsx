import { useState } from 'react';
import { shareLink, STORAGE_KEY } from './persistence.ts';
import { dropPointsApart } from './points-apart.ts';
import type { SessionState } from './session.ts';
import { fmtCount } from '../core/count.ts';

/** "Share link" (puts the session in the URL, copies it, shows it) and "New session". */
export function SessionButtons({
  session,
  onMessage,
}: {
  session: SessionState;
  onMessage: (text: string) => void;
}) {
  const [link, setLink] = useState('');
  const share = async () => {
    // Shown and copied, never put into this page's address: a reload would then open the link
    // and drop the work done since.
    const { url, pointsOmitted } = shareLink(location.href, session);
    setLink(url);
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
    onMessage(`${copied ? 'Link copied. ' : ''}${what}`);
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
      {link && (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label="Link to this session"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
