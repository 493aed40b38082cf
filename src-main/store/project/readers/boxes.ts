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
  const b = new BoxColumnsBuilder(1024);
  const st = db.prepare('SELECT chunk, data FROM box_tiles WHERE sequence_id = ? ORDER BY chunk, track_id');
  // Within a chunk, tiles come by track id and each tile by frame; a stable bucket pass by frame then
  // yields (frame, id) order without a comparator sort.
  let chunkStart = 0;
  let current = -1;
  const finishChunk = (): void => {
    if (b.count - chunkStart > 1) sortRangeByFrame(b, chunkStart, b.count);
    chunkStart = b.count;
  };
  for (const t of st.iterate(sequenceId) as Iterable<{ chunk: number; data: Uint8Array }>) {
    if (t.chunk !== current) {
      finishChunk();
      current = t.chunk;
    }
    b.addTile(t.data);
  }
  finishChunk();
  return b.build();
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

/** Stable reorder of builder rows [from, to) by frame (bucket sort; frames of one chunk span ≤ 64). */
function sortRangeByFrame(b: BoxColumnsBuilder, from: number, to: number): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    min = Math.min(min, b.frame[i]!);
    max = Math.max(max, b.frame[i]!);
  }
  if (min === max) return;
  const counts = new Int32Array(max - min + 2);
  for (let i = from; i < to; i++) counts[b.frame[i]! - min + 1]!++;
  for (let k = 0; k < counts.length - 1; k++) counts[k + 1]! += counts[k]!;
  const order = new Int32Array(to - from);
  for (let i = from; i < to; i++) order[counts[b.frame[i]! - min]!++] = i;
  for (const key of ['frame', 'id', 'x', 'y', 'w', 'h', 'conf', 'c8', 'c9', 'c10', 'flags'] as const) {
    const a = b[key];
    const tmp = a.slice(from, to);
    for (let k = 0; k < order.length; k++) a[from + k] = tmp[order[k]! - from]!;
  }
}
