import type { Report } from '../worker/protocol.ts';
import { fmtNum, fmtPct } from './format.ts';
import { fmtCount } from '../core/count.ts';

/** The tutorial's printout: test accuracy (and train loss) every `reportEvery` epochs. */
export function ReportsTable({ reports }: { reports: readonly Report[] }) {
  if (reports.length === 0) return null;
  return (
    <table className="reports" aria-label="Test accuracy every 10,000 epochs">
      <thead>
        <tr>
          <th scope="col">Epoch</th>
          <th scope="col">Train loss</th>
          <th scope="col">Test accuracy</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.epoch}>
            <td>{fmtCount(r.epoch)}</td>
            <td>{fmtNum(r.trainLoss)}</td>
            <td>{fmtPct(r.testAccuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
