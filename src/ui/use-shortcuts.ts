import { useEffect, useRef } from 'react';

interface Actions {
  undo: () => void;
  redo: () => void;
  playPause: () => void;
}

/** Elements where a key means something of its own (typing, pressing, choosing, the plot). */
function ownsKeys(t: HTMLElement | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  if (t.closest('input, textarea, select, button, a[href], summary')) return true;
  return false;
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes — except while typing in a text field.
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
      const typing =
        t &&
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
