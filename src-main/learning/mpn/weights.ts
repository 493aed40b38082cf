// Plain-data MPN weights, shaped like the ReID weights (modelWeights.ts): a JSON-able manifest (format tag,
// model config, named entries with shapes and offsets) plus one Float32Array — a TEXT column and a BLOB in
// the store, a transferable buffer between threads. Also an inference model holding the tensors.
import * as tf from '@tensorflow/tfjs';
import type { MpnModelConfig } from './config';
import { type MpnParams, mpnParamSpecs } from './model';

/** Manifest format tag; bump `version` on incompatible changes. */
export const MPN_WEIGHTS_FORMAT = 'trackwright.mpn-weights';

/** Where one named tensor lives in `data` (offset in floats, row-major). */
export interface MpnWeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly offset: number;
}

/** JSON-serialisable description of an MPN weights blob. */
export interface MpnManifest {
  readonly format: typeof MPN_WEIGHTS_FORMAT;
  readonly version: 1;
  readonly config: MpnModelConfig;
  readonly entries: readonly MpnWeightEntry[];
}

/** A manifest and its float32 values. */
export interface MpnWeights {
  readonly manifest: MpnManifest;
  readonly data: Float32Array;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Packs named values (in the architecture's parameter order) into one buffer. */
export function packMpnWeights(config: MpnModelConfig, values: ReadonlyMap<string, Float32Array>): MpnWeights {
  const entries: MpnWeightEntry[] = [];
  let offset = 0;
  for (const s of mpnParamSpecs(config.arch)) {
    entries.push({ name: s.name, shape: [...s.shape], offset });
    offset += size(s.shape);
  }
  const data = new Float32Array(offset);
  for (const e of entries) {
    const v = values.get(e.name);
    if (!v || v.length !== size(e.shape)) throw new Error(`packMpnWeights: ${e.name} has ${v?.length ?? 'no'} values, expected ${size(e.shape)}`);
    data.set(v, e.offset);
  }
  return { manifest: { format: MPN_WEIGHTS_FORMAT, version: 1, config, entries }, data };
}

/** Named views into `w.data` after checking the manifest against the architecture it names. */
export function unpackMpnWeights(w: MpnWeights): Map<string, Float32Array> {
  const m = w.manifest;
  if (m?.format !== MPN_WEIGHTS_FORMAT || m.version !== 1) throw new Error(`not ${MPN_WEIGHTS_FORMAT} v1 weights`);
  const out = new Map<string, Float32Array>();
  for (const e of m.entries) {
    const n = size(e.shape);
    if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset + n > w.data.length) throw new Error(`MPN weights entry ${e.name} lies outside the data`);
    out.set(e.name, w.data.subarray(e.offset, e.offset + n));
  }
  for (const s of mpnParamSpecs(m.config.arch)) {
    const e = m.entries.find((x) => x.name === s.name);
    if (!e || e.shape.join('x') !== s.shape.join('x')) throw new Error(`MPN weights lack ${s.name} [${s.shape.join(', ')}] for their own architecture`);
  }
  return out;
}

/** Rebuilds weights from the stored manifest JSON and data bytes (copied when not 4-byte aligned). */
export function mpnWeightsFromStored(manifestJson: string, bytes: Uint8Array): MpnWeights {
  const manifest = JSON.parse(manifestJson) as MpnManifest;
  if (bytes.byteLength % 4 !== 0) throw new Error('MPN weights blob length is not a multiple of 4 bytes');
  const data = bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Float32Array(bytes.slice().buffer);
  const w = { manifest, data };
  unpackMpnWeights(w);
  return w;
}

/** Weights uploaded to the current tfjs backend for inference. */
export interface MpnModel {
  readonly config: MpnModelConfig;
  readonly params: MpnParams;
  /** Frees the tensors. */
  dispose(): void;
}

/** Uploads `w` (the caller disposes the model). */
export function loadMpnModel(w: MpnWeights): MpnModel {
  const values = unpackMpnWeights(w);
  const params: Record<string, tf.Tensor> = {};
  for (const s of mpnParamSpecs(w.manifest.config.arch)) params[s.name] = tf.tensor(values.get(s.name)!, [...s.shape]);
  return { config: w.manifest.config, params, dispose: () => tf.dispose(Object.values(params)) };
}
