// eval.refresh with the built evaluate worker on real MOT data (TUD-Stadtmitte with its reference
// tracker): after a fix in the annotations, the one sequence re-evaluated as a child run gives exactly
// what a full evaluation of the edited annotations gives; the evaluation run itself stays as it was; a
// newer refresh replaces the older one; an undo brings the run's own events back; bad requests say why.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import { sequenceTables } from '../../src-main/services/evaluation/projectTables';
import { evaluateTables, isEvaluationError } from '../../src-shared/evaluation/evaluate';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished } from '../../src-shared/ipc/schemas';
import { builtApp } from '../helpers/built';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
let project: string;
let runId: number;
const SEQ = 'TUD-Stadtmitte';
const finished = new Map<string, JobFinished>();
const waiters = new Map<string, (f: JobFinished) => void>();
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
const refused = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<string> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (out.ok) throw new Error(`${c} should have been refused`);
  return `${out.error.code}: ${out.error.message}`;
};
const done = (jobId: string): Promise<JobFinished> => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r)));
const switches = (events: readonly unknown[] | undefined) => (events ?? []).filter((e) => (e as { kind: string }).kind !== 'fragmentation') as { frame: number; gtId: number; type: number; partnerGtId: number | null }[];

/** What a full evaluation of the project's current annotations of SEQ gives, in this process. */
function fullEvaluation() {
  const store = backend.services.projects.store(project);
  const tables = sequenceTables(store, store.sequences.byName(SEQ)!, { kind: 'res', name: 'pymotmetrics_test' });
  const r = evaluateTables([tables], { benchmark: 'MOT15', doPreproc: true, events: true });
  if (isEvaluationError(r)) throw new Error(r.message);
  const s = r.sequences[0]!;
  return JSON.parse(JSON.stringify({ metrics: { ...s.fields, perAlpha: s.perAlpha }, events: [...s.switches!.events, ...s.switches!.fragmentations.map((f) => ({ ...f, kind: 'fragmentation' }))] })) as { metrics: unknown; events: unknown[] };
}

async function refresh(): Promise<{ child: number; revision: number | null; ms: number }> {
  const t0 = performance.now();
  const job = await call('eval.refresh', { project, runId, sequence: SEQ });
  expect((await done(job.jobId)).state).toBe('succeeded');
  return { child: job.runId, revision: job.revision, ms: performance.now() - t0 };
}

beforeAll(async () => {
  backend = createBackend({ dataDir: tempDir(), version: 't', workersDir: pathToFileURL(`${dirname(builtApp().cli)}/`), probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  backend.events.subscribe((event, p) => {
    if (event !== 'jobs.finished') return;
    const f = p as JobFinished;
    finished.set(f.jobId, f);
    waiters.get(f.jobId)?.(f);
  });
  project = (await call('projects.create', { name: 'review', directory: tempDir() })).path;
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot15_tud', 'MOT15-train') });
  await call('import.results', { project, folder: join(SHARED_DATA, 'mot15_tud', 'trackers', 'pymotmetrics_test') });
  const job = await call('eval.start', { project, resultSet: 'pymotmetrics_test' });
  expect((await done(job.jobId)).state).toBe('succeeded');
  runId = job.runId;
});
afterAll(async () => {
  await backend.runner.stopAll();
  backend.close();
  expect(backend.runner.liveWorkers).toBe(0);
});

describe('eval.refresh', () => {
  it('re-evaluates the fixed sequence as a child run equal to a full evaluation; the run stays as it was', async () => {
    const before = await call('runs.get', { project, runId, events: true });
    // The reference tracker's Type 3 at frame 53: GT 4 took id 1 from GT 5 (README). Swap GT 4 and 5 from there.
    const t3 = switches(before.events[SEQ]).find((e) => e.type === 3 && e.frame === 53)!;
    expect(t3).toMatchObject({ gtId: 4, partnerGtId: 5 });
    const edit = await call('annotations.applyEdits', { project, sequence: SEQ, label: 'swap 4↔5 from frame 53', edits: [{ op: 'relabel', fromFrame: 53, toFrame: 179, mapping: [[4, 5], [5, 4]] }] });

    const { child, revision, ms } = await refresh();
    expect(revision).toBe(edit.revisionId);
    const got = await call('runs.get', { project, runId: child, events: true });
    expect(got.run).toMatchObject({ kind: 'eval', state: 'succeeded', parentId: runId, config: { refreshOf: runId, sequence: SEQ, revision, resultSet: 'pymotmetrics_test', benchmark: 'MOT15', preprocess: true } });
    const t0 = performance.now();
    const full = fullEvaluation();
    console.log(`[review] ${SEQ} (179 frames, 1156 GT boxes): eval.refresh through the worker ${ms.toFixed(0)} ms, the same evaluation in this process ${(performance.now() - t0).toFixed(0)} ms`);
    expect(got.metrics[SEQ]).toEqual(full.metrics);
    expect(got.events[SEQ]).toEqual(full.events);
    expect(Object.keys(got.metrics)).toEqual([SEQ]);
    // The fix changed the events at frame 53 (the swap is gone there), and the summary counts the types.
    expect(switches(got.events[SEQ]).some((e) => e.frame === 53 && e.gtId === 4 && e.type === 3)).toBe(false);
    const t = switches(got.events[SEQ]);
    expect(got.run.summary).toMatchObject({ sequence: SEQ, revision, IDSW: t.length, type3: t.filter((e) => e.type === 3).length });

    const after = await call('runs.get', { project, runId, events: true });
    expect(after.metrics).toEqual(before.metrics);
    expect(after.events).toEqual(before.events);
    expect(after.children.map((c) => c.id)).toEqual([child]);
  });

  it('replaces the older refresh of the sequence; after an undo the events are the run’s own again', async () => {
    const first = (await call('runs.get', { project, runId })).children.map((c) => c.id);
    await call('annotations.undo', { project, sequence: SEQ });
    const { child, revision } = await refresh();
    expect(revision).toBeNull(); // nothing applied any more
    const parent = await call('runs.get', { project, runId, events: true });
    expect(parent.children.map((c) => c.id)).toEqual([child]);
    expect(first).not.toContain(child);
    const got = await call('runs.get', { project, runId: child, events: true });
    expect(got.events[SEQ]).toEqual(parent.events[SEQ]);
    expect(got.metrics[SEQ]).toEqual(parent.metrics[SEQ]);
  });

  it('refuses what it cannot refresh, saying which run or sequence and why', async () => {
    expect(await refused('eval.refresh', { project, runId: 999, sequence: SEQ })).toMatch(/^not_found: No run 999 in /);
    const child = (await call('runs.get', { project, runId })).children[0]!.id;
    expect(await refused('eval.refresh', { project, runId: child, sequence: SEQ })).toBe(`invalid_request: Run ${child} is itself a re-evaluation; refresh its evaluation, run ${runId}`);
    const one = await call('eval.start', { project, resultSet: 'pymotmetrics_test', sequences: ['TUD-Campus'] });
    expect((await done(one.jobId)).state).toBe('succeeded');
    expect(await refused('eval.refresh', { project, runId: one.runId, sequence: SEQ })).toBe(`invalid_request: Run ${one.runId} did not evaluate ${SEQ} (it evaluated TUD-Campus)`);
    expect(await refused('eval.refresh', { project, runId, sequence: 'MOT17-02' })).toBe('not_found: The project has no sequence "MOT17-02"');
  });
});
