/**
 * Mouse, touch, pen and keyboard on the parameter-space plot: a press or drag sets (w1, w2) at the
 * pointer, the arrow keys nudge them. Pointer events cover every kind of pointer; moves reach the
 * owner at most once per animation frame. A finger (touch-gesture.ts) sets the weights with a
 * tap, or drags the weights' marker; a swipe elsewhere scrolls the page and sets nothing.
 */
import type { WeightRange } from '../core/loss-surface.ts';
import { keyStep } from './param-geometry.ts';
import { GRAB_PX, holdPageWhile, TapWatch } from './touch-gesture.ts';

/** A pair of weights. */
export interface W12 {
  w1: number;
  w2: number;
}

/** What the interaction needs from the plot. */
export interface ParamTarget {
  /** The element that receives pointer events. */
  readonly element: SVGSVGElement;
  /** The axes' range. */
  range(): WeightRange;
  /** The current weights as last drawn (or stepped to by a key), null if none. */
  weights(): W12 | null;
  /** Notes weights just sent to the owner, before it answers with `setCurrent`. */
  remember(w: W12): void;
  /** Weights under a client position (unclamped). */
  toWeights(clientX: number, clientY: number): W12;
  /** Whether a client position lies in the plot square, give or take `slackPx`. */
  inPlot(clientX: number, clientY: number, slackPx: number): boolean;
  /** Whether a client position lies within `px` of the current weights' marker. */
  nearCurrent(clientX: number, clientY: number, px: number): boolean;
}

/** Where a press still counts as inside the plot: a finger is wider than the edge. */
const SLACK_PX = 8;

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export class ParamInteraction {
  private drag: { pointerId: number; last: W12 } | null = null;
  private readonly tap = new TapWatch();
  private frame = 0;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly target: ParamTarget,
    private readonly focusTarget: HTMLElement,
    private readonly onSet: (w1: number, w2: number, commit: boolean) => void,
  ) {
    const el = target.element;
    this.listen(el, 'pointerdown', (e) => this.down(e as PointerEvent));
    this.listen(el, 'pointermove', (e) => this.move(e as PointerEvent));
    this.listen(el, 'pointerup', (e) => this.up(e as PointerEvent));
    this.listen(el, 'pointercancel', (e) => this.up(e as PointerEvent));
    this.listen(focusTarget, 'keydown', (e) => this.key(e as KeyboardEvent));
    this.off.push(holdPageWhile(el, () => this.drag !== null));
  }

  /** Detaches every listener and drops a pending move. */
  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const f of this.off) f();
  }

  private listen(el: EventTarget, type: string, fn: (e: Event) => void): void {
    el.addEventListener(type, fn);
    this.off.push(() => el.removeEventListener(type, fn));
  }

  /** Weights under the pointer, held inside the visible range. */
  private at(e: PointerEvent): W12 {
    const w = this.target.toWeights(e.clientX, e.clientY);
    const r = this.target.range();
    const clamp = (v: number, [lo, hi]: readonly [number, number]): number =>
      Math.min(hi, Math.max(lo, v));
    return { w1: clamp(w.w1, r.w1), w2: clamp(w.w2, r.w2) };
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0 || this.drag || this.tap.active) return;
    if (!this.target.inPlot(e.clientX, e.clientY, SLACK_PX)) return;
    if (e.pointerType === 'touch' && !this.target.nearCurrent(e.clientX, e.clientY, GRAB_PX)) {
      return this.tap.begin(e);
    }
    // No text selection or native drag; that also stops the browser focusing the host, so do it.
    e.preventDefault();
    this.focusTarget.focus({ preventScroll: true });
    this.drag = { pointerId: e.pointerId, last: this.at(e) };
    this.target.element.setPointerCapture?.(e.pointerId);
    this.schedule();
  }

  private move(e: PointerEvent): void {
    if (this.tap.move(e)) return;
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    this.drag.last = this.at(e);
    this.schedule();
  }

  private up(e: PointerEvent): void {
    if (e.type === 'pointercancel' && this.tap.cancel(e)) return;
    if (this.tap.end(e)) {
      this.focusTarget.focus({ preventScroll: true });
      return this.set(this.at(e));
    }
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    // A cancelled drag (the browser took the touch) still commits where it got to.
    const w = e.type === 'pointercancel' ? this.drag.last : this.at(e);
    this.drag = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.set(w);
  }

  /** Sets and commits the weights. */
  private set(w: W12): void {
    this.target.remember(w);
    this.onSet(w.w1, w.w2, true);
  }

  /** One uncommitted update per animation frame, with the latest pointer position. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.drag) this.onSet(this.drag.last.w1, this.drag.last.w2, false);
    });
  }

  private key(e: KeyboardEvent): void {
    const dir = ARROWS[e.key];
    if (!dir || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const r = this.target.range();
    const now = this.target.weights();
    const from =
      now && Number.isFinite(now.w1) && Number.isFinite(now.w2)
        ? now
        : { w1: (r.w1[0] + r.w1[1]) / 2, w2: (r.w2[0] + r.w2[1]) / 2 };
    const w = keyStep(from, dir, r, e.shiftKey ? 1 / 10 : 1 / 50);
    // Held keys repeat faster than the owner re-renders: step on from here, not from stale props.
    this.target.remember(w);
    this.onSet(w.w1, w.w2, true);
  }
}
