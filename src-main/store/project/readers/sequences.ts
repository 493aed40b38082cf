import type { Database as Db } from 'better-sqlite3';

/** How a sequence's frames are stored. */
export type SourceKind = 'mot' | 'frames' | 'video' | 'none';

/** A sequence row. */
export interface SequenceRow {
  readonly id: number;
  readonly name: string;
  readonly frameCount: number;
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly sourceKind: SourceKind;
  readonly sourcePath: string | null;
  readonly framesDir: string | null;
  readonly seqinfo: [string, string][];
  readonly benchmark: string | null;
  readonly gtLayout: 'class-visibility' | 'world';
  readonly gtColumns: number;
  readonly createdMs: number;
}

const COLUMNS = `id, name, frame_count AS frameCount, fps, width, height, source_kind AS sourceKind, source_path AS sourcePath,
  frames_dir AS framesDir, seqinfo_json AS seqinfo, benchmark, gt_layout AS gtLayout, gt_columns AS gtColumns, created_ms AS createdMs`;

function decode(r: (Omit<SequenceRow, 'seqinfo'> & { seqinfo: string }) | undefined): SequenceRow | undefined {
  return r && { ...r, seqinfo: JSON.parse(r.seqinfo) as [string, string][] };
}

/** Every sequence, by name. */
export function listSequences(db: Db): SequenceRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM sequences ORDER BY name`).all() as Parameters<typeof decode>[0][]).map((r) => decode(r)!);
}

/** One sequence by id. */
export function getSequence(db: Db, id: number): SequenceRow | undefined {
  return decode(db.prepare(`SELECT ${COLUMNS} FROM sequences WHERE id = ?`).get(id) as Parameters<typeof decode>[0]);
}

/** One sequence by name. */
export function getSequenceByName(db: Db, name: string): SequenceRow | undefined {
  return decode(db.prepare(`SELECT ${COLUMNS} FROM sequences WHERE name = ?`).get(name) as Parameters<typeof decode>[0]);
}

/** The file of one frame (relative to the sequence's frames_dir), or undefined. */
export function getFrameFile(db: Db, sequenceId: number, frame: number): string | undefined {
  const r = db.prepare('SELECT file_name AS f FROM frames WHERE sequence_id = ? AND frame_index = ?').get(sequenceId, frame) as { f: string } | undefined;
  return r?.f;
}

/** Every frame's file, in frame order. */
export function listFrameFiles(db: Db, sequenceId: number): { frame: number; file: string; videoPts: number | null }[] {
  return db
    .prepare('SELECT frame_index AS frame, file_name AS file, video_pts AS videoPts FROM frames WHERE sequence_id = ? ORDER BY frame_index')
    .all(sequenceId) as { frame: number; file: string; videoPts: number | null }[];
}
