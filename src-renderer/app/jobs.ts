// Waiting for a job in the renderer: progress and the end come as events.
import type { ApiClient } from '../../src-shared/ipc/client';
import type { JobFinished, JobProgress } from '../../src-shared/ipc/schemas';

/** Resolves when the job ends; `onProgress` sees its progress events. */
export function whenJobEnds(api: ApiClient, jobId: string, onProgress?: (p: JobProgress) => void): Promise<JobFinished> {
  return new Promise((resolve) => {
    const offProgress = api.on('jobs.progress', (p) => p.jobId === jobId && onProgress?.(p));
    const offFinished = api.on('jobs.finished', (f) => {
      if (f.jobId !== jobId) return;
      offProgress();
      offFinished();
      resolve(f);
    });
  });
}
