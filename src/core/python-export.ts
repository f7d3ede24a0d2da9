/**
 * "Export as Python": two runnable scripts with the app's data, split and hyper-parameters — a
 * PyTorch script in the tutorial's style that replays the app's run, and a scikit-learn script
 * that solves for the optimum — each checking itself against the app's numbers.
 *
 * Both scripts start with one data block of plain Python literals, between {@link DATA_BEGIN}
 * and {@link DATA_END}, in which every float reads back as exactly the app's float64 value.
 */
export { pytorchScript } from './python-export-torch.ts';
export { sklearnScript } from './python-export-sklearn.ts';
export {
  DATA_BEGIN,
  DATA_END,
  pyFloat,
  type ExportHyper,
  type ExportPoint,
  type PythonExportInput,
} from './python-literals.ts';
