// Writes detection sets and tracker-result sets (rows in per-chunk tiles).
import type { Database as Db } from 'better-sqlite3';
import type { BoxColumns } from '../../../../src-shared/formats/motTable';
import type { BoxSetRow } from '../readers/sets';
import { encodeTile } from '../tileCodec';
import { groupByChunk } from '../tiling';

/** A set to insert. */
export type NewBoxSet = Omit<BoxSetRow, 'id' | 'rowCount'>;

/** Inserts a set with its rows (results ordered by (frame, id), detections by frame then file order). */
export function insertBoxSet(db: Db, s: NewBoxSet, rows: BoxColumns): number {
  const r = db
    .prepare(
      `INSERT INTO box_sets (sequence_id, kind, name, origin_kind, origin_json, columns, row_count, created_ms)
       VALUES (@sequenceId, @kind, @name, @originKind, @origin, @columns, @rowCount, @createdMs)`,
    )
    .run({ ...s, origin: JSON.stringify(s.origin), rowCount: rows.count });
  const id = Number(r.lastInsertRowid);
  const ins = db.prepare('INSERT INTO set_tiles (set_id, chunk, box_count, data) VALUES (?, ?, ?, ?)');
  for (const g of groupByChunk(rows, s.kind === 'res' ? 'id' : 'input')) ins.run(id, g.chunk, g.rows.length, encodeTile(rows, g.rows));
  return id;
}

/** Deletes a set and its rows. */
export function deleteBoxSet(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM box_sets WHERE id = ?').run(id).changes > 0;
}
