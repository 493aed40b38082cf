// The worker side of the job runner's protocol (see jobs/JobRunner.ts): one `start` per worker,
// `cancel` sets the abort flag, the job's function returns the result or throws an AppError.
import { parentPort } from 'node:worker_threads';
import { AppErrorException } from '../../src-shared/ipc/result';

/** What a job function gets. */
export interface JobContext {
  readonly signal: { readonly aborted: boolean };
  /** Posts progress (throttled by the caller as it sees fit). */
  progress(p: unknown): void;
}

/** Serves one job kind: runs `job(payload)` on `start`; reports started/progress/finished/failed. */
export function serveJob<P>(job: (payload: P, ctx: JobContext) => Promise<unknown>, startedExtra: () => Record<string, unknown> = () => ({})): void {
  const port = parentPort!;
  const abort = { aborted: false };
  port.on('message', (m: { type: string; jobId: string } & P) => {
    if (m.type === 'cancel') {
      abort.aborted = true;
      return;
    }
    if (m.type !== 'start') return;
    const { jobId } = m;
    port.postMessage({ type: 'started', jobId, ...startedExtra() });
    job(m, { signal: abort, progress: (progress) => port.postMessage({ type: 'progress', jobId, progress }) }).then(
      (result) => port.postMessage({ type: 'finished', jobId, result }),
      (e: unknown) => {
        const error = e instanceof AppErrorException ? e.appError : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
        port.postMessage({ type: 'failed', jobId, error });
      },
    );
  });
}
