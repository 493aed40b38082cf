import { describe, expect, it } from 'vitest';
import { allocTable } from '../../../../src-shared/formats/motTable';
import { BoxColumnsBuilder, chunkOf, encodeTile, TILE_FRAMES } from '../../../../src-main/store/project/tileCodec';
import { groupByChunk, groupByTrackChunk } from '../../../../src-main/store/project/tiling';

function table(rows: [frame: number, id: number][]) {
  const t = allocTable('gt', 9, rows.length);
  rows.forEach(([f, id], i) => {
    t.frame[i] = f;
    t.id[i] = id;
    t.x[i] = f + id / 10;
    t.w[i] = t.h[i] = 1;
    t.count++;
  });
  return t;
}

describe('box tiles', () => {
  it('encode/decode keeps every column bit-exact (NaN, -0, denormals included)', () => {
    const t = table([[1, 1], [2, 1], [3, 1]]);
    t.y[0] = -0;
    t.c9[1] = 5e-324;
    t.conf[2] = 0.1 + 0.2;
    const flags = new Uint8Array([1, 2, 3]);
    const blob = encodeTile({ ...t, flags }, [0, 1, 2]);
    const b = new BoxColumnsBuilder();
    b.addTile(new Uint8Array(blob)); // aligned
    const shifted = new Uint8Array(blob.length + 3);
    shifted.set(blob, 3);
    b.addTile(shifted.subarray(3)); // unaligned, as SQLite BLOB buffers can be
    const out = b.build();
    expect(out.count).toBe(6);
    expect(Object.is(out.y[0], -0)).toBe(true);
    expect(out.c9[1]).toBe(5e-324);
    expect(out.conf[5]).toBe(0.1 + 0.2);
    expect(Number.isNaN(out.c10[0]!)).toBe(true);
    expect(Array.from(out.flags)).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('decodes only one frame of a tile on request', () => {
    const t = table([[1, 4], [2, 4], [3, 4]]);
    const b = new BoxColumnsBuilder();
    b.addTile(encodeTile(t, [0, 1, 2]), 2);
    expect(Array.from(b.build().frame)).toEqual([2]);
  });

  it('refuses a damaged tile', () => {
    const blob = encodeTile(table([[1, 1]]), [0]);
    expect(() => new BoxColumnsBuilder().addTile(blob.subarray(0, blob.length - 1))).toThrow(/damaged/);
  });

  it('groups annotation rows by (chunk, track) in key order, each by frame', () => {
    // Rows deliberately out of order; frames 64 and 65 fall in chunks 0 and 1 (TILE_FRAMES = 64).
    expect(TILE_FRAMES).toBe(64);
    const t = table([[65, 2], [3, 9], [64, 2], [1, 2], [2, 9], [130, 2]]);
    const groups = groupByTrackChunk(t).map((g) => ({ chunk: g.chunk, track: g.trackId, frames: Array.from(g.rows, (r) => t.frame[r]) }));
    expect(groups).toEqual([
      { chunk: 0, track: 2, frames: [1, 64] },
      { chunk: 0, track: 9, frames: [2, 3] },
      { chunk: 1, track: 2, frames: [65] },
      { chunk: 2, track: 2, frames: [130] },
    ]);
    expect(chunkOf(64)).toBe(0);
    expect(chunkOf(65)).toBe(1);
  });

  it('groups set rows by chunk, by frame then id (results) or file order (detections)', () => {
    const t = table([[2, 5], [1, 9], [2, 1], [1, 3]]);
    const byId = groupByChunk(t, 'id')[0]!;
    expect(Array.from(byId.rows, (r) => `${t.frame[r]}/${t.id[r]}`)).toEqual(['1/3', '1/9', '2/1', '2/5']);
    const byInput = groupByChunk(t, 'input')[0]!;
    expect(Array.from(byInput.rows, (r) => `${t.frame[r]}/${t.id[r]}`)).toEqual(['1/9', '1/3', '2/5', '2/1']);
  });
});
