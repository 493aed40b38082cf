// Splits box columns into tiles: linear-time bucketing (counting sorts), because a million-row import
// must stay well under a second here (a comparator sort of 1M rows alone costs ~0.5 s).
import type { BoxColumns } from '../../../src-shared/formats/motTable';
import { chunkOf, TILE_FRAMES } from './tileCodec';

/** Rows of one tile: indices into the source columns, in tile order. */
export interface RowGroup {
  readonly chunk: number;
  /** The track of an annotation tile; -1 for set tiles. */
  readonly trackId: number;
  readonly rows: Int32Array;
}

/** Stable counting sort of row indices by an integer key in [0, keys). */
function countingSort(rows: Int32Array, key: (r: number) => number, keys: number): Int32Array {
  const counts = new Int32Array(keys + 1);
  for (let i = 0; i < rows.length; i++) counts[key(rows[i]!) + 1]!++;
  for (let k = 0; k < keys; k++) counts[k + 1]! += counts[k]!;
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[counts[key(rows[i]!)]!++] = rows[i]!;
  return out;
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Each row's id rank (0 = smallest id) and the number of distinct ids. */
function rankIds(c: BoxColumns): { rank: Int32Array; distinct: number } {
  const dense = new Map<number, number>();
  const ids: number[] = [];
  for (let r = 0; r < c.count; r++) {
    const id = c.id[r]!;
    if (!dense.has(id)) {
      dense.set(id, ids.length);
      ids.push(id);
    }
  }
  // Sort tracks so tiles are written in primary-key order.
  const byId = [...ids.keys()].sort((a, b) => ids[a]! - ids[b]!);
  const rank = new Int32Array(ids.length);
  byId.forEach((d, i) => (rank[d] = i));
  const trackRank = new Int32Array(c.count);
  for (let r = 0; r < c.count; r++) trackRank[r] = rank[dense.get(c.id[r]!)!]!;
  return { rank: trackRank, distinct: ids.length };
}

/** Annotation tiles: one group per (chunk, track), rows by frame. Requires unique (frame, id). */
export function groupByTrackChunk(c: BoxColumns): RowGroup[] {
  const { rank: trackRank, distinct } = rankIds(c);
  let maxChunk = 0;
  for (let r = 0; r < c.count; r++) maxChunk = Math.max(maxChunk, chunkOf(c.frame[r]!));
  // Three stable passes: frame offset within chunk, then track, then chunk.
  let rows = countingSort(allRows(c.count), (r) => (c.frame[r]! - 1) % TILE_FRAMES, TILE_FRAMES);
  rows = countingSort(rows, (r) => trackRank[r]!, distinct);
  rows = countingSort(rows, (r) => chunkOf(c.frame[r]!), maxChunk + 1);
  const groups: RowGroup[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const a = rows[start]!;
    if (i === rows.length || chunkOf(c.frame[rows[i]!]!) !== chunkOf(c.frame[a]!) || c.id[rows[i]!] !== c.id[a]) {
      groups.push({ chunk: chunkOf(c.frame[a]!), trackId: c.id[a]!, rows: rows.subarray(start, i) });
      start = i;
    }
  }
  return groups;
}

/**
 * Set tiles: one group per chunk, rows by frame and, within a frame, by id (`'id'`, results) or in
 * input order (`'input'`, detections, whose ids are not unique).
 */
export function groupByChunk(c: BoxColumns, withinFrame: 'id' | 'input'): RowGroup[] {
  let rows = allRows(c.count);
  if (withinFrame === 'id') {
    const { rank, distinct } = rankIds(c);
    rows = countingSort(rows, (r) => rank[r]!, distinct);
  }
  let maxFrame = 0;
  for (let r = 0; r < c.count; r++) maxFrame = Math.max(maxFrame, c.frame[r]!);
  rows = countingSort(rows, (r) => c.frame[r]! - 1, maxFrame);
  const groups: RowGroup[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || chunkOf(c.frame[rows[i]!]!) !== chunkOf(c.frame[rows[start]!]!)) {
      groups.push({ chunk: chunkOf(c.frame[rows[start]!]!), trackId: -1, rows: rows.subarray(start, i) });
      start = i;
    }
  }
  return groups;
}
