import type { Migration } from '../../migrate';

/**
 * Runs: every evaluation, tracking, tuning and training run, with its job state (the job runner
 * persists each change, so after a reload the UI asks the store, not memory — ARCHITECTURE.md §3),
 * its configuration, results per sequence, ID-switch events, curves and artifacts (weights,
 * checkpoints). Tuning trials are runs whose parent is the tuning run.
 */
export const m0003Runs: Migration = {
  version: 3,
  name: '0003-runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('eval', 'track', 'tune', 'train', 'ablate')),
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        title TEXT NOT NULL,
        config_json TEXT NOT NULL,
        -- the TensorFlow.js backend that ran it (training, learned inference), else NULL
        backend TEXT,
        -- the latest progress event, for a UI that (re)connects while the run goes on
        progress_json TEXT,
        -- headline figures (HOTA, IDF1, ... or final losses) for the history table
        summary_json TEXT,
        error_json TEXT,
        created_ms INTEGER NOT NULL,
        started_ms INTEGER,
        finished_ms INTEGER,
        -- the process running it: a run still 'running' whose process is gone was interrupted
        owner_pid INTEGER
      ) STRICT;
      CREATE INDEX runs_by_time ON runs(created_ms DESC);
      CREATE INDEX runs_by_parent ON runs(parent_id);

      -- metrics of one sequence (or COMBINED_SEQ) of an evaluation, TrackEval field names
      CREATE TABLE run_metrics (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        sequence TEXT NOT NULL,
        metrics_json TEXT NOT NULL,
        PRIMARY KEY (run_id, sequence)
      ) STRICT, WITHOUT ROWID;

      -- ID-switch and fragmentation events of one sequence of an evaluation
      CREATE TABLE run_events (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        sequence TEXT NOT NULL,
        events_json TEXT NOT NULL,
        PRIMARY KEY (run_id, sequence)
      ) STRICT, WITHOUT ROWID;

      -- named blobs: model weights, checkpoints, loss curves, trial tables
      CREATE TABLE run_artifacts (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        meta_json TEXT NOT NULL DEFAULT '{}',
        data BLOB NOT NULL,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (run_id, name)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
