// Writes annotation boxes: bulk import into tiles, and the tile-level primitives the edit engine uses.
import type { Database as Db } from 'better-sqlite3';
import type { BoxColumns } from '../../../../src-shared/formats/motTable';
import { boxAt } from '../readers/boxes';
import { BoxColumnsBuilder, encodeTile, TILE_FRAMES, type FlaggedBoxes } from '../tileCodec';
import { groupByTrackChunk } from '../tiling';

/** One stored box as a plain record (id = track id). */
export type StoredBox = ReturnType<typeof boxAt>;

/**
 * Inserts annotation boxes (unique per (frame, id)) into a sequence that has none, with a track row
 * per id (class: the most frequent column-8 class when `classFromC8`, else 1). Run inside a transaction.
 */
export function insertAnnotationBoxes(db: Db, sequenceId: number, boxes: BoxColumns & { flags: Uint8Array }, classFromC8: boolean): void {
  const summary = new Map<number, { n: number; first: number; last: number; classes: Int32Array }>();
  let s: { n: number; first: number; last: number; classes: Int32Array } | undefined;
  let sId = NaN;
  for (let i = 0; i < boxes.count; i++) {
    const id = boxes.id[i]!;
    const f = boxes.frame[i]!;
    if (id !== sId) {
      s = summary.get(id);
      if (!s) summary.set(id, (s = { n: 0, first: f, last: f, classes: new Int32Array(14) }));
      sId = id;
    }
    s!.n++;
    if (f < s!.first) s!.first = f;
    if (f > s!.last) s!.last = f;
    const c = boxes.c8[i]!;
    if (classFromC8 && c >= 1 && c <= 13 && Number.isInteger(c)) s!.classes[c]!++;
  }
  const insTrack = db.prepare(
    'INSERT INTO tracks (sequence_id, track_id, class_id, attributes_json, box_count, first_frame, last_frame) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [id, t] of [...summary].sort((a, b) => a[0] - b[0])) {
    const s = t;
    let cls = 1;
    for (let c = 2; c <= 13; c++) if (s.classes[c]! > s.classes[cls]!) cls = c;
    insTrack.run(sequenceId, id, cls, '{}', s.n, s.first, s.last);
  }
  const insTile = db.prepare('INSERT INTO box_tiles (sequence_id, chunk, track_id, box_count, data) VALUES (?, ?, ?, ?, ?)');
  for (const g of groupByTrackChunk(boxes)) insTile.run(sequenceId, g.chunk, g.trackId, g.rows.length, encodeTile(boxes, g.rows));
}

/** Removes every track and box of a sequence. */
export function deleteAnnotations(db: Db, sequenceId: number): void {
  db.prepare('DELETE FROM tracks WHERE sequence_id = ?').run(sequenceId);
}

/** The boxes of one tile as records sorted by frame ([] when the tile does not exist). */
export function loadTile(db: Db, sequenceId: number, chunk: number, trackId: number): StoredBox[] {
  const row = db.prepare('SELECT data FROM box_tiles WHERE sequence_id = ? AND chunk = ? AND track_id = ?').get(sequenceId, chunk, trackId) as
    | { data: Uint8Array }
    | undefined;
  if (!row) return [];
  const b = new BoxColumnsBuilder();
  b.addTile(row.data);
  const c = b.build();
  return Array.from({ length: c.count }, (_, i) => boxAt(c, i));
}

/** Stores a tile's boxes (sorted here by frame); an empty list deletes the tile. */
export function saveTile(db: Db, sequenceId: number, chunk: number, trackId: number, boxes: StoredBox[]): void {
  if (boxes.length === 0) {
    db.prepare('DELETE FROM box_tiles WHERE sequence_id = ? AND chunk = ? AND track_id = ?').run(sequenceId, chunk, trackId);
    return;
  }
  boxes.sort((a, b) => a.frame - b.frame);
  const b = new BoxColumnsBuilder(boxes.length);
  for (const x of boxes) b.push({ ...x, id: trackId });
  const cols: FlaggedBoxes = b.build();
  const order = Array.from({ length: cols.count }, (_, i) => i);
  db.prepare(
    `INSERT INTO box_tiles (sequence_id, chunk, track_id, box_count, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sequence_id, chunk, track_id) DO UPDATE SET box_count = excluded.box_count, data = excluded.data`,
  ).run(sequenceId, chunk, trackId, cols.count, encodeTile(cols, order));
}

/** Recomputes a track's box count and first/last frame from its tiles. */
export function refreshTrackSummary(db: Db, sequenceId: number, trackId: number): void {
  const agg = db
    .prepare('SELECT coalesce(sum(box_count), 0) AS n, min(chunk) AS lo, max(chunk) AS hi FROM box_tiles WHERE sequence_id = ? AND track_id = ?')
    .get(sequenceId, trackId) as { n: number; lo: number | null; hi: number | null };
  let first: number | null = null;
  let last: number | null = null;
  if (agg.lo !== null && agg.hi !== null) {
    first = loadTile(db, sequenceId, agg.lo, trackId)[0]?.frame ?? agg.lo * TILE_FRAMES + 1;
    last = loadTile(db, sequenceId, agg.hi, trackId).at(-1)?.frame ?? (agg.hi + 1) * TILE_FRAMES;
  }
  db.prepare('UPDATE tracks SET box_count = ?, first_frame = ?, last_frame = ? WHERE sequence_id = ? AND track_id = ?').run(
    agg.n,
    first,
    last,
    sequenceId,
    trackId,
  );
}

/** The chunks in which a track has tiles, within [fromChunk, toChunk]. */
export function trackChunks(db: Db, sequenceId: number, trackId: number, fromChunk: number, toChunk: number): number[] {
  return (
    db
      .prepare('SELECT chunk FROM box_tiles WHERE sequence_id = ? AND track_id = ? AND chunk BETWEEN ? AND ? ORDER BY chunk')
      .all(sequenceId, trackId, fromChunk, toChunk) as { chunk: number }[]
  ).map((r) => r.chunk);
}

/** Inserts or replaces a track row's own fields (its summary columns are left as they are). */
export function upsertTrackRow(db: Db, sequenceId: number, t: { trackId: number; classId: number; attributes: object }): void {
  db.prepare(
    `INSERT INTO tracks (sequence_id, track_id, class_id, attributes_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (sequence_id, track_id) DO UPDATE SET class_id = excluded.class_id, attributes_json = excluded.attributes_json`,
  ).run(sequenceId, t.trackId, t.classId, JSON.stringify(t.attributes));
}

/** Deletes a track row with all its tiles. */
export function deleteTrackRow(db: Db, sequenceId: number, trackId: number): void {
  db.prepare('DELETE FROM tracks WHERE sequence_id = ? AND track_id = ?').run(sequenceId, trackId);
}
