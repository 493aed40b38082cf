// The edit history: applyEdits stores every applied edit list with its inverse as a revision; undo and
// redo walk the revisions of a sequence, so history survives restarts (PRODUCT.md §3 item 13).
import type { Database as Db } from 'better-sqlite3';
import type { Edit } from '../../../../src-shared/model/edits';
import { applyEdit, type Touched } from './edits';

/** What an apply, undo or redo changed. */
export interface EditOutcome {
  readonly revisionId: number | null;
  readonly groupId: number | null;
  readonly label: string | null;
  readonly tracks: number[];
  readonly fromFrame: number;
  readonly toFrame: number;
}

function newTouched(): Touched {
  return { tracks: new Set(), fromFrame: Infinity, toFrame: -Infinity };
}

function outcome(rev: { id: number; groupId: number; label: string } | undefined, t: Touched): EditOutcome {
  return {
    revisionId: rev?.id ?? null,
    groupId: rev?.groupId ?? null,
    label: rev?.label ?? null,
    tracks: [...t.tracks].sort((a, b) => a - b),
    fromFrame: Number.isFinite(t.fromFrame) ? t.fromFrame : 0,
    toFrame: Number.isFinite(t.toFrame) ? t.toFrame : 0,
  };
}

function applyAll(db: Db, seq: number, edits: readonly Edit[], t: Touched): Edit[] {
  const inverses: Edit[][] = [];
  for (const e of edits) inverses.push(applyEdit(db, seq, e, t));
  return inverses.reverse().flat();
}

/**
 * Applies edits as one revision (one transaction). With `groupId` equal to the latest group the
 * revision joins it (a drag sent in pieces undoes as one step); otherwise it starts a new group.
 * Redo history beyond this point is dropped, as in every editor.
 */
export function applyEdits(db: Db, seq: number, edits: readonly Edit[], label: string, nowMs: number, groupId?: number): EditOutcome {
  return db.transaction(() => {
    const t = newTouched();
    const inverse = applyAll(db, seq, edits, t);
    db.prepare('DELETE FROM revisions WHERE sequence_id = ? AND undone = 1').run(seq);
    const last = db.prepare('SELECT max(group_id) AS g FROM revisions WHERE sequence_id = ?').get(seq) as { g: number | null };
    const group = groupId !== undefined && groupId === last.g ? groupId : (last.g ?? 0) + 1;
    const r = db
      .prepare('INSERT INTO revisions (sequence_id, group_id, label, edits_json, inverse_json, created_ms) VALUES (?, ?, ?, ?, ?, ?)')
      .run(seq, group, label, JSON.stringify(edits), JSON.stringify(inverse), nowMs);
    return outcome({ id: Number(r.lastInsertRowid), groupId: group, label }, t);
  })();
}

type RevRow = { id: number; groupId: number; label: string; edits: string; inverse: string };
const REV_COLUMNS = 'id, group_id AS groupId, label, edits_json AS edits, inverse_json AS inverse';

/** Undoes the latest group that is not undone; revisionId is null when there is nothing to undo. */
export function undo(db: Db, seq: number): EditOutcome {
  return db.transaction(() => {
    const g = db.prepare('SELECT max(group_id) AS g FROM revisions WHERE sequence_id = ? AND undone = 0').get(seq) as { g: number | null };
    if (g.g === null) return outcome(undefined, newTouched());
    const revs = db.prepare(`SELECT ${REV_COLUMNS} FROM revisions WHERE sequence_id = ? AND group_id = ? ORDER BY id DESC`).all(seq, g.g) as RevRow[];
    const t = newTouched();
    for (const r of revs) applyAll(db, seq, JSON.parse(r.inverse) as Edit[], t);
    db.prepare('UPDATE revisions SET undone = 1 WHERE sequence_id = ? AND group_id = ?').run(seq, g.g);
    return outcome(revs.at(-1), t);
  })();
}

/** Redoes the earliest undone group; revisionId is null when there is nothing to redo. */
export function redo(db: Db, seq: number): EditOutcome {
  return db.transaction(() => {
    const g = db.prepare('SELECT min(group_id) AS g FROM revisions WHERE sequence_id = ? AND undone = 1').get(seq) as { g: number | null };
    if (g.g === null) return outcome(undefined, newTouched());
    const revs = db.prepare(`SELECT ${REV_COLUMNS} FROM revisions WHERE sequence_id = ? AND group_id = ? ORDER BY id`).all(seq, g.g) as RevRow[];
    const t = newTouched();
    for (const r of revs) applyAll(db, seq, JSON.parse(r.edits) as Edit[], t);
    db.prepare('UPDATE revisions SET undone = 0 WHERE sequence_id = ? AND group_id = ?').run(seq, g.g);
    return outcome(revs[0], t);
  })();
}

/** Drops a sequence's whole history (after its annotations were replaced wholesale). */
export function clearHistory(db: Db, seq: number): void {
  db.prepare('DELETE FROM revisions WHERE sequence_id = ?').run(seq);
}
