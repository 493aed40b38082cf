import type { Database as Db } from 'better-sqlite3';

/** What kind of work a run is. */
export type RunKind = 'eval' | 'track' | 'tune' | 'train' | 'ablate';
/** Job states (ARCHITECTURE.md §3). */
export type RunState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A run row with its JSON columns decoded. */
export interface RunRow {
  readonly id: number;
  readonly jobId: string;
  readonly parentId: number | null;
  readonly kind: RunKind;
  readonly state: RunState;
  readonly title: string;
  readonly config: unknown;
  readonly backend: string | null;
  readonly progress: unknown;
  readonly summary: unknown;
  readonly error: unknown;
  readonly createdMs: number;
  readonly startedMs: number | null;
  readonly finishedMs: number | null;
}

const COLUMNS = `id, job_id AS jobId, parent_id AS parentId, kind, state, title, config_json AS config, backend,
  progress_json AS progress, summary_json AS summary, error_json AS error, created_ms AS createdMs, started_ms AS startedMs, finished_ms AS finishedMs`;
type Raw = Omit<RunRow, 'config' | 'progress' | 'summary' | 'error'> & { config: string; progress: string | null; summary: string | null; error: string | null };
const json = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
const decode = (r: Raw): RunRow => ({ ...r, config: json(r.config), progress: json(r.progress), summary: json(r.summary), error: json(r.error) });

/** Runs, newest first: top-level ones, or the children of `parentId`. */
export function listRuns(db: Db, o: { parentId?: number; kind?: RunKind; limit?: number } = {}): RunRow[] {
  const where = [o.parentId === undefined ? 'parent_id IS NULL' : 'parent_id = @parentId', ...(o.kind ? ['kind = @kind'] : [])].join(' AND ');
  return (db.prepare(`SELECT ${COLUMNS} FROM runs WHERE ${where} ORDER BY created_ms DESC, id DESC LIMIT @limit`).all({ parentId: o.parentId ?? null, kind: o.kind ?? null, limit: o.limit ?? 1000 }) as Raw[]).map(decode);
}

/** One run by id or job id. */
export function getRun(db: Db, ref: number | string): RunRow | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM runs WHERE ${typeof ref === 'number' ? 'id' : 'job_id'} = ?`).get(ref) as Raw | undefined;
  return r && decode(r);
}

/** An evaluation's metrics per sequence (TrackEval field names), COMBINED_SEQ included. */
export function getRunMetrics(db: Db, runId: number): Record<string, Record<string, unknown>> {
  const rows = db.prepare('SELECT sequence, metrics_json AS m FROM run_metrics WHERE run_id = ?').all(runId) as { sequence: string; m: string }[];
  return Object.fromEntries(rows.map((r) => [r.sequence, JSON.parse(r.m) as Record<string, unknown>]));
}

/** An evaluation's events per sequence. */
export function getRunEvents(db: Db, runId: number): Record<string, unknown[]> {
  const rows = db.prepare('SELECT sequence, events_json AS e FROM run_events WHERE run_id = ?').all(runId) as { sequence: string; e: string }[];
  return Object.fromEntries(rows.map((r) => [r.sequence, JSON.parse(r.e) as unknown[]]));
}

/** One artifact of a run, or undefined. */
export function getRunArtifact(db: Db, runId: number, name: string): { meta: unknown; data: Uint8Array } | undefined {
  const r = db.prepare('SELECT meta_json AS meta, data FROM run_artifacts WHERE run_id = ? AND name = ?').get(runId, name) as { meta: string; data: Uint8Array } | undefined;
  return r && { meta: JSON.parse(r.meta), data: r.data };
}

/** The artifact names of a run. */
export function listRunArtifacts(db: Db, runId: number): { name: string; meta: unknown; bytes: number }[] {
  return (db.prepare('SELECT name, meta_json AS meta, length(data) AS bytes FROM run_artifacts WHERE run_id = ? ORDER BY name').all(runId) as { name: string; meta: string; bytes: number }[]).map((r) => ({ ...r, meta: JSON.parse(r.meta) }));
}
