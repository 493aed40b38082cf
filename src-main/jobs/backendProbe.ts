// Runs the backend-probe worker once and reports which tfjs backend the workers will get.
import { Worker } from 'node:worker_threads';
import type { BackendInfo, TfBackendName } from '../../src-shared/ipc/schemas';
import { BackendInfoSchema } from '../../src-shared/ipc/schemas';

/** Starts `backendProbe.worker.js` from `workersDir` and resolves with its answer (never rejects). */
export function probeTfBackend(workersDir: URL, opts: { override?: TfBackendName; timeoutMs?: number } = {}): Promise<BackendInfo> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (info: BackendInfo): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(info);
    };
    // tfjs prints advice to the console on load; keep it out of the CLI's and app's output.
    const worker = new Worker(new URL('backendProbe.worker.js', workersDir), {
      workerData: { override: opts.override },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(
      () => finish({ state: 'failed', message: `backend probe gave no answer within ${opts.timeoutMs ?? 60000} ms` }),
      opts.timeoutMs ?? 60000,
    );
    worker.on('message', (m: unknown) => {
      const parsed = BackendInfoSchema.safeParse(m);
      finish(parsed.success ? parsed.data : { state: 'failed', message: 'backend probe sent a malformed answer' });
    });
    worker.on('error', (e) => finish({ state: 'failed', message: `backend probe worker failed: ${e.message}` }));
    worker.on('exit', (code) => finish({ state: 'failed', message: `backend probe worker exited with code ${code}` }));
  });
}
