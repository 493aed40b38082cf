import type { Database as Db } from 'better-sqlite3';
import type { SequenceRow } from '../readers/sequences';

/** A sequence to insert. */
export type NewSequence = Omit<SequenceRow, 'id'>;

/** Inserts a sequence row; returns its id. */
export function insertSequence(db: Db, s: NewSequence): number {
  const r = db
    .prepare(
      `INSERT INTO sequences (name, frame_count, fps, width, height, source_kind, source_path, frames_dir, seqinfo_json, benchmark, gt_layout, gt_columns, created_ms)
       VALUES (@name, @frameCount, @fps, @width, @height, @sourceKind, @sourcePath, @framesDir, @seqinfo, @benchmark, @gtLayout, @gtColumns, @createdMs)`,
    )
    .run({ ...s, seqinfo: JSON.stringify(s.seqinfo) });
  return Number(r.lastInsertRowid);
}

/** Records where each frame's file is. */
export function insertFrames(db: Db, sequenceId: number, frames: readonly { frame: number; file: string; videoPts?: number | null }[]): void {
  const st = db.prepare('INSERT INTO frames (sequence_id, frame_index, file_name, video_pts) VALUES (?, ?, ?, ?)');
  for (const f of frames) st.run(sequenceId, f.frame, f.file, f.videoPts ?? null);
}

/** Sets the GT conventions of a sequence (when a gt.txt is imported into it). */
export function updateGtConventions(db: Db, sequenceId: number, c: { benchmark: string | null; gtLayout: SequenceRow['gtLayout']; gtColumns: number }): void {
  db.prepare('UPDATE sequences SET benchmark = ?, gt_layout = ?, gt_columns = ? WHERE id = ?').run(c.benchmark, c.gtLayout, c.gtColumns, sequenceId);
}

/** Deletes a sequence with everything in it. */
export function deleteSequence(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM sequences WHERE id = ?').run(id).changes > 0;
}
