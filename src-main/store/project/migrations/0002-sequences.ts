import type { Migration } from '../../migrate';

/**
 * Sequences, their frames, annotation tracks and boxes, detection and tracker-result sets, and the
 * edit history.
 *
 * Boxes are stored in tiles, not one row per box: a tile holds the boxes of one track (annotations) or
 * of one set (detections, results) over TILE_FRAMES consecutive frames, as columns in a BLOB (see
 * tileCodec.ts). Row-per-box tables cannot meet the import target (1M rows in ≤ 2 s: better-sqlite3
 * inserts ~0.4M rows/s with the two indices "boxes of frame f" and "boxes of track t" need); tiles
 * make both queries index range scans over a few hundred rows, and a million boxes ~16k rows.
 */
export const m0002Sequences: Migration = {
  version: 2,
  name: '0002-sequences',
  up(db) {
    db.exec(`
      CREATE TABLE sequences (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        frame_count INTEGER NOT NULL CHECK (frame_count >= 1),
        fps REAL NOT NULL CHECK (fps > 0),
        width INTEGER NOT NULL CHECK (width >= 1),
        height INTEGER NOT NULL CHECK (height >= 1),
        -- where the frames come from: a MOTChallenge folder, a plain frame folder, a video (decoded to
        -- frames at import), or nothing (annotations without images)
        source_kind TEXT NOT NULL CHECK (source_kind IN ('mot', 'frames', 'video', 'none')),
        source_path TEXT,
        -- folder holding the frame files (absolute); for videos, the extracted frames
        frames_dir TEXT,
        -- seqinfo.ini entries in file order, as [[key, value], ...]
        seqinfo_json TEXT NOT NULL,
        -- MOT15 | MOT16 | MOT17 | MOT20 | NULL: the benchmark conventions the GT follows
        benchmark TEXT,
        -- columns 8-10 of the GT: class-visibility (MOT16/17/20) or world (MOT15)
        gt_layout TEXT NOT NULL DEFAULT 'class-visibility' CHECK (gt_layout IN ('class-visibility', 'world')),
        gt_columns INTEGER NOT NULL DEFAULT 9,
        created_ms INTEGER NOT NULL
      ) STRICT;

      -- frame_index is the 1-based MOT frame number; file_name is relative to sequences.frames_dir
      CREATE TABLE frames (
        sequence_id INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
        frame_index INTEGER NOT NULL CHECK (frame_index >= 1),
        file_name TEXT NOT NULL,
        -- videos: the frame's presentation time in seconds in the source file (provenance)
        video_pts REAL,
        PRIMARY KEY (sequence_id, frame_index)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tracks (
        sequence_id INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
        track_id INTEGER NOT NULL CHECK (track_id >= 1),
        class_id INTEGER NOT NULL DEFAULT 1,
        attributes_json TEXT NOT NULL DEFAULT '{}',
        -- kept current by the writers: the timeline and track lists read them without decoding tiles
        box_count INTEGER NOT NULL DEFAULT 0,
        first_frame INTEGER,
        last_frame INTEGER,
        PRIMARY KEY (sequence_id, track_id)
      ) STRICT, WITHOUT ROWID;

      -- annotation boxes of one track in frames [chunk*T+1, (chunk+1)*T]
      CREATE TABLE box_tiles (
        sequence_id INTEGER NOT NULL,
        chunk INTEGER NOT NULL,
        track_id INTEGER NOT NULL,
        box_count INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (sequence_id, chunk, track_id),
        FOREIGN KEY (sequence_id, track_id) REFERENCES tracks(sequence_id, track_id) ON DELETE CASCADE ON UPDATE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX box_tiles_by_track ON box_tiles(sequence_id, track_id, chunk);

      -- detection sets and tracker result sets: imported from a file or produced by a run
      CREATE TABLE box_sets (
        id INTEGER PRIMARY KEY,
        sequence_id INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('det', 'res')),
        name TEXT NOT NULL,
        origin_kind TEXT NOT NULL CHECK (origin_kind IN ('imported', 'produced')),
        -- imported: { "file": ... }; produced: { "runId": ..., "tracker": ..., ... }
        origin_json TEXT NOT NULL,
        columns INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        UNIQUE (sequence_id, kind, name)
      ) STRICT;

      -- rows of one set in frames [chunk*T+1, (chunk+1)*T], ordered by frame then file order
      CREATE TABLE set_tiles (
        set_id INTEGER NOT NULL REFERENCES box_sets(id) ON DELETE CASCADE,
        chunk INTEGER NOT NULL,
        box_count INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (set_id, chunk)
      ) STRICT, WITHOUT ROWID;

      -- every applied edit with its inverse; edits of one user action share group_id (a drag is one group)
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        sequence_id INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        edits_json TEXT NOT NULL,
        inverse_json TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        -- 1 once undone: redo applies edits_json again; a new edit drops undone revisions
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;
      CREATE INDEX revisions_by_sequence ON revisions(sequence_id, group_id, id);
    `);
  },
};
