import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** The button that opens the secondary actions (import, export, share, new session). */
export const ACTIONS_MENU_NAME = 'Import, export, share';

/**
 * A disclosure button with a panel that floats over the page, so the secondary actions take no
 * room from the plot. Escape closes it and gives the focus back to its button; so does any action
 * in it but one marked `data-keep-open`. A press outside closes it too — and on a plot does
 * nothing more (no point added by the click that closes a menu).
 */
export function ActionsMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (rootRef.current?.contains(e.target as Node)) return;
      setOpen(false);
      // A press on a plot closes the menu and does nothing else: there it would add or move a
      // point (or set the weights) that the person only meant to click the menu away with.
      if ((e.target as Element).closest?.('[role="application"]')) {
        e.stopPropagation();
        e.preventDefault();
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    // In the capture phase: before the plot's own listener sees the press.
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="actions-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {ACTIONS_MENU_NAME} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        className="actions-panel"
        hidden={!open}
        onClick={(e) => {
          // An action closes the menu (it must not cover the run controls); one that shows its
          // result inside the menu (Share link) keeps it open.
          const t = e.target as HTMLElement;
          if (!t.closest('button') || t.closest('[data-keep-open]')) return;
          setOpen(false);
          buttonRef.current?.focus();
        }}
      >
        {children}
      </div>
    </div>
  );
}
