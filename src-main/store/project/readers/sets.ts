// Reads detection sets and tracker-result sets.
import type { Database as Db } from 'better-sqlite3';
import { BoxColumnsBuilder, chunkOf, type FlaggedBoxes } from '../tileCodec';

/** A detection or tracker-result set. */
export interface BoxSetRow {
  readonly id: number;
  readonly sequenceId: number;
  readonly kind: 'det' | 'res';
  readonly name: string;
  readonly originKind: 'imported' | 'produced';
  readonly origin: Record<string, unknown>;
  readonly columns: number;
  readonly rowCount: number;
  readonly createdMs: number;
}

const COLUMNS = `id, sequence_id AS sequenceId, kind, name, origin_kind AS originKind, origin_json AS origin, columns, row_count AS rowCount, created_ms AS createdMs`;
type Raw = Omit<BoxSetRow, 'origin'> & { origin: string };
const decode = (r: Raw): BoxSetRow => ({ ...r, origin: JSON.parse(r.origin) as Record<string, unknown> });

/** The sets of a sequence (or of every sequence), by kind and name. */
export function listBoxSets(db: Db, sequenceId?: number): BoxSetRow[] {
  const rows = (
    sequenceId === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM box_sets ORDER BY sequence_id, kind, name`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM box_sets WHERE sequence_id = ? ORDER BY kind, name`).all(sequenceId)
  ) as Raw[];
  return rows.map(decode);
}

/** One set by id. */
export function getBoxSet(db: Db, id: number): BoxSetRow | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM box_sets WHERE id = ?`).get(id) as Raw | undefined;
  return r && decode(r);
}

/** One set by sequence, kind and name. */
export function findBoxSet(db: Db, sequenceId: number, kind: 'det' | 'res', name: string): BoxSetRow | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM box_sets WHERE sequence_id = ? AND kind = ? AND name = ?`).get(sequenceId, kind, name) as Raw | undefined;
  return r && decode(r);
}

/** Every row of a set, by frame (then by id for results, file order for detections). */
export function readSetRows(db: Db, setId: number): FlaggedBoxes {
  const b = new BoxColumnsBuilder(1024);
  for (const t of db.prepare('SELECT data FROM set_tiles WHERE set_id = ? ORDER BY chunk').iterate(setId) as Iterable<{ data: Uint8Array }>) b.addTile(t.data);
  return b.build();
}

/** The rows of one frame of a set. */
export function readSetFrame(db: Db, setId: number, frame: number): FlaggedBoxes {
  const b = new BoxColumnsBuilder();
  const t = db.prepare('SELECT data FROM set_tiles WHERE set_id = ? AND chunk = ?').get(setId, chunkOf(frame)) as { data: Uint8Array } | undefined;
  if (t) b.addTile(t.data, frame);
  return b.build();
}
