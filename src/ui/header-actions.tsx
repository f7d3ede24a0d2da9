import { memo } from 'react';
import type { PointSet } from '../core/point-set.ts';
import type { PythonExportInput } from '../core/python-export.ts';
import { ActionsMenu } from './actions-menu.tsx';
import { DataIo } from './data-io.tsx';
import type { ExportDecor } from './export-image.ts';
import { PythonExportButton } from './python-export-button.tsx';
import { SessionButtons } from './session-buttons.tsx';
import type { SessionState } from './session.ts';

interface Props {
  points: PointSet;
  session: SessionState;
  onImportFile: (file: File) => Promise<void>;
  modelDocument: () => unknown;
  plotHost: () => HTMLElement | null;
  exportDecor: () => ExportDecor;
  pythonInput: () => PythonExportInput;
  onMessage: (kind: 'error' | 'info', text: string) => void;
}

/**
 * The "Import, export, share" menu and everything in it. Memoized: its props change with the
 * data and the session, not with a training frame (the exports read the model when clicked).
 */
export const HeaderActions = memo(function HeaderActions(p: Props) {
  return (
    <ActionsMenu>
      <DataIo
        points={p.points}
        onImportFile={p.onImportFile}
        modelDocument={p.modelDocument}
        plotHost={p.plotHost}
        exportDecor={p.exportDecor}
        onMessage={p.onMessage}
      >
        <PythonExportButton input={p.pythonInput} onMessage={p.onMessage} />
      </DataIo>
      <SessionButtons session={p.session} />
    </ActionsMenu>
  );
});
