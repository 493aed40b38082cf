// Embedding diagnostics as a job (embeddings.start): what the service sends the worker, what comes
// back, and how the embeddings are stored as the diagnostics run's `embeddings` artifact so the UI can
// draw the similarity matrix of any anchor frame without another job.
import type { EmbeddedBoxes, SimilarityStats } from '../analysis/embeddingSimilarity';

/** One frame to embed: its image and its annotated boxes (GT ids). */
export interface DiagnosticsFrame {
  readonly frame: number;
  readonly file: string;
  readonly ids: Int32Array;
  /** 4 values per box: x1, y1, x2, y2 (pixels). */
  readonly tlbr: Float64Array;
}

/** embeddings.worker's start payload. */
export interface DiagnosticsPayload {
  /** A training run's weights (manifest JSON + float32 bytes). */
  readonly weights: { readonly manifest: string; readonly data: Uint8Array };
  /** In frame order. */
  readonly frames: readonly DiagnosticsFrame[];
  readonly anchors: readonly number[];
  readonly gap: number;
  readonly bins: number;
}

/** embeddings.worker's progress. */
export interface DiagnosticsProgress {
  readonly done: number;
  readonly total: number;
  readonly frame: number;
  readonly boxes: number;
}

/** embeddings.worker's result (`status` 'cancelled' when it stopped early: nothing is stored then). */
export interface DiagnosticsResult {
  readonly status: 'completed' | 'cancelled';
  readonly boxes: EmbeddedBoxes;
  readonly stats: SimilarityStats | null;
  readonly durationMs: number;
  readonly boxesPerSec: number;
}

/** Meta of the `embeddings` artifact. */
export interface EmbeddingsArtifactMeta {
  readonly format: 'trackwright.embeddings';
  readonly version: 1;
  readonly count: number;
  readonly dim: number;
  readonly gap: number;
  readonly anchors: readonly number[];
}

/** The artifact's bytes: frame (int32 × count) | GT id (int32 × count) | embeddings (float32 × count·dim), little-endian. */
export function encodeEmbeddings(b: EmbeddedBoxes): Uint8Array {
  const out = new Uint8Array(8 * b.count + 4 * b.count * b.dim);
  const v = new DataView(out.buffer);
  for (let i = 0; i < b.count; i++) {
    v.setInt32(4 * i, b.frame[i]!, true);
    v.setInt32(4 * (b.count + i), b.id[i]!, true);
  }
  for (let k = 0; k < b.count * b.dim; k++) v.setFloat32(8 * b.count + 4 * k, b.embeddings[k]!, true);
  return out;
}

/** The inverse of encodeEmbeddings; throws when the bytes do not fit the meta. */
export function decodeEmbeddings(meta: unknown, data: Uint8Array): { meta: EmbeddingsArtifactMeta; boxes: EmbeddedBoxes } {
  const m = meta as Partial<EmbeddingsArtifactMeta> | null;
  if (m?.format !== 'trackwright.embeddings' || m.version !== 1 || !Number.isInteger(m.count) || !Number.isInteger(m.dim) || !Array.isArray(m.anchors)) {
    throw new Error('the artifact is not a trackwright.embeddings v1');
  }
  const count = m.count!;
  const dim = m.dim!;
  if (data.byteLength !== 8 * count + 4 * count * dim) throw new Error(`the embeddings artifact has ${data.byteLength} bytes, expected ${8 * count + 4 * count * dim} for ${count} boxes of ${dim} values`);
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const frame = new Int32Array(count);
  const id = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    frame[i] = v.getInt32(4 * i, true);
    id[i] = v.getInt32(4 * (count + i), true);
  }
  const embeddings = new Float32Array(count * dim);
  for (let k = 0; k < count * dim; k++) embeddings[k] = v.getFloat32(8 * count + 4 * k, true);
  return { meta: m as EmbeddingsArtifactMeta, boxes: { count, dim, frame, id, embeddings } };
}
