// Worker entry for training jobs: maps {start, cancel} messages to train() (ARCHITECTURE.md §3),
// throttles progress and transfers weight buffers back. Backend chosen once per worker.
import { parentPort } from 'node:worker_threads';
import { type SelectedBackend, selectBackend } from './backend';
import { inMemoryData } from './data';
import { train } from './train';
import type { TrainWorkerEvent, TrainWorkerRequest } from './trainMessages';
import { NonFiniteLossError } from './trainTypes';

const port = parentPort!;
const running = new Map<string, AbortController>();
let backend: Promise<SelectedBackend> | undefined;

/** Every distinct ArrayBuffer under `x` (typed arrays of weights, moments). */
function buffers(x: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) buffers(v, out);
  return [...out];
}
const post = (e: TrainWorkerEvent, transfer = false): void => port.postMessage(e, transfer ? buffers(e) : []);

port.on('message', async (m: TrainWorkerRequest) => {
  if (m.type === 'cancel') return void running.get(m.jobId)?.abort();
  const { jobId } = m;
  const ac = new AbortController();
  running.set(jobId, ac);
  let last = 0;
  try {
    const b = await (backend ??= selectBackend(m.backend));
    post({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    const result = await train(m.request, inMemoryData(m.dataset), {
      signal: ac.signal,
      ...(m.resumeFrom ? { resumeFrom: m.resumeFrom } : {}),
      onProgress: (progress) => {
        if (Date.now() - last < (m.progressIntervalMs ?? 250) && progress.step < progress.totalSteps && !progress.validation) return;
        last = Date.now();
        post({ type: 'progress', jobId, progress });
      },
      ...(m.checkpointEverySteps ? { checkpoint: { everySteps: m.checkpointEverySteps, save: (checkpoint) => post({ type: 'checkpoint', jobId, checkpoint }, true) } } : {}),
    });
    post({ type: 'finished', jobId, result }, true);
  } catch (e) {
    const err = e instanceof NonFiniteLossError ? { code: e.code, message: e.message, step: e.step, term: e.term } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    post({ type: 'failed', jobId, error: err });
  } finally {
    running.delete(jobId);
  }
});
