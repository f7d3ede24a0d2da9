/**
 * Mouse, touch, pen and keyboard on the data plot. Pointer events cover all three kinds of
 * pointer; the keyboard drives a crosshair so that everything a click does, a key does too
 * (Enter clicks; Space is left to the page, where it plays and pauses).
 *
 * A finger is not a mouse (touch-gesture.ts): a swipe across the plot scrolls the page, so a
 * touch adds or classifies only when it ends as a tap. A finger that rests on a point for
 * GRAB_HOLD_MS grabs it: the page holds still and the point follows the finger (a flick that
 * merely starts on a point still scrolls). Held on without moving, it deletes the point.
 *
 * Nothing is added, classified or dragged outside the axes' box: a click in the margin does
 * nothing, and a dragged point stops at the edge (past it, the axes would grow under the
 * pointer, which would then map further out, and so on).
 */
import type { DataPlot, PlotPoint } from './data-plot.ts';
import { HitGrid, nextInOrder } from './hit-grid.ts';
import { holdPageWhile, strayed, TapWatch } from './touch-gesture.ts';

/** What the plot asks its owner to do; the owner (React) holds the state. */
export interface PlotHandlers {
  /**
   * Whether clicks edit the data (add, drag, delete). When not (Classify), every click — on a
   * point or not — only asks for a classification, and nothing is dragged or deleted.
   */
  edits(): boolean;
  /** A click (or Enter) at data coordinates; `other` = shift held (the other colour). */
  onClick(x1: number, x2: number, other: boolean): void;
  /** A point dragged to (x1, x2); `commit` on release. */
  onMove(id: number, x1: number, x2: number, commit: boolean): void;
  onDelete(id: number): void;
  /** The keyboard crosshair or the point under it changed. */
  onCursor(cursor: [number, number] | null, focusedId: number | null): void;
  /** The pointer is over a point (its readout is shown), or over none. */
  onHover(id: number | null): void;
  /** A finger grabbed this point and rests on it (a hold will delete it), or none does now. */
  onHold(id: number | null): void;
}

/** Pixel radius within which a pointer grabs a point. */
const HIT_PX = 9;
/** How long (ms) a finger rests on a point, unmoved, to grab it (a quicker move scrolls). */
export const GRAB_HOLD_MS = 180;
/** How long (ms) a finger rests on a point, unmoved, to delete it. */
export const HOLD_MS = 700;

interface Drag {
  id: number;
  pointerId: number;
  moved: boolean;
  /** Where it was last moved to (data coordinates). */
  last: [number, number] | null;
  /** Where a touch began (client px): it moves the point only once past TAP_SLOP_PX. */
  from: [number, number] | null;
}

