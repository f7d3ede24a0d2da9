import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A handler whose identity never changes and that always runs the latest `fn`. Passed to a
 * memoized child, it keeps that child's props equal from one render to the next: the page
 * re-renders for every training frame, and the controls that do not show the frame are skipped.
 * For event handlers only (called after render), never during render.
 */
export function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
