import { pytorchScript, sklearnScript, type PythonExportInput } from '../core/python-export.ts';
import { download } from './download.ts';

interface Props {
  /** What to export: the app's split, hyper-parameters and weights (built on demand). */
  input: () => PythonExportInput;
  /** Messages about the export, shown to the person (text only). */
  onMessage?: (kind: 'error' | 'info', text: string) => void;
}

/** The two files the button downloads. */
export const PYTHON_FILES = { pytorch: 'logreg_pytorch.py', sklearn: 'logreg_sklearn.py' } as const;

/**
 * "Export as Python": downloads `logreg_pytorch.py` (the tutorial's PyTorch script, replaying
 * the app's run) and `logreg_sklearn.py` (scikit-learn's optimum), both with the app's data,
 * split and hyper-parameters and a self-check against the app's numbers. Both scripts are built
 * before either is downloaded, so an export that cannot be made downloads nothing.
 */
export function PythonExportButton({ input, onMessage }: Props) {
  const exportScripts = () => {
    let scripts: [string, string][];
    try {
      const i = input();
      scripts = [
        [pytorchScript(i), PYTHON_FILES.pytorch],
        [sklearnScript(i), PYTHON_FILES.sklearn],
      ];
    } catch (e) {
      onMessage?.(
        'error',
        e instanceof Error ? e.message : `Cannot export as Python: ${String(e)}`,
      );
      return;
    }
    for (const [text, name] of scripts) download(new Blob([text], { type: 'text/x-python' }), name);
    onMessage?.(
      'info',
      `Downloaded ${PYTHON_FILES.pytorch} and ${PYTHON_FILES.sklearn} (your browser may ask to allow several downloads).`,
    );
  };

  return (
    <button
      type="button"
      title={`Downloads ${PYTHON_FILES.pytorch} and ${PYTHON_FILES.sklearn}: the same points, split and settings, checking themselves against the app`}
      onClick={exportScripts}
    >
      Export as Python
    </button>
  );
}
