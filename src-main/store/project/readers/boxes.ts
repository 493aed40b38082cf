// Reads annotation boxes from their tiles.
import type { Database as Db } from 'better-sqlite3';
import { BoxColumnsBuilder, chunkOf, type FlaggedBoxes } from '../tileCodec';

/** A track row with its summary. */
export interface TrackRow {
  readonly trackId: number;
  readonly classId: number;
  readonly attributes: Record<string, string | number | boolean>;
  readonly boxCount: number;
  readonly firstFrame: number | null;
  readonly lastFrame: number | null;
}

type TileRow = { data: Uint8Array };

/** Every box of one frame, by track id. */
export function readFrameBoxes(db: Db, sequenceId: number, frame: number): FlaggedBoxes {
  const b = new BoxColumnsBuilder();
  const tiles = db.prepare('SELECT data FROM box_tiles WHERE sequence_id = ? AND chunk = ? ORDER BY track_id').all(sequenceId, chunkOf(frame)) as TileRow[];
  for (const t of tiles) b.addTile(t.data, frame);
  return b.build();
}

/** The boxes of one track (optionally within [fromFrame, toFrame]), by frame. */
export function readTrackBoxes(db: Db, sequenceId: number, trackId: number, fromFrame = 1, toFrame = 2147483647): FlaggedBoxes {
  const b = new BoxColumnsBuilder();
  const tiles = db
    .prepare('SELECT data FROM box_tiles WHERE sequence_id = ? AND track_id = ? AND chunk BETWEEN ? AND ? ORDER BY chunk')
    .all(sequenceId, trackId, chunkOf(fromFrame), chunkOf(toFrame)) as TileRow[];
  for (const t of tiles) b.addTile(t.data);
  if (fromFrame <= 1 && toFrame >= 2147483647) return b.build();
  const all = b.build();
  const keep: number[] = [];
  for (let i = 0; i < all.count; i++) if (all.frame[i]! >= fromFrame && all.frame[i]! <= toFrame) keep.push(i);
  const out = new BoxColumnsBuilder(keep.length);
  for (const i of keep) out.push(boxAt(all, i));
  return out.build();
}

/** Every annotation box of a sequence, ordered by (frame, track id). */
export function readAllBoxes(db: Db, sequenceId: number): FlaggedBoxes {
  // Sized by the tracks' box counts: no regrowth copies (a wrong count only costs them back).
  const b = new BoxColumnsBuilder(Math.max(64, countBoxes(db, sequenceId)));
  const chunkStarts: number[] = [];
  let current = -1;
  for (const t of db.prepare('SELECT chunk, data FROM box_tiles WHERE sequence_id = ? ORDER BY chunk, track_id').iterate(sequenceId) as Iterable<{ chunk: number; data: Uint8Array }>) {
    if (t.chunk !== current) {
      chunkStarts.push(b.count);
      current = t.chunk;
    }
    b.addTile(t.data);
  }
  chunkStarts.push(b.count);
  // Within a chunk, tiles come by track id and each tile by frame: a stable bucket pass by frame
  // yields (frame, id) order; one permutation is then applied to every column.
  const order = new Int32Array(b.count);
  for (let c = 0; c + 1 < chunkStarts.length; c++) bucketByFrame(b.frame, chunkStarts[c]!, chunkStarts[c + 1]!, order);
  return permute(b.view(), order);
}

/** Every track of a sequence with its summary, by id. */
export function listTracks(db: Db, sequenceId: number): TrackRow[] {
  const rows = db
    .prepare(
      `SELECT track_id AS trackId, class_id AS classId, attributes_json AS attributes, box_count AS boxCount, first_frame AS firstFrame, last_frame AS lastFrame
       FROM tracks WHERE sequence_id = ? ORDER BY track_id`,
    )
    .all(sequenceId) as (Omit<TrackRow, 'attributes'> & { attributes: string })[];
  return rows.map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as TrackRow['attributes'] }));
}

/** One track, or undefined. */
export function getTrack(db: Db, sequenceId: number, trackId: number): TrackRow | undefined {
  const r = db
    .prepare(
      `SELECT track_id AS trackId, class_id AS classId, attributes_json AS attributes, box_count AS boxCount, first_frame AS firstFrame, last_frame AS lastFrame
       FROM tracks WHERE sequence_id = ? AND track_id = ?`,
    )
    .get(sequenceId, trackId) as (Omit<TrackRow, 'attributes'> & { attributes: string }) | undefined;
  return r && { ...r, attributes: JSON.parse(r.attributes) as TrackRow['attributes'] };
}

/** Total annotation boxes of a sequence. */
export function countBoxes(db: Db, sequenceId: number): number {
  return (db.prepare('SELECT coalesce(sum(box_count), 0) AS n FROM tracks WHERE sequence_id = ?').get(sequenceId) as { n: number }).n;
}

/** Box i of columns as a plain record. */
export function boxAt(c: FlaggedBoxes, i: number) {
  return {
    frame: c.frame[i]!,
    id: c.id[i]!,
    x: c.x[i]!,
    y: c.y[i]!,
    w: c.w[i]!,
    h: c.h[i]!,
    conf: c.conf[i]!,
    c8: c.c8[i]!,
    c9: c.c9[i]!,
    c10: c.c10[i]!,
    flags: c.flags[i]!,
  };
}

/** Writes into order[from..to) the indices from..to-1 stably sorted by frame (frames of a chunk span ≤ 64). */
function bucketByFrame(frame: Int32Array, from: number, to: number, order: Int32Array): void {
  let min = 2147483647;
  let max = 0;
  for (let i = from; i < to; i++) {
    const f = frame[i]!;
    if (f < min) min = f;
    if (f > max) max = f;
  }
  const counts = new Int32Array(max - min + 2);
  for (let i = from; i < to; i++) counts[frame[i]! - min + 1]!++;
  for (let k = 0; k + 1 < counts.length; k++) counts[k + 1]! += counts[k]!;
  for (let i = from; i < to; i++) order[from + counts[frame[i]! - min]!++] = i;
}

function permuteI32(a: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = a[order[k]!]!;
  return out;
}
function permuteF64(a: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = a[order[k]!]!;
  return out;
}
function permuteU8(a: Uint8Array, order: Int32Array): Uint8Array {
  const out = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = a[order[k]!]!;
  return out;
}

/** The boxes reordered by `order` (monomorphic loops: this runs over every box of a sequence). */
function permute(c: FlaggedBoxes, order: Int32Array): FlaggedBoxes {
  return {
    count: c.count,
    frame: permuteI32(c.frame, order),
    id: permuteI32(c.id, order),
    x: permuteF64(c.x, order),
    y: permuteF64(c.y, order),
    w: permuteF64(c.w, order),
    h: permuteF64(c.h, order),
    conf: permuteF64(c.conf, order),
    c8: permuteF64(c.c8, order),
    c9: permuteF64(c.c9, order),
    c10: permuteF64(c.c10, order),
    flags: permuteU8(c.flags, order),
  };
}
