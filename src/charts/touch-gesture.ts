/**
 * A finger is not a mouse. On a phone a plot fills the screen's width, so a thumb that scrolls
 * the page lands on it. The plots therefore let a vertical swipe scroll (CSS `touch-action:
 * pan-y pinch-zoom`), act on a touch only when it ends as a tap, and hold the page still only
 * when the finger lands on something it can drag (a point, the weights' marker, the ROC mark).
 *
 * Pointer events reach the page before touch events, so a `touchstart` listener that is not
 * passive can still cancel the scroll for a touch the pointer handler has just grabbed.
 */

/** How far (px) a finger may stray and still tap, or hold a point without dragging it. */
export const TAP_SLOP_PX = 10;
/** How near (px) a finger must land to a small mark to grab it: a fingertip is ~40 px wide. */
export const GRAB_PX = 22;
/** A touch held longer than this (ms) is a press, not a tap: it adds or sets nothing. */
export const TAP_MAX_MS = 500;

/** Whether a pointer has moved more than TAP_SLOP_PX from where it began. */
export function strayed(from: readonly [number, number], e: PointerEvent): boolean {
  return Math.hypot(e.clientX - from[0], e.clientY - from[1]) > TAP_SLOP_PX;
}

/** A touch that grabbed nothing: it counts as a tap only if it ends near where it began. */
export class TapWatch {
  private tap: { pointerId: number; from: [number, number]; at: number } | null = null;

  /** Whether a tap is being watched (a second finger is then a pinch, not a tap). */
  get active(): boolean {
    return this.tap !== null;
  }

  begin(e: PointerEvent): void {
    this.tap = { pointerId: e.pointerId, from: [e.clientX, e.clientY], at: e.timeStamp };
  }

  /** Forgets the watched touch (a second finger came down: a pinch, not a tap). */
  drop(): void {
    this.tap = null;
  }

  /** Whether `e` belongs to the watched touch (which a stray move gives up). */
  move(e: PointerEvent): boolean {
    if (this.tap?.pointerId !== e.pointerId) return false;
    if (strayed(this.tap.from, e)) this.tap = null;
    return true;
  }

  /** Whether `e` (pointerup) ends the watched touch as a tap: near, and soon enough. */
  end(e: PointerEvent): boolean {
    const tap = this.tap;
    if (tap?.pointerId !== e.pointerId) return false;
    this.tap = null;
    return !strayed(tap.from, e) && e.timeStamp - tap.at <= TAP_MAX_MS;
  }

  /** Drops the watched touch (pointercancel: the browser took it to scroll); whether it was. */
  cancel(e: PointerEvent): boolean {
    if (this.tap?.pointerId !== e.pointerId) return false;
    this.tap = null;
    return true;
  }
}

/**
 * Keeps the page from scrolling under a finger that `grabbing()` says has grabbed something:
 * at `touchstart` (a grab on landing) or, for a grab after a hold, at the first `touchmove` (which
 * the browser waits for before it scrolls, as the listener is not passive). Returns the function
 * that removes the listeners.
 */
export function holdPageWhile(el: Element, grabbing: () => boolean): () => void {
  const hold = (e: Event) => {
    if (grabbing() && e.cancelable) e.preventDefault();
  };
  el.addEventListener('touchstart', hold, { passive: false });
  el.addEventListener('touchmove', hold, { passive: false });
  return () => {
    el.removeEventListener('touchstart', hold);
    el.removeEventListener('touchmove', hold);
  };
}
