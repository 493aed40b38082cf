// A training run's artifacts in the project file: `weights` (manifest JSON as meta, float32 bytes as
// data — what the appearance tracker loads), `checkpoint` (the latest; everything resume needs),
// `curves` and `validation` (JSON). Float32 data is stored little-endian as the platform has it.
import { fail } from '../../../src-shared/ipc/result';
import type { CurvePointWire, ReidWeightsWire, TrainCheckpointWire, TrainResultWire, ValidationPointWire } from '../../../src-shared/learning/trainWire';
import type { ProjectStore } from '../../store/project/projectStore';

const bytesOf = (a: Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const json = (x: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(x));

/** float32 values from stored bytes (copied: SQLite buffers need not be 4-byte aligned). */
export function floatsOf(bytes: Uint8Array, fromByte = 0, count = (bytes.byteLength - fromByte) / 4): Float32Array {
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(bytes.subarray(fromByte, fromByte + 4 * count));
  return out;
}

/** Checkpoint as artifact: meta = small JSON, data = weights | Adam m | Adam v (float32) | curves+validation (JSON). */
export function encodeCheckpoint(c: TrainCheckpointWire): { meta: unknown; data: Uint8Array } {
  const n = c.weights.data.length;
  const tail = json({ curves: c.curves, validation: c.validation });
  const data = new Uint8Array(12 * n + tail.byteLength);
  data.set(bytesOf(c.weights.data), 0);
  data.set(bytesOf(c.optimizer.m), 4 * n);
  data.set(bytesOf(c.optimizer.v), 8 * n);
  data.set(tail, 12 * n);
  const meta = { format: c.format, version: c.version, config: c.config, step: c.step, manifest: c.weights.manifest, floats: n, adamT: c.optimizer.t, rng: c.rng, lambdaState: c.lambdaState };
  return { meta, data };
}

/** The inverse of encodeCheckpoint. */
export function decodeCheckpoint(meta: unknown, data: Uint8Array): TrainCheckpointWire {
  const m = meta as { format?: string; version?: number; config: unknown; step: number; manifest: ReidWeightsWire['manifest']; floats: number; adamT: number; rng: TrainCheckpointWire['rng']; lambdaState: [number, number] };
  if (m?.format !== 'trackwright.train-checkpoint' || m.version !== 1) fail('invalid_file', 'the stored checkpoint is not a trackwright.train-checkpoint v1');
  const n = m.floats;
  const tail = JSON.parse(new TextDecoder().decode(data.subarray(12 * n))) as { curves: CurvePointWire[]; validation: ValidationPointWire[] };
  return {
    format: 'trackwright.train-checkpoint',
    version: 1,
    config: m.config,
    step: m.step,
    weights: { manifest: m.manifest, data: floatsOf(data, 0, n) },
    optimizer: { t: m.adamT, m: floatsOf(data, 4 * n, n), v: floatsOf(data, 8 * n, n) },
    rng: m.rng,
    lambdaState: [m.lambdaState[0], m.lambdaState[1]],
    curves: tail.curves,
    validation: tail.validation,
  };
}

/** Stores (replaces) the run's latest checkpoint. */
export function storeCheckpoint(store: ProjectStore, runId: number, c: TrainCheckpointWire, nowMs = Date.now()): void {
  const { meta, data } = encodeCheckpoint(c);
  store.runs.putArtifact(runId, 'checkpoint', data, meta, nowMs);
}

/** Stores weights, curves and validation metrics of a finished (or cancelled) run; returns its summary. */
export function storeTrainResult(store: ProjectStore, runId: number, r: Pick<TrainResultWire, 'weights' | 'curves' | 'validation'>, nowMs = Date.now()): void {
  store.runs.putArtifact(runId, 'weights', bytesOf(r.weights.data), r.weights.manifest, nowMs);
  store.runs.putArtifact(runId, 'curves', json(r.curves), { points: r.curves.length }, nowMs);
  store.runs.putArtifact(runId, 'validation', json(r.validation), { points: r.validation.length }, nowMs);
}

/** The latest checkpoint of a training run (to resume it). */
export function loadCheckpoint(store: ProjectStore, runId: number): TrainCheckpointWire {
  const a = store.runs.artifact(runId, 'checkpoint');
  if (!a) fail('not_found', `Run ${runId} has no checkpoint to resume from`);
  return decodeCheckpoint(a.meta, a.data);
}

/**
 * A training run's weights as the appearance tracker's workers take them (track.start's `modelRunId`):
 * the manifest as JSON text and the float32 bytes (learning/modelWeights.ts `weightsFromStored`).
 */
export function loadReidWeights(store: ProjectStore, runId: number): { manifest: string; data: Uint8Array } {
  const run = store.runs.get(runId);
  if (!run) fail('not_found', `No run ${runId}`);
  if (run.kind !== 'train') fail('invalid_request', `Run ${runId} is a ${run.kind} run, not a training run`);
  const a = store.runs.artifact(runId, 'weights');
  if (!a) fail('not_found', `Run ${runId} has no trained weights (state ${run.state})`);
  const m = a.meta as { format?: string; entries?: unknown[] };
  if (m?.format !== 'trackwright.reid-weights' || !Array.isArray(m.entries)) fail('invalid_file', `Run ${runId}'s weights have no ReID manifest`);
  return { manifest: JSON.stringify(a.meta), data: a.data };
}
