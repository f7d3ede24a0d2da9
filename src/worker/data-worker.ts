/** The data worker's entry: one job per message, progress while it runs, columns transferred. */
import { unreadable } from '../core/csv.ts';
import { replyBuffers, runDataJob } from './data-jobs.ts';
import type { DataJob, DataJobReply } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: DataJobReply, transfer: Transferable[] = []) =>
  scope.postMessage(reply, transfer);

/** A file's text, read here: 30 MB decoded on the page took its main thread ~170 ms. */
async function withText(job: DataJob): Promise<DataJob | string> {
  if (job.type !== 'csv-file') return job;
  try {
    return { type: 'csv', text: await job.file.text() };
  } catch (e) {
    return unreadable(e);
  }
}

scope.onmessage = async (event: MessageEvent<DataJob>) => {
  const job = await withText(event.data);
  if (typeof job === 'string') return post({ type: 'failed', error: job });
  let last = -1;
  const reply = runDataJob(job, (fraction) => {
    if (fraction - last < 0.02) return;
    last = fraction;
    post({ type: 'progress', fraction });
  });
  post(reply, replyBuffers(reply));
};
