// Worker entry of MPN training runs on a project (METHODS.md §2.5–2.7; arms B0/B1 of §6.4): the start
// message carries the sequences' detections, annotations and frame files; labels and node features are
// made here (mpnData.ts), then trainMpn() runs with throttled progress, checkpoints and cancel.
import { parentPort } from 'node:worker_threads';
import type { MpnJobProgressWire, MpnTrainJobPayload, MpnTrainJobResult, MpnTrainResultWire } from '../../src-shared/learning/mpnWire';
import { trainMpn } from '../learning/mpn/train';
import type { MpnCheckpoint, MpnTrainRequest } from '../learning/mpn/types';
import { failure, transferables, workerBackend } from '../learning/trainServe';
import { FeaturesCancelled, mpnTrainingSequences, NodeFeatureMaker } from './mpnData';

const port = parentPort!;
// One job per worker (the job runner starts a worker per job).
const ac = new AbortController();

port.on('message', async (m: ({ type: 'start'; jobId: string } & MpnTrainJobPayload) | { type: 'cancel'; jobId: string }) => {
  if (m.type === 'cancel') return void ac.abort();
  const { jobId } = m;
  let last = 0;
  const post = (progress: MpnJobProgressWire, force: boolean): void => {
    if (!force && Date.now() - last < (m.progressIntervalMs ?? 250)) return;
    last = Date.now();
    port.postMessage({ type: 'progress', jobId, progress });
  };
  const finish = (result: MpnTrainJobResult): void => port.postMessage({ type: 'finished', jobId, result }, transferables(result));
  let maker: NodeFeatureMaker | undefined;
  try {
    const b = await workerBackend(m.backend);
    port.postMessage({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    const t0 = performance.now();
    maker = new NodeFeatureMaker(m.features, m.featureWeights, { progress: (done, total) => post({ phase: 'features', done, total }, done === total), aborted: () => ac.signal.aborted });
    // One call for both, so the feature progress counts every frame from the start.
    const all = await mpnTrainingSequences([...m.train, ...m.validation], maker);
    const [train, validation] = [all.slice(0, m.train.length), all.slice(m.train.length)];
    const featureMs = performance.now() - t0;
    const nodes = [...train, ...validation].reduce((n, s) => n + s.nodes.count, 0);
    // The wire request is learning's request (a compile-time check that the two stay compatible).
    const request: MpnTrainRequest = m.request;
    const result: MpnTrainResultWire = await trainMpn(request, { features: maker.spec, train, validation }, {
      signal: ac.signal,
      ...(m.resumeFrom ? { resumeFrom: m.resumeFrom as unknown as MpnCheckpoint } : {}),
      onProgress: (p) => post({ phase: 'train', ...p }, p.step === p.totalSteps || !!p.validation),
      ...(m.checkpointEverySteps
        ? { checkpoint: { everySteps: m.checkpointEverySteps, save: (checkpoint) => port.postMessage({ type: 'checkpoint', jobId, checkpoint }, transferables(checkpoint)) } }
        : {}),
    });
    finish({ ...result, featureMs, nodes });
  } catch (e) {
    if (e instanceof FeaturesCancelled) finish({ status: 'cancelled', cancelledIn: 'features' });
    else port.postMessage({ type: 'failed', jobId, error: failure(e) });
  } finally {
    maker?.dispose();
  }
});
