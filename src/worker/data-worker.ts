/** The data worker's entry: one job per message, progress while it runs, columns transferred. */
import { replyBuffers, runDataJob } from './data-jobs.ts';
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
  post(reply, replyBuffers(reply));
};
