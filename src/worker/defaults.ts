/** The tutorial recipe's hyper-parameters (defined with the settings schema in core). */
export { DEFAULT_HYPER } from '../core/settings.ts';
