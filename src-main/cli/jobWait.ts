// Waiting for a job on the command line: progress lines on stderr, the final state as the result.
import type { JobFinished, JobProgress } from '../../src-shared/ipc/schemas';
import type { CommandContext } from './command';

/** Resolves when the job ends; prints its progress at most every `everyMs`. Ctrl+C cancels the job. */
export function waitForJob(ctx: CommandContext, jobId: string, o: { everyMs?: number; onProgress?: (p: JobProgress) => void } = {}): Promise<JobFinished> {
  const backend = ctx.backend();
  let last = 0;
  return new Promise((resolve) => {
    const onSignal = (): void => {
      ctx.info('cancelling…');
      backend.runner.cancel(jobId);
    };
    process.once('SIGINT', onSignal);
    const off = backend.events.subscribe((event, payload) => {
      if (event === 'jobs.progress') {
        const p = payload as JobProgress;
        if (p.jobId !== jobId) return;
        o.onProgress?.(p);
        if (Date.now() - last >= (o.everyMs ?? 1000) || p.done === p.total) {
          last = Date.now();
          const eta = p.etaMs !== null ? `, about ${Math.ceil(p.etaMs / 1000)} s left` : '';
          ctx.info(`  [${p.done}/${p.total}] ${p.message}${eta}`);
        }
      } else if (event === 'jobs.finished') {
        const f = payload as JobFinished;
        if (f.jobId !== jobId) return;
        off();
        process.removeListener('SIGINT', onSignal);
        resolve(f);
      }
    });
  });
}
