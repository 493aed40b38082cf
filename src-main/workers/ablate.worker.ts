// Worker entry of ablation runs (METHODS.md §6.4): trains every arm × seed on one shared plan (one crop
// cache, so frames are decoded once for all arms), reports each trained arm (the service stores it as
// a child training run), then evaluates all arms on the held-out sequences (ablationEval.ts).
import { parentPort } from 'node:worker_threads';
import type { AblationPayload, AblationProgress, AblationResult } from '../../src-shared/learning/ablationWire';
import { train } from '../learning/train';
import type { TrainRequest } from '../learning/trainTypes';
import { failure, transferables, workerBackend } from '../learning/trainServe';
import { evaluateArms, type ArmModel } from './ablationEval';
import { projectTrainingData } from './planLoader';

const port = parentPort!;
// One job per worker (the job runner starts a worker per job).
const ac = new AbortController();

port.on('message', async (m: ({ type: 'start'; jobId: string } & AblationPayload) | { type: 'cancel'; jobId: string }) => {
  if (m.type === 'cancel') return void ac.abort();
  const { jobId } = m;
  let last = 0;
  const post = (progress: AblationProgress, force = false): void => {
    if (!force && Date.now() - last < (m.progressIntervalMs ?? 500)) return;
    last = Date.now();
    port.postMessage({ type: 'progress', jobId, progress }, force ? transferables(progress) : []);
  };
  try {
    const b = await workerBackend(m.backend);
    port.postMessage({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    const { data, stats } = projectTrainingData(m.plan, m.cacheBytes);
    const models: ArmModel[] = [];
    const total = m.arms.length * m.seeds.length;
    const finish = (result: AblationResult): void => port.postMessage({ type: 'finished', jobId, result });
    for (const seed of m.seeds) {
      for (const arm of m.arms) {
        const ref = { arm, seed, index: models.length, total };
        post({ ...ref, phase: 'armStart' }, true);
        const request = { ...m.request, loss: arm, seed } as TrainRequest;
        const r = await train(request, data, { signal: ac.signal, onProgress: (progress) => post({ ...ref, phase: 'train', progress }) });
        if (r.status === 'cancelled') return finish({ status: 'cancelled', rows: [], pipeline: stats(), embedCropsPerSec: 0, evalMs: 0 });
        models.push({ arm, seed, weights: r.weights });
        // A copy goes to the service (transferred); the worker keeps its own for the evaluation.
        const weights = { manifest: r.weights.manifest, data: r.weights.data.slice() };
        post({ ...ref, phase: 'armDone', result: { config: r.config, steps: r.steps, backend: r.backend, weights, curves: r.curves, durationMs: r.durationMs, cropsPerSec: r.cropsPerSec } }, true);
      }
    }
    const t0 = performance.now();
    const ev = await evaluateArms(models, m.test, m.trackerParams, {
      aborted: () => ac.signal.aborted,
      progress: (done, all, message) => post({ phase: 'eval', done, total: all, message }, done === all),
    });
    const evalMs = performance.now() - t0;
    if (!ev) return finish({ status: 'cancelled', rows: [], pipeline: stats(), embedCropsPerSec: 0, evalMs });
    finish({ status: 'completed', rows: ev.rows, pipeline: stats(), embedCropsPerSec: ev.embedMs > 0 ? ev.embedded / (ev.embedMs / 1000) : 0, evalMs });
  } catch (e) {
    port.postMessage({ type: 'failed', jobId, error: failure(e) });
  }
});