export class PlotInteraction {
  private drag: Drag | null = null;
  /** A touch that began off a point (or in Classify): it clicks if it ends as a tap. */
  private readonly tap = new TapWatch();
  /** A finger on a point, not yet grabbed (it may still be a flick that scrolls). */
  private press: { id: number; pointerId: number; from: [number, number] } | null = null;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private grid: { version: number; grid: HitGrid } | null = null;
  private cursor: [number, number] | null = null;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly plot: DataPlot,
    focusTarget: HTMLElement,
    private readonly handlers: PlotHandlers,
  ) {
    const svg = plot.element;
    this.listen(svg, 'pointerdown', (e) => this.down(e as PointerEvent));
    this.listen(svg, 'pointermove', (e) => this.move(e as PointerEvent));
    this.listen(svg, 'pointerup', (e) => this.up(e as PointerEvent));
    this.listen(svg, 'pointercancel', (e) => this.cancel(e as PointerEvent));
    this.listen(svg, 'pointerleave', () => this.handlers.onHover(null));
    this.off.push(holdPageWhile(svg, () => this.drag !== null));
    // A long press on a point deletes it; it must not also open the browser's menu.
    this.listen(svg, 'contextmenu', (e) => {
      if ((e as PointerEvent).pointerType === 'touch') e.preventDefault();
    });
    this.listen(focusTarget, 'keydown', (e) => this.key(e as KeyboardEvent));
    // The crosshair is for the keyboard: a mouse click focuses the plot too, and must not draw it.
    this.listen(focusTarget, 'focus', () => {
      if (focusTarget.matches(':focus-visible')) this.setCursor(this.cursor ?? centre(plot));
    });
    this.listen(focusTarget, 'blur', () => this.handlers.onCursor(null, null));
  }

  /** Detaches every listener. */
  destroy(): void {
    this.stopHold();
    this.press = null;
    for (const f of this.off) f();
  }

  private listen(
    el: EventTarget,
    type: string,
    fn: (e: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    el.addEventListener(type, fn, options);
    this.off.push(() => el.removeEventListener(type, fn, options));
  }

  /** The visible point within HIT_PX pixels of a client position, nearest first. */
  private hit(clientX: number, clientY: number): PlotPoint | null {
    const rect = this.plot.element.getBoundingClientRect();
    const px = clientX - rect.left;
    const py = clientY - rect.top;
    return this.index().find(px, py, HIT_PX) ?? null;
  }

  /** The visible points by pixel cell, rebuilt only when points or scales changed. */
  private index(): HitGrid {
    const version = this.plot.layoutVersion;
    const old = this.grid;
    if (old?.version !== version) {
      // Points only appended since (an added point): the grid extends, no pass over them all.
      const points = this.plot.visiblePoints;
      const grown = old && this.plot.appendedSince(old.version) ? old.grid.extended(points) : null;
      const { width, height } = this.plot.size;
      const toPixels = (x1: number, x2: number) => this.plot.toPixels(x1, x2);
      const grid = grown ?? new HitGrid(points, toPixels, width, height, HIT_PX);
      this.grid = { version, grid };
      return grid;
    }
    return old.grid;
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    const p = this.hit(e.clientX, e.clientY);
    this.handlers.onHover(p?.id ?? null);
    if (e.pointerType === 'touch') return this.touchDown(e, p);
    if (!this.handlers.edits()) {
      // Classify: a click on a point classifies that point, anywhere else that spot.
      if (p || this.inBox(e)) this.click(e, p, false);
      return;
    }
    if (e.altKey) {
      // Alt-click deletes the point under it; a miss does nothing (it never adds a point).
      e.preventDefault();
      if (p) this.handlers.onDelete(p.id);
      return;
    }
    if (p) {
      e.preventDefault();
      this.grab(p.id, e.pointerId, null);
      return;
    }
    if (this.inBox(e)) this.click(e, null, e.shiftKey);
  }

  /** A finger lands: on a point it may grab it (after a rest); elsewhere it may tap. */
  private touchDown(e: PointerEvent, p: PlotPoint | null): void {
    if (this.drag || this.press || this.tap.active) {
      // A second finger: the page's pinch, not an edit. A grabbed point stays grabbed.
      this.tap.drop();
      this.endPress();
      return;
    }
    if (!p || !this.handlers.edits()) return this.tap.begin(e);
    this.press = { id: p.id, pointerId: e.pointerId, from: [e.clientX, e.clientY] };
    this.holdTimer = setTimeout(() => this.grabPressed(), GRAB_HOLD_MS);
  }

  /** The finger rested on its point: grab it, and delete it if it rests on. */
  private grabPressed(): void {
    const press = this.press;
    this.press = null;
    if (!press) return;
    this.grab(press.id, press.pointerId, press.from);
    this.handlers.onHold(press.id);
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null;
      const d = this.drag;
      if (!d || d.moved) return;
      this.drag = null;
      this.handlers.onHold(null);
      this.handlers.onHover(null);
      this.handlers.onDelete(d.id);
    }, HOLD_MS - GRAB_HOLD_MS);
  }

  private endPress(): void {
    if (this.press) this.stopHold();
    this.press = null;
  }

  private grab(id: number, pointerId: number, from: [number, number] | null): void {
    this.drag = { id, pointerId, moved: false, last: null, from };
    this.plot.element.setPointerCapture?.(pointerId);
  }

  /** A click at the pointer: in Classify, on the point under it if any. */
  private click(e: PointerEvent, p: PlotPoint | null, other: boolean): void {
    const [x1, x2] = p ? [p.x1, p.x2] : this.plot.toData(e.clientX, e.clientY);
    this.handlers.onClick(x1, x2, other);
  }

  private move(e: PointerEvent): void {
    if (this.tap.move(e)) return;
    if (this.press?.pointerId === e.pointerId) {
      // Moved before the rest that grabs: a flick or a swipe, the browser's to scroll.
      if (strayed(this.press.from, e)) this.endPress();
      return;
    }
    if (!this.drag) {
      if (e.pointerType === 'mouse')
        this.handlers.onHover(this.hit(e.clientX, e.clientY)?.id ?? null);
      return;
    }
    const d = this.drag;
    if (e.pointerId !== d.pointerId) return;
    if (!d.moved && d.from && !strayed(d.from, e)) return; // a finger's tremor is not a drag
    this.stopHold();
    const [x1, x2] = this.toBox(e);
    d.moved = true;
    d.last = [x1, x2];
    this.handlers.onMove(d.id, x1, x2, false);
  }

  private up(e: PointerEvent): void {
    if (this.tap.end(e)) {
      const p = this.handlers.edits() ? null : this.hit(e.clientX, e.clientY);
      if (p || this.inBox(e)) this.click(e, p, false);
      return;
    }
    if (this.press?.pointerId === e.pointerId) return this.endPress(); // a tap on a point
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    const { id, moved } = this.drag;
    this.drag = null;
    this.stopHold();
    if (moved) {
      const [x1, x2] = this.toBox(e);
      this.handlers.onMove(id, x1, x2, true);
    }
  }

  /** The browser took the pointer (a scroll began): a tap is off; a drag ends where it was. */
  private cancel(e: PointerEvent): void {
    if (this.tap.cancel(e)) return;
    if (this.press?.pointerId === e.pointerId) return this.endPress();
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.drag = null;
    this.stopHold();
    if (d.last) this.handlers.onMove(d.id, d.last[0], d.last[1], true);
  }

  /** Data coordinates under the pointer, held inside the axes' box. */
  private toBox(e: PointerEvent): [number, number] {
    const [x1, x2] = this.plot.toData(e.clientX, e.clientY);
    const b = this.plot.dataBox;
    return [Math.min(b.x1, Math.max(b.x0, x1)), Math.min(b.y1, Math.max(b.y0, x2))];
  }

  /** Whether the pointer is inside the axes' box (not in the margins with the tick labels). */
  private inBox(e: PointerEvent): boolean {
    const [x1, x2] = this.plot.toData(e.clientX, e.clientY);
    const b = this.plot.dataBox;
    return x1 >= b.x0 && x1 <= b.x1 && x2 >= b.y0 && x2 <= b.y1;
  }

  private stopHold(): void {
    if (this.holdTimer !== null) {
      clearTimeout(this.holdTimer);
      this.handlers.onHold(null);
    }
    this.holdTimer = null;
  }

  private key(e: KeyboardEvent): void {
    const box = this.plot.dataBox;
    const stepBase = (box.x1 - box.x0) / (e.shiftKey ? 10 : 50);
    const [cx, cy] = this.cursor ?? centre(this.plot);
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const dir = arrows[e.key];
    if (dir) {
      e.preventDefault();
      const nx = Math.min(box.x1, Math.max(box.x0, cx + dir[0] * stepBase));
      const ny = Math.min(box.y1, Math.max(box.y0, cy + dir[1] * stepBase));
      return this.setCursor([nx, ny]);
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const p = this.handlers.edits() ? null : this.pointAtCursor();
      return this.handlers.onClick(p?.x1 ?? cx, p?.x2 ?? cy, e.shiftKey);
    }
    if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      return this.jumpToPoint(e.key === 'N' ? -1 : 1);
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && this.handlers.edits()) {
      const p = this.pointAtCursor();
      if (p) {
        e.preventDefault();
        this.handlers.onDelete(p.id);
        this.handlers.onCursor(this.cursor, null);
      }
    }
  }

  private pointAtCursor(): PlotPoint | null {
    if (!this.cursor) return null;
    const [px, py] = this.plot.toPixels(this.cursor[0], this.cursor[1]);
    const rect = this.plot.element.getBoundingClientRect();
    return this.hit(px + rect.left, py + rect.top);
  }

  /** Moves the crosshair onto the next (or previous) visible point, in x order. */
  private jumpToPoint(dir: 1 | -1): void {
    const next = nextInOrder(this.plot.visiblePoints, this.pointAtCursor(), dir);
    if (next) this.setCursor([next.x1, next.x2]);
  }

  private setCursor(c: [number, number]): void {
    this.cursor = c;
    this.handlers.onCursor(c, this.pointAtCursor()?.id ?? null);
  }
}

function centre(plot: DataPlot): [number, number] {
  const b = plot.dataBox;
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
}
