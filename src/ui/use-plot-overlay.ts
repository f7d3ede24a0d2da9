/**
 * The data plot's conversation with the page: what a click, drag or key does to the session, and
 * what the plot draws on top (the classify marker, the keyboard crosshair, the ring on the focused
 * point and the readout of the point under the pointer or the crosshair).
 */
import { useMemo, useState, type Dispatch } from 'react';
import type { Weights } from '../core/maths.ts';
import type { Prediction } from '../core/metrics.ts';
import type { PlotHandlers } from '../charts/plot-interaction.ts';
import { pointReadout, probeLabel } from './point-readout.ts';
import type { SessionAction, SessionState } from './session.ts';

/** The readout's last line while a finger rests on a point it grabbed. */
export const HOLD_HINT = 'Drag to move; hold on to delete.';

export function usePlotOverlay(
  session: SessionState,
  dispatch: Dispatch<SessionAction>,
  model: Weights | null,
  prediction: Prediction | null,
) {
  const [cursor, setCursor] = useState<{ at: [number, number] | null; focusedId: number | null }>({
    at: null,
    focusedId: null,
  });
  const [hoverId, setHoverId] = useState<number | null>(null);
  const [holdId, setHoldId] = useState<number | null>(null);
  const handlers: PlotHandlers = {
    edits: () => session.mode !== 'classify',
    onHover: setHoverId,
    onHold: setHoldId,
    onClick(x1, x2, other) {
      if (session.mode === 'classify') return dispatch({ type: 'probe', at: { x1, x2 } });
      const base = session.mode === 'red' ? 0 : 1;
      dispatch({ type: 'add', x1, x2, label: (other ? 1 - base : base) as 0 | 1 });
    },
    onMove: (id, x1, x2, commit) => dispatch({ type: 'move', id, x1, x2, commit }),
    onDelete: (id) => dispatch({ type: 'delete', id }),
    onCursor: (at, focusedId) => setCursor({ at, focusedId }),
  };

  const tipId = hoverId ?? cursor.focusedId;
  // A point dragged on big data is where the pointer is, though the data move on release.
  const d = session.dragging;
  const held = d && session.points.byId(d.id);
  const dragging = held && d ? { ...held, x1: d.x1, x2: d.x2 } : null;
  const tipPoint = dragging?.id === tipId ? dragging : session.points.byId(tipId);
  const read = tipPoint ? pointReadout(tipPoint, model) : null;
  // A finger resting on a point is told what resting on does, before it does it.
  const tipLines = read && tipId === holdId ? [...read, HOLD_HINT] : read;
  const tipKey = tipLines?.join('\n') ?? '';
  const overlay = useMemo(
    () => ({
      probe:
        session.probe && prediction ? { ...session.probe, text: probeLabel(prediction) } : null,
      cursor: cursor.at,
      focusedId: cursor.focusedId,
      tip: tipPoint && tipLines ? { x1: tipPoint.x1, x2: tipPoint.x2, lines: tipLines } : null,
      dragging,
    }),
    // The overlay changes with what it shows, not with every new model object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session.probe, prediction?.p, prediction?.label, prediction?.logit, cursor, tipKey, d],
  );
  return { handlers, overlay };
}
