import type { GridMinimum } from '../core/loss-surface.ts';
import { fmtInt, fmtNum } from './format.ts';

/** What a grid was computed over: its vertices per side, and the points summed (of how many). */
interface GridOf {
  size: number;
  n: number;
  total: number;
}

/**
 * The caption's "Lowest on the grid" readout. A grid cut to a sample of the points (to stay live)
 * has its lowest cell where the sample's loss is lowest, not the data's: it says so. A lowest
 * cell on the border says the loss keeps falling beyond the view.
 */
export function gridLowestText(
  low: GridMinimum,
  grid: GridOf,
  axes: readonly [string, string],
): string {
  const whose =
    grid.n < grid.total
      ? `Lowest on this quick grid (J of ${fmtInt(grid.n)} of the ${fmtInt(grid.total)} points): `
      : 'Lowest on the grid: ';
  const at = `J = ${fmtNum(low.value, 6)} at ${axes[0]} = ${fmtNum(low.w1, 4)}, ${axes[1]} = ${fmtNum(low.w2, 4)}`;
  const last = grid.size - 1;
  const edge = low.i === 0 || low.j === 0 || low.i === last || low.j === last;
  return whose + at + (edge ? ', on the edge of the view: J keeps falling beyond it' : '');
}
