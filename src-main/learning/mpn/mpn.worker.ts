// Worker entry for MPN jobs (ARCHITECTURE.md §3): maps {start, cancel} to trainMpn() or trackMpn(),
// throttles progress and transfers typed arrays back. Backend chosen once per worker.
import { parentPort } from 'node:worker_threads';
import { type SelectedBackend, selectBackend } from '../backend';
import { NonFiniteLossError } from '../trainTypes';
import { trackMpn } from './infer';
import type { MpnWorkerEvent, MpnWorkerRequest } from './messages';
import { trainMpn } from './train';
import { loadMpnModel } from './weights';

const port = parentPort!;
const running = new Map<string, AbortController>();
let backend: Promise<SelectedBackend> | undefined;

/** Every distinct ArrayBuffer under `x` (weights, moments, result columns). */
function buffers(x: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) buffers(v, out);
  return [...out];
}
const post = (e: MpnWorkerEvent, transfer = false): void => port.postMessage(e, transfer ? buffers(e) : []);

port.on('message', async (m: MpnWorkerRequest) => {
  if (m.type === 'cancel') return void running.get(m.jobId)?.abort();
  const { jobId, job } = m;
  const ac = new AbortController();
  running.set(jobId, ac);
  let last = 0;
  const due = (final: boolean): boolean => {
    if (!final && Date.now() - last < (m.progressIntervalMs ?? 250)) return false;
    last = Date.now();
    return true;
  };
  try {
    const b = await (backend ??= selectBackend(m.backend));
    post({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    if (job.kind === 'train') {
      const result = await trainMpn(job.request, job.data, {
        signal: ac.signal,
        ...(job.resumeFrom ? { resumeFrom: job.resumeFrom } : {}),
        onProgress: (progress) => due(progress.step === progress.totalSteps || !!progress.validation) && post({ type: 'progress', jobId, kind: 'train', progress }),
        ...(job.checkpointEverySteps ? { checkpoint: { everySteps: job.checkpointEverySteps, save: (checkpoint) => post({ type: 'checkpoint', jobId, checkpoint }, true) } } : {}),
      });
      post({ type: 'finished', jobId, kind: 'train', result }, true);
    } else {
      const model = loadMpnModel(job.weights);
      try {
        const result = await trackMpn(model, job.nodes, job.features, job.fps, {
          ...job.options,
          signal: ac.signal,
          onProgress: (windowsDone, windows) => due(windowsDone === windows) && post({ type: 'progress', jobId, kind: 'track', progress: { windowsDone, windows } }),
        });
        post({ type: 'finished', jobId, kind: 'track', result }, true);
      } finally {
        model.dispose();
      }
    }
  } catch (e) {
    const err = e instanceof NonFiniteLossError ? { code: e.code, message: e.message, step: e.step, term: e.term } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', jobId, error: err });
  } finally {
    running.delete(jobId);
  }
});
