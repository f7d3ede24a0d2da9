import { memo } from 'react';
import type { Gradient } from '../core/maths.ts';
import { presetAbout } from './dataset-controls.tsx';
import { PlotLegend, type LegendOptions } from './plot-legend.tsx';
import { PullsNote } from './pulls-note.tsx';
import type { SessionState } from './session.ts';
import { Toggle } from './toggle.tsx';

/** A view option of the data plot: its label, whether it is on, and how to switch it. */
export type PlotOption = [label: string, on: boolean, set: (on: boolean) => void];

/**
 * Everything under the data plot that explains it: the legend, how many points of each kind are
 * on it (the plot's description too), what the data set is, the view options, the gradient
 * pulls' sum when shown, and how to use mouse and keyboard on the plot.
 */
export const PlotNotes = memo(function PlotNotes({
  legend,
  summary,
  session,
  options,
  pulls,
}: {
  legend: LegendOptions;
  /** "N points: R red (class 0), B blue (class 1); T train, S test." */
  summary: string;
  session: Pick<SessionState, 'preset' | 'edited' | 'mode' | 'hyper'>;
  options: PlotOption[];
  pulls: { sum: Gradient; largest: number; tooMany: boolean } | null;
}) {
  return (
    <>
      <PlotLegend {...legend} />
      <p id="data-plot-summary" className="plot-summary">
        {summary}
      </p>
      <p className="about">
        {presetAbout(session.preset.id)}
        {session.edited && session.preset.id !== 'custom'
          ? ' You have edited these points since: what the app says about the optimum is for the points on screen.'
          : ''}
      </p>
      <div className="toggles">
        {options.map(([label, on, set]) => (
          <Toggle key={label} label={label} checked={on} onChange={set} />
        ))}
      </div>
      {pulls && <PullsNote {...pulls} features={session.hyper.features !== 'none'} />}
      <p id="data-plot-keys" className="hint">
        {session.mode === 'classify'
          ? 'Click or tap anywhere — or on a point — to classify it; points are not edited in this mode.'
          : 'Click or tap adds a point (shift-click: the other colour), drag moves one (a finger rests on it first), alt-click or a long touch deletes; a swipe scrolls.'}{' '}
        Keyboard: arrows move the crosshair, Enter clicks there, N jumps to the next point, Delete
        removes it; Space plays or pauses; Ctrl+Z / Ctrl+Shift+Z undo and redo.
      </p>
    </>
  );
});
