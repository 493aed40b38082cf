import type { Database as Db } from 'better-sqlite3';
import type { RunKind, RunState } from '../readers/runs';

/** Inserts a queued run; returns its id. */
export function insertRun(db: Db, r: { jobId: string; parentId?: number | null; kind: RunKind; title: string; config: unknown; createdMs: number }): number {
  return Number(
    db
      .prepare(`INSERT INTO runs (job_id, parent_id, kind, state, title, config_json, created_ms, owner_pid) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`)
      .run(r.jobId, r.parentId ?? null, r.kind, r.title, JSON.stringify(r.config), r.createdMs, process.pid).lastInsertRowid,
  );
}

/** Updates a run's state and whichever of its other columns are given. */
export function updateRun(
  db: Db,
  id: number,
  u: { state?: RunState; backend?: string | null; progress?: unknown; summary?: unknown; error?: unknown; startedMs?: number; finishedMs?: number },
): void {
  const sets: string[] = [];
  const args: Record<string, unknown> = { id };
  const col = (column: string, key: string, value: unknown): void => {
    sets.push(`${column} = @${key}`);
    args[key] = value;
  };
  if (u.state !== undefined) col('state', 'state', u.state);
  if (u.backend !== undefined) col('backend', 'backend', u.backend);
  if (u.progress !== undefined) col('progress_json', 'progress', JSON.stringify(u.progress));
  if (u.summary !== undefined) col('summary_json', 'summary', JSON.stringify(u.summary));
  if (u.error !== undefined) col('error_json', 'error', JSON.stringify(u.error));
  if (u.startedMs !== undefined) col('started_ms', 'startedMs', u.startedMs);
  if (u.finishedMs !== undefined) col('finished_ms', 'finishedMs', u.finishedMs);
  if (sets.length) db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = @id`).run(args);
}

/** Stores (replaces) an evaluation's metrics and events of one sequence. */
export function putRunSequence(db: Db, runId: number, sequence: string, metrics: unknown, events?: unknown[]): void {
  db.prepare('INSERT OR REPLACE INTO run_metrics (run_id, sequence, metrics_json) VALUES (?, ?, ?)').run(runId, sequence, JSON.stringify(metrics));
  if (events) db.prepare('INSERT OR REPLACE INTO run_events (run_id, sequence, events_json) VALUES (?, ?, ?)').run(runId, sequence, JSON.stringify(events));
}

/** Stores (replaces) a named artifact of a run. */
export function putRunArtifact(db: Db, runId: number, name: string, data: Uint8Array, meta: unknown, nowMs: number): void {
  db.prepare('INSERT OR REPLACE INTO run_artifacts (run_id, name, meta_json, data, created_ms) VALUES (?, ?, ?, ?, ?)').run(runId, name, JSON.stringify(meta ?? {}), data, nowMs);
}

/** Deletes a run with everything attached (children, metrics, events, artifacts). */
export function deleteRun(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks runs left 'queued' or 'running' by a process that has ended (crash, kill) as failed: their
 * worker is gone. Runs of live processes (the app while the CLI looks) are left alone.
 */
export function failOrphanRuns(db: Db, nowMs: number): number {
  const rows = db.prepare(`SELECT id, owner_pid AS pid FROM runs WHERE state IN ('queued', 'running')`).all() as { id: number; pid: number | null }[];
  const orphans = rows.filter((r) => r.pid === null || (r.pid !== process.pid && !alive(r.pid)));
  const st = db.prepare(`UPDATE runs SET state = 'failed', finished_ms = ?, error_json = ? WHERE id = ?`);
  const err = JSON.stringify({ code: 'internal', message: 'Trackwright stopped while this run was going on' });
  for (const r of orphans) st.run(nowMs, err, r.id);
  return orphans.length;
}
