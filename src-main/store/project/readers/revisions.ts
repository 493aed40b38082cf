import type { Database as Db } from 'better-sqlite3';

/** Where a sequence's history stands: what undo and redo would do. */
export interface HistoryState {
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  readonly revisions: number;
}

/** The labels of the next undo and redo steps. */
export function historyState(db: Db, seq: number): HistoryState {
  const u = db
    .prepare('SELECT label FROM revisions WHERE sequence_id = ? AND undone = 0 ORDER BY group_id DESC, id DESC LIMIT 1')
    .get(seq) as { label: string } | undefined;
  const r = db
    .prepare('SELECT label FROM revisions WHERE sequence_id = ? AND undone = 1 ORDER BY group_id, id LIMIT 1')
    .get(seq) as { label: string } | undefined;
  const n = db.prepare('SELECT count(*) AS n FROM revisions WHERE sequence_id = ?').get(seq) as { n: number };
  return { undoLabel: u?.label ?? null, redoLabel: r?.label ?? null, revisions: n.n };
}

/** The id of the latest applied (not undone) revision, or null: names the annotation state it reflects. */
export function latestRevisionId(db: Db, seq: number): number | null {
  const r = db.prepare('SELECT max(id) AS id FROM revisions WHERE sequence_id = ? AND undone = 0').get(seq) as { id: number | null };
  return r.id;
}
