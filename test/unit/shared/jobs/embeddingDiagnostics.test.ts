// The `embeddings` artifact codec: round trip (a view into a larger buffer too, as SQLite hands it
// over), and clear errors for foreign meta or truncated bytes.
import { describe, expect, it } from 'vitest';
import { decodeEmbeddings, encodeEmbeddings } from '../../../../src-shared/jobs/embeddingDiagnostics';

const boxes = { count: 3, dim: 2, frame: Int32Array.from([1, 1, 4]), id: Int32Array.from([7, -2, 7]), embeddings: Float32Array.from([1, 0, 0.6, 0.8, -1, 0]) };
const meta = { format: 'trackwright.embeddings', version: 1, count: 3, dim: 2, gap: 3, anchors: [1] };

describe('embeddings artifact', () => {
  it('round-trips, also from an unaligned view into a larger buffer', () => {
    const bytes = encodeEmbeddings(boxes);
    expect(bytes.byteLength).toBe(8 * 3 + 4 * 6);
    const padded = new Uint8Array(bytes.byteLength + 5);
    padded.set(bytes, 3);
    for (const data of [bytes, padded.subarray(3, 3 + bytes.byteLength)]) {
      const d = decodeEmbeddings(meta, data);
      expect(d.meta.anchors).toEqual([1]);
      expect(d.boxes).toEqual(boxes);
    }
  });

  it('refuses other artifacts and truncated bytes', () => {
    expect(() => decodeEmbeddings({ format: 'trackwright.reid-weights' }, new Uint8Array(0))).toThrow(/not a trackwright.embeddings v1/);
    expect(() => decodeEmbeddings(meta, encodeEmbeddings(boxes).subarray(4))).toThrow(/has 44 bytes, expected 48 for 3 boxes of 2 values/);
  });
});
