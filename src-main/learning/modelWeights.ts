// Plain-data weights of the ReID CNN: a JSON-able manifest plus one Float32Array, so a run's weights
// go into SQLite as a TEXT column and a BLOB, cross worker boundaries as a transferable buffer, and
// load back into any tfjs backend (or any other runtime that can read the manifest).
import { type HeadSpec, type ParamSpec, type ReidConfig, backboneParamSpecs } from './reidModel';

/** Manifest format tag; bump `version` on any incompatible change. */
export const REID_WEIGHTS_FORMAT = 'trackwright.reid-weights';

/** Where one named tensor lives in `data` (offset in floats, row-major, `shape` as in reidModel.ts). */
export interface WeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly offset: number;
}

/** JSON-serialisable description of a weights blob. */
export interface ReidManifest {
  readonly format: typeof REID_WEIGHTS_FORMAT;
  readonly version: 1;
  readonly config: ReidConfig;
  /** Training heads present in `entries` (absent: backbone only, what a tracker needs). */
  readonly heads?: HeadSpec;
  readonly entries: readonly WeightEntry[];
}

/** A manifest and its float32 values. */
export interface ReidWeights {
  readonly manifest: ReidManifest;
  readonly data: Float32Array;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Packs named values (in `specs` order) into one buffer. */
export function packWeights(config: ReidConfig, specs: readonly ParamSpec[], values: ReadonlyMap<string, Float32Array>, heads?: HeadSpec): ReidWeights {
  const entries: WeightEntry[] = [];
  let offset = 0;
  for (const s of specs) {
    entries.push({ name: s.name, shape: [...s.shape], offset });
    offset += size(s.shape);
  }
  const data = new Float32Array(offset);
  for (const e of entries) {
    const v = values.get(e.name);
    if (!v || v.length !== size(e.shape)) throw new Error(`packWeights: ${e.name} has ${v?.length ?? 'no'} values, expected ${size(e.shape)}`);
    data.set(v, e.offset);
  }
  return { manifest: { format: REID_WEIGHTS_FORMAT, version: 1, config, ...(heads ? { heads } : {}), entries }, data };
}

/** Named views into `w.data` after checking the manifest against the architecture it names. */
export function unpackWeights(w: ReidWeights): Map<string, Float32Array> {
  const m = w.manifest;
  if (m?.format !== REID_WEIGHTS_FORMAT || m.version !== 1) throw new Error(`not ${REID_WEIGHTS_FORMAT} v1 weights`);
  const out = new Map<string, Float32Array>();
  for (const e of m.entries) {
    const n = size(e.shape);
    if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset + n > w.data.length) throw new Error(`weights entry ${e.name} lies outside the data`);
    out.set(e.name, w.data.subarray(e.offset, e.offset + n));
  }
  for (const s of backboneParamSpecs(m.config)) {
    const e = m.entries.find((x) => x.name === s.name);
    if (!e || e.shape.join('x') !== s.shape.join('x')) throw new Error(`weights lack ${s.name} [${s.shape.join(', ')}] for their own config`);
  }
  return out;
}

/** The backbone and embedding only (heads dropped): what the appearance tracker loads. */
export function backboneWeights(w: ReidWeights): ReidWeights {
  const all = unpackWeights(w);
  return packWeights(w.manifest.config, backboneParamSpecs(w.manifest.config), all);
}

/**
 * Rebuilds weights from what the store keeps: the manifest's JSON text and the data bytes (any
 * alignment; copied when not 4-byte aligned, e.g. a Buffer slice from SQLite).
 */
export function weightsFromStored(manifestJson: string, bytes: Uint8Array): ReidWeights {
  const manifest = JSON.parse(manifestJson) as ReidManifest;
  if (bytes.byteLength % 4 !== 0) throw new Error('weights blob length is not a multiple of 4 bytes');
  const data = bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Float32Array(bytes.slice().buffer);
  const w = { manifest, data };
  unpackWeights(w); // validate now rather than at first use
  return w;
}
