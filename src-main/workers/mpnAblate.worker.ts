// Worker entry of MPN ablation runs (METHODS.md §6.4 with the MPN's arms B0 = class-balanced BCE and
// B1 = BCE + w_UT·L_UT, §1.10): node features are made once, every arm × seed is trained on the same
// sequences with the same steps and settings (each reported; the service stores it as a child MPN
// training run), then every model tracks and is evaluated on the held-out sequences (mpnAblationEval.ts).
import { parentPort } from 'node:worker_threads';
import { mpnLossOf, type MpnAblationPayload, type MpnAblationProgress, type MpnAblationResult } from '../../src-shared/learning/mpnWire';
import { trainMpn } from '../learning/mpn/train';
import type { MpnTrainRequest } from '../learning/mpn/types';
import { failure, transferables, workerBackend } from '../learning/trainServe';
import { FeaturesCancelled, mpnTrainingSequences, NodeFeatureMaker } from './mpnData';
import { evaluateMpnArms, type MpnArmModel } from './mpnAblationEval';

const port = parentPort!;
// One job per worker (the job runner starts a worker per job).
const ac = new AbortController();

port.on('message', async (m: ({ type: 'start'; jobId: string } & MpnAblationPayload) | { type: 'cancel'; jobId: string }) => {
  if (m.type === 'cancel') return void ac.abort();
  const { jobId } = m;
  let last = 0;
  const post = (progress: MpnAblationProgress, force = false): void => {
    if (!force && Date.now() - last < (m.progressIntervalMs ?? 500)) return;
    last = Date.now();
    port.postMessage({ type: 'progress', jobId, progress }, force ? transferables(progress) : []);
  };
  let featureMs = 0;
  const finish = (result: MpnAblationResult): void => port.postMessage({ type: 'finished', jobId, result });
  let maker: NodeFeatureMaker | undefined;
  try {
    const b = await workerBackend(m.backend);
    port.postMessage({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    const t0 = performance.now();
    maker = new NodeFeatureMaker(m.features, m.featureWeights, { progress: (done, total) => post({ phase: 'features', done, total }, done === total), aborted: () => ac.signal.aborted });
    const train = await mpnTrainingSequences(m.train, maker);
    featureMs = performance.now() - t0;
    const models: MpnArmModel[] = [];
    const total = m.arms.length * m.seeds.length;
    for (const seed of m.seeds) {
      for (const arm of m.arms) {
        const ref = { arm, seed, index: models.length, total };
        post({ ...ref, phase: 'armStart' }, true);
        const request: MpnTrainRequest = { ...m.request, loss: mpnLossOf(arm), seed };
        const r = await trainMpn(request, { features: maker.spec, train }, { signal: ac.signal, onProgress: (progress) => post({ ...ref, phase: 'train', progress }) });
        if (r.status === 'cancelled') return finish({ status: 'cancelled', rows: [], featureMs, evalMs: 0 });
        models.push({ arm, seed, weights: r.weights });
        // A copy goes to the service (transferred); the worker keeps its own for the evaluation.
        const weights = { manifest: r.weights.manifest, data: r.weights.data.slice() };
        post({ ...ref, phase: 'armDone', result: { config: r.config, steps: r.steps, backend: r.backend, weights, curves: r.curves, durationMs: r.durationMs } }, true);
      }
    }
    const t1 = performance.now();
    const rows = await evaluateMpnArms(models, m.test, maker, { signal: ac.signal, progress: (done, all, message) => post({ phase: 'eval', done, total: all, message }, done === all) });
    finish({ status: rows ? 'completed' : 'cancelled', rows: rows ?? [], featureMs, evalMs: performance.now() - t1 });
  } catch (e) {
    if (e instanceof FeaturesCancelled) finish({ status: 'cancelled', rows: [], featureMs, evalMs: 0 });
    else port.postMessage({ type: 'failed', jobId, error: failure(e) });
  } finally {
    maker?.dispose();
  }
});
