// Worker entry of track.start with tracker 'mpn' (METHODS.md §2.8): a trained MPN's weights and each
// sequence's detections come in the start message; node features are made from the frames when the
// model takes them (mpnData.ts); trackDetectionsMpn() gives MOT result rows per sequence.
import { parentPort } from 'node:worker_threads';
import type { MpnTrackJobPayload, MpnTrackJobResult, MpnTrackProgressWire, MpnTrackedSequence } from '../../src-shared/learning/mpnWire';
import { trackDetectionsMpn } from '../learning/mpn/infer';
import type { MpnWeights } from '../learning/mpn/weights';
import { failure, transferables, workerBackend } from '../learning/trainServe';
import { FeaturesCancelled, NodeFeatureMaker } from './mpnData';

const port = parentPort!;
// One job per worker (the job runner starts a worker per job).
const ac = new AbortController();

port.on('message', async (m: ({ type: 'start'; jobId: string } & MpnTrackJobPayload) | { type: 'cancel'; jobId: string }) => {
  if (m.type === 'cancel') return void ac.abort();
  const { jobId } = m;
  const started = performance.now();
  let last = 0;
  const post = (p: MpnTrackProgressWire, force = false): void => {
    if (!force && Date.now() - last < (m.progressIntervalMs ?? 250)) return;
    last = Date.now();
    port.postMessage({ type: 'progress', jobId, progress: p });
  };
  const out: MpnTrackedSequence[] = [];
  const finish = (status: MpnTrackJobResult['status'], backend: string): void => {
    const result: MpnTrackJobResult = { status, sequences: status === 'completed' ? out : [], backend, durationMs: performance.now() - started };
    port.postMessage({ type: 'finished', jobId, result }, transferables(result));
  };
  let maker: NodeFeatureMaker | undefined;
  try {
    const b = await workerBackend();
    port.postMessage({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
    // The manifest was written by trainMpn and checked on load (unpackMpnWeights).
    const weights = m.weights as unknown as MpnWeights;
    maker = new NodeFeatureMaker(weights.manifest.config.features.kind, m.featureWeights, { aborted: () => ac.signal.aborted });
    const total = m.sequences.reduce((n, s) => n + s.seqLength, 0);
    let base = 0;
    const { threshold, minTrackLength, interpolate } = m.params;
    for (const s of m.sequences) {
      const r = await trackDetectionsMpn(weights, s.dets, s.fps, maker.source(s.name, s.frameFiles), {
        signal: ac.signal,
        ...(threshold !== undefined ? { threshold } : {}),
        trajectories: { ...(minTrackLength !== undefined ? { minTrackLength } : {}), ...(interpolate !== undefined ? { interpolate } : {}) },
        onProgress: (done, windows) => post({ name: s.name, done: base + Math.round((s.seqLength * done) / windows), total }, done === windows),
      });
      if (r.status === 'cancelled') return finish('cancelled', b.name);
      out.push({ name: s.name, rows: r.table, trackCount: r.trackCount, windows: r.windows, edges: r.edges, constraintSatisfaction: r.constraintSatisfaction });
      base += s.seqLength;
    }
    finish('completed', b.name);
  } catch (e) {
    if (e instanceof FeaturesCancelled) finish('cancelled', '');
    else port.postMessage({ type: 'failed', jobId, error: failure(e) });
  } finally {
    maker?.dispose();
  }
});
