// An MPN training run's artifacts in the project file (METHODS.md §2): `weights` (the
// trackwright.mpn-weights manifest as meta, float32 bytes as data — what the MPN tracker loads),
// `checkpoint` (the latest; everything resume needs), `curves` and `validation` (JSON) and, for runs on
// a ReID CNN's node features, `featureWeights` (a copy of that CNN, so tracking never depends on the
// appearance run still existing). Float32 data is stored little-endian as the platform has it.
import { fail } from '../../../src-shared/ipc/result';
import type { MpnCheckpointWire, MpnCurvePointWire, MpnTrainResultWire, MpnValidationPointWire, MpnWeightsWire, StoredWeightsWire } from '../../../src-shared/learning/mpnWire';
import type { ProjectStore } from '../../store/project/projectStore';
import { floatsOf } from './trainArtifacts';

/** The weights manifest's format tag (learning/mpn/weights.ts MPN_WEIGHTS_FORMAT). */
export const MPN_WEIGHTS_FORMAT = 'trackwright.mpn-weights';
const CHECKPOINT_FORMAT = 'trackwright.mpn-checkpoint';

const bytesOf = (a: Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const json = (x: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(x));

/** Checkpoint as artifact: meta = small JSON, data = weights | Adam m | Adam v (float32) | curves+validation (JSON). */
export function encodeMpnCheckpoint(c: MpnCheckpointWire): { meta: unknown; data: Uint8Array } {
  const n = c.weights.data.length;
  const tail = json({ curves: c.curves, validation: c.validation });
  const data = new Uint8Array(12 * n + tail.byteLength);
  data.set(bytesOf(c.weights.data), 0);
  data.set(bytesOf(c.optimizer.m), 4 * n);
  data.set(bytesOf(c.optimizer.v), 8 * n);
  data.set(tail, 12 * n);
  return { meta: { format: c.format, version: c.version, config: c.config, step: c.step, manifest: c.weights.manifest, floats: n, adamT: c.optimizer.t, lambdaState: c.lambdaState }, data };
}

/** The inverse of encodeMpnCheckpoint. */
export function decodeMpnCheckpoint(meta: unknown, data: Uint8Array): MpnCheckpointWire {
  const m = meta as { format?: string; version?: number; config: unknown; step: number; manifest: MpnWeightsWire['manifest']; floats: number; adamT: number; lambdaState: [number, number] };
  if (m?.format !== CHECKPOINT_FORMAT || m.version !== 1) fail('invalid_file', `the stored checkpoint is not a ${CHECKPOINT_FORMAT} v1`);
  const n = m.floats;
  const tail = JSON.parse(new TextDecoder().decode(data.subarray(12 * n))) as { curves: MpnCurvePointWire[]; validation: MpnValidationPointWire[] };
  return {
    format: CHECKPOINT_FORMAT,
    version: 1,
    config: m.config,
    step: m.step,
    weights: { manifest: m.manifest, data: floatsOf(data, 0, n) },
    optimizer: { t: m.adamT, m: floatsOf(data, 4 * n, n), v: floatsOf(data, 8 * n, n) },
    lambdaState: [m.lambdaState[0], m.lambdaState[1]],
    curves: tail.curves,
    validation: tail.validation,
  };
}

/** Stores (replaces) the run's latest checkpoint. */
export function storeMpnCheckpoint(store: ProjectStore, runId: number, c: MpnCheckpointWire, nowMs: number): void {
  const { meta, data } = encodeMpnCheckpoint(c);
  store.runs.putArtifact(runId, 'checkpoint', data, meta, nowMs);
}

/** Stores the weights, curves and validation metrics of a finished (or cancelled) run. */
export function storeMpnResult(store: ProjectStore, runId: number, r: Pick<MpnTrainResultWire, 'weights' | 'curves' | 'validation'>, nowMs: number): void {
  store.runs.putArtifact(runId, 'weights', bytesOf(r.weights.data), r.weights.manifest, nowMs);
  store.runs.putArtifact(runId, 'curves', json(r.curves), { points: r.curves.length }, nowMs);
  store.runs.putArtifact(runId, 'validation', json(r.validation), { points: r.validation.length }, nowMs);
}

/** Stores the ReID CNN whose embeddings are the run's node features. */
export function storeFeatureWeights(store: ProjectStore, runId: number, w: StoredWeightsWire, nowMs: number): void {
  store.runs.putArtifact(runId, 'featureWeights', w.data, JSON.parse(w.manifest), nowMs);
}

/** The latest checkpoint of an MPN training run (to resume it). */
export function loadMpnCheckpoint(store: ProjectStore, runId: number): MpnCheckpointWire {
  const a = store.runs.artifact(runId, 'checkpoint');
  if (!a) fail('not_found', `Run ${runId} has no checkpoint to resume from`);
  return decodeMpnCheckpoint(a.meta, a.data);
}

/** Whether a run is an MPN training run (by its stored config). */
export function isMpnRun(config: unknown): boolean {
  return (config as { model?: unknown } | null)?.model === 'mpn';
}

/**
 * A trained MPN as the tracking workers take it (track.start's `modelRunId`): its weights and, for a
 * model on ReID features, the CNN. `field` names the request field in the errors.
 */
export function loadMpnModel(store: ProjectStore, runId: number, field: string): { weights: MpnWeightsWire; featureWeights?: StoredWeightsWire } {
  const run = store.runs.get(runId);
  if (!run) fail('not_found', `${field}: no run ${runId}`);
  if (run.kind !== 'train' || !isMpnRun(run.config)) fail('invalid_request', `${field}: run ${runId} is ${run.kind === 'train' ? 'an appearance (ReID) training run' : `${run.kind === 'eval' || run.kind === 'ablate' ? 'an' : 'a'} ${run.kind} run`}, not an MPN training run (train one with model mpn)`);
  const a = store.runs.artifact(runId, 'weights');
  if (!a) fail('invalid_request', `${field}: MPN run ${runId} has no trained weights (state ${run.state})`);
  const manifest = a.meta as MpnWeightsWire['manifest'];
  if (manifest?.format !== MPN_WEIGHTS_FORMAT) fail('invalid_file', `${field}: run ${runId}'s weights are not ${MPN_WEIGHTS_FORMAT}`);
  const weights: MpnWeightsWire = { manifest, data: floatsOf(a.data) };
  if (manifest.config.features.kind !== 'reid') return { weights };
  const f = store.runs.artifact(runId, 'featureWeights');
  if (!f) fail('invalid_file', `${field}: MPN run ${runId} uses ReID node features but has no featureWeights artifact`);
  return { weights, featureWeights: { manifest: JSON.stringify(f.meta), data: f.data } };
}
