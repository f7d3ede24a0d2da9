import { DEFAULT_PARAMS } from './engines/engine.ts';
import type { Hyper } from './protocol.ts';

/** The tutorial recipe's hyper-parameters: SGD, lr 0.01, full batch, 200,000 epochs from zeros. */
export const DEFAULT_HYPER: Hyper = {
  ...DEFAULT_PARAMS,
  epochs: 200_000,
  init: 'zeros',
  reportEvery: 10_000,
};
