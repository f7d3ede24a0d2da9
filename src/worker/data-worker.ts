/** The data worker's entry: one job per message, progress while it runs, columns transferred. */
import { runDataJob } from './data-jobs.ts';
import type { DataJob, DataJobReply } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: DataJobReply, transfer: Transferable[] = []) =>
  scope.postMessage(reply, transfer);

scope.onmessage = (event: MessageEvent<DataJob>) => {
  let last = -1;
  const reply = runDataJob(event.data, (fraction) => {
    if (fraction - last < 0.02) return;
    last = fraction;
    post({ type: 'progress', fraction });
  });
  if (reply.type !== 'done') return post(reply);
  const c = reply.columns;
  post(reply, [c.x1.buffer, c.x2.buffer, c.label.buffer, c.test.buffer]);
};
