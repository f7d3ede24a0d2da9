import { useEffect, useRef } from 'react';

interface Actions {
  undo: () => void;
  redo: () => void;
  playPause: () => void;
}

/**
 * Elements where Space means something of its own: typing, pressing a button or link, ticking a
 * box or a radio, opening a list. A slider and the plots do not use Space, so there it plays.
 */
function ownsKeys(t: HTMLElement | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLInputElement) return t.type !== 'range';
  return !!t.closest('textarea, select, button, a[href], summary');
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes — except while typing in a text field
 * (in a number field once its text is applied, they are the app's again).
 * Space plays or pauses when focus is on nothing that uses Space itself.
 */
export function useShortcuts(actions: Actions): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && !ownsKeys(t)) {
        e.preventDefault();
        ref.current.playPause();
        return;
      }
      // A number field whose text is applied (data-applied) holds no typing of its own to undo:
      // there Ctrl+Z undoes the change it made to the data, as the README promises.
      const typing =
        t &&
        !t.dataset.applied &&
        (t.tagName === 'TEXTAREA' ||
          t.isContentEditable ||
          (t.tagName === 'INPUT' &&
            !['range', 'radio', 'checkbox'].includes((t as HTMLInputElement).type)));
      if (typing || !(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) ref.current.undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') ref.current.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
