/**
 * The descent path on the parameter-space plane, kept as training adds to it: each frame projects
 * only the curve points that came since the last one, and grows their bounding box (what fits the
 * view's range) by those alone. Late in a long run the curve holds ~10,000 points, and mapping
 * them all 60 times a second was ~8 % of the page's main thread (issue #14).
 */
import { growBox, type WeightBox } from '../core/loss-surface.ts';
import type { Weights } from '../core/maths.ts';

export type Project = (w: Weights) => Weights;

export class ProjectedTrail {
  private src: readonly { weights: Weights }[] = [];
  private project: Project | null = null;
  private path: Weights[] = [];
  private box: WeightBox | null = null;

  /**
   * `history`'s weights projected by `project`, and their box. A history that extends the last
   * one (the same first and last-seen entries) costs only its new entries; another history, or
   * another plane, is projected afresh. The returned path is a new array whenever it changed.
   */
  of(
    history: readonly { weights: Weights }[],
    project: Project,
  ): { path: readonly Weights[]; box: WeightBox | null } {
    const n = this.src.length;
    const grown =
      this.project === project &&
      n <= history.length &&
      (n === 0 || (history[0] === this.src[0] && history[n - 1] === this.src[n - 1]));
    const from = grown ? n : 0;
    if (!grown || from < history.length) {
      const fresh = history.slice(from).map((h) => project(h.weights));
      this.path = from === 0 ? fresh : this.path.concat(fresh);
      this.box = growBox(from === 0 ? null : this.box, fresh);
    }
    this.src = history;
    this.project = project;
    return { path: this.path, box: this.box };
  }
}
