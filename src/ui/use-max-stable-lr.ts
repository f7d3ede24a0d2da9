/**
 * The stable full-batch learning-rate limit 2/L for the training points and settings on screen
 * (core/smoothness.ts). On big data it is worked out in a task of its own once the page has shown
 * the new points (~30 ms for 670,000 training points here, issue #14), and is NaN — no limit shown
 * — until then: an answer is only ever shown for the inputs it was computed from.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Columns } from '../core/dataset.ts';
import type { FeatureSet } from '../core/features.ts';
import { smoothness } from '../core/smoothness.ts';

/** Above this many training points 2/L waits for its own task. */
export const LATE_SMOOTHNESS_MIN = 100_000;

interface Inputs {
  cols: Columns;
  l2: number;
  features: FeatureSet;
  standardize: boolean;
}

const limitOf = (i: Inputs) => smoothness(i.cols, i.l2, i.features, i.standardize).maxStableLr;

export function useMaxStableLr(
  cols: Columns,
  l2: number,
  features: FeatureSet,
  standardize: boolean,
): number {
  const late = cols.n > LATE_SMOOTHNESS_MIN;
  const now = useMemo(
    () => (late ? Number.NaN : limitOf({ cols, l2, features, standardize })),
    [late, cols, l2, features, standardize],
  );
  const [done, setDone] = useState<(Inputs & { value: number }) | null>(null);
  useEffect(() => {
    if (!late) return;
    const id = setTimeout(() => {
      const inputs = { cols, l2, features, standardize };
      setDone({ ...inputs, value: limitOf(inputs) });
    }, 0);
    return () => clearTimeout(id);
  }, [late, cols, l2, features, standardize]);
  if (!late) return now;
  const current =
    done?.cols === cols &&
    done.l2 === l2 &&
    done.features === features &&
    done.standardize === standardize;
  return current ? done.value : Number.NaN;
}
