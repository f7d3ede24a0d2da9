/** Messages from the worker and the page (fallbacks, lost contexts, restarts), dismissible. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: string[];
  onDismiss: (i: number) => void;
}) {
  return (
    <div className="notices" role="log" aria-label="Notices" aria-live="polite">
      {notices.map((n, i) => (
        <p key={`${i}-${n}`} className="notice">
          <span>{n}</span>
          <button
            type="button"
            onClick={() => onDismiss(i)}
            aria-label={`Dismiss notice: ${n.slice(0, 60)}`}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
