import { useRef, useState, type ReactNode } from 'react';
import { pointsToCsv } from '../core/csv.ts';
import type { PointSet } from '../core/point-set.ts';
import { download } from './download.ts';
import { plotToPng, plotToSvg, type ExportDecor } from './export-image.ts';

interface Props {
  points: PointSet;
  /** Reads and loads a CSV file (in the data worker), saying what happened. */
  onImportFile: (file: File) => Promise<void>;
  /** The model document for "Export model" (built on demand). */
  modelDocument: () => unknown;
  /** The element hosting the data plot (for "Export image"). */
  plotHost: () => HTMLElement | null;
  /** The formula and legend an exported image carries (built on demand). */
  exportDecor: () => ExportDecor;
  /** Messages about imports and exports, shown to the person (text only). */
  onMessage: (kind: 'error' | 'info', text: string) => void;
  /** More export buttons, placed at the end of the group. */
  children?: ReactNode;
}

/** Import CSV (file picker), Export CSV, Export model, Export image (PNG and SVG). */
export function DataIo(p: Props) {
  const { points, onImportFile, modelDocument, plotHost, exportDecor, onMessage, children } = p;
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      await onImportFile(file);
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const exportImage = async (kind: 'png' | 'svg') => {
    const host = plotHost();
    if (!host) return;
    try {
      if (kind === 'svg')
        download(
          new Blob([plotToSvg(host, exportDecor())], { type: 'image/svg+xml' }),
          'logreg-lab-plot.svg',
        );
      else download(await plotToPng(host, exportDecor()), 'logreg-lab-plot.png');
    } catch (e) {
      onMessage(
        'error',
        `Could not export the image: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };

  return (
    <div className="data-io" role="group" aria-label="Import and export">
      <button type="button" disabled={busy} onClick={() => inputRef.current?.click()}>
        Import CSV
      </button>
      <input
        ref={inputRef}
        type="file"
        hidden
        aria-label="Import CSV file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <button
        type="button"
        onClick={() =>
          download(
            new Blob([pointsToCsv(points.toArray())], { type: 'text/csv' }),
            'logreg-lab-points.csv',
          )
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        onClick={() =>
          download(
            new Blob([JSON.stringify(modelDocument(), null, 2)], { type: 'application/json' }),
            'logreg-lab-model.json',
          )
        }
      >
        Export model
      </button>
      <button type="button" onClick={() => void exportImage('png')}>
        Export image (PNG)
      </button>
      <button type="button" onClick={() => void exportImage('svg')}>
        Export image (SVG)
      </button>
      {children}
    </div>
  );
}
