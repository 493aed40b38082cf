// The ablation runner through the API (METHODS.md §6.4) with the built worker: arms trained with the
// same data, steps and seeds as child runs, each arm's weights driving the appearance tracker on a
// held-out part of PETS09-S2L1 (real frames), the report stored with its table, the untrained
// colour-histogram row and the paired differences; and a cancelled ablation leaving its children right.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import { writeSyntheticSequence } from '../../src-main/services/sample/sample';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished, JobProgress } from '../../src-shared/ipc/schemas';
import type { AblationReport } from '../../src-shared/learning/ablationReport';
import type { AblationRow } from '../../src-shared/learning/ablationWire';
import { builtApp, ROOT } from '../helpers/built';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
let project: string;
const progress: JobProgress[] = [];
const finished = new Map<string, JobFinished>();
const waiters = new Map<string, (f: JobFinished) => void>();
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
const done = (jobId: string): Promise<JobFinished> => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r)));

beforeAll(async () => {
  builtApp();
  backend = createBackend({ dataDir: tempDir(), version: 't', workersDir: new URL('out/main/', `file://${ROOT}/`), probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  backend.events.subscribe((event, p) => {
    if (event === 'jobs.progress') progress.push(p as JobProgress);
    if (event !== 'jobs.finished') return;
    const f = p as JobFinished;
    finished.set(f.jobId, f);
    waiters.get(f.jobId)?.(f);
  });
  const dir = tempDir();
  project = (await call('projects.create', { name: 'ablate', directory: dir })).path;
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1') });
  for (const [name, seed] of [['walk-a', 1], ['walk-b', 2]] as const) {
    await writeSyntheticSequence(join(dir, name), { name, seed, frames: 100, figures: 8, width: 480, height: 270 });
    await call('import.mot', { project, path: join(dir, name) });
  }
}, 60_000);
afterAll(async () => {
  await backend.runner.stopAll();
  backend.close();
  expect(backend.runner.liveWorkers).toBe(0);
});

describe('ablate.start', () => {
  it('trains the arms as child runs and reports them on a held-out part of PETS09-S2L1', async () => {
    const job = await call('ablate.start', { project, trainSequences: ['PETS09-S2L1'], testSequences: ['PETS09-S2L1'], detectionSet: 'det', arms: ['baseline', 'unitrack'], steps: 2, seeds: [1] });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const phases = new Set(progress.filter((p) => p.jobId === job.jobId).map((p) => (p.detail as { phase: string }).phase));
    expect([...phases]).toEqual(expect.arrayContaining(['armStart', 'armDone', 'eval']));

    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run).toMatchObject({ kind: 'ablate', state: 'succeeded', config: { arms: ['baseline', 'unitrack'], seeds: [1], steps: 2, split: 'time-blocks' } });
    // Identical conditions: the children differ only in the loss.
    expect(run.children.map((c) => [c.title, c.kind, c.state, c.parentId]).sort()).toEqual([
      ['baseline (seed 1)', 'train', 'succeeded', job.runId],
      ['unitrack (seed 1)', 'train', 'succeeded', job.runId],
    ]);
    const conditions = run.children.map((c) => {
      const { request, planHash } = c.config as { request: Record<string, unknown>; planHash: string };
      const { loss: _loss, ...rest } = request;
      return JSON.stringify({ rest, planHash });
    });
    expect(new Set(conditions).size).toBe(1);
    for (const c of run.children) expect((await call('runs.get', { project, runId: c.id })).artifacts.map((a) => a.name)).toContain('weights');

    const a = await call('runs.artifact', { project, runId: job.runId, name: 'report' });
    const report = JSON.parse(new TextDecoder().decode(a.data)) as AblationReport & { rows: AblationRow[]; protocol: { warnings: string[] } };
    expect(report).toMatchObject({ format: 'trackwright.ablation-report', primary: 'IDF1', reference: 'baseline', seeds: [1] });
    expect(report.sequences).toEqual(['PETS09-S2L1[557-795]']);
    expect(report.arms.map((x) => x.arm)).toEqual(['none', 'baseline', 'unitrack']);
    for (const arm of report.arms) {
      expect(arm.combined['HOTA']!.mean).toBeGreaterThan(0.2);
      expect(arm.combined['HOTA']!.mean).toBeLessThan(1);
      const t = arm.combined;
      expect(t['type1Per1k']!.mean + t['type2Per1k']!.mean + t['type3Per1k']!.mean).toBeGreaterThanOrEqual(0);
    }
    // The paired difference is the unitrack row minus the baseline row of the same seed.
    const idf1 = (arm: string) => report.rows.find((r) => r.arm === arm && r.sequence === 'PETS09-S2L1[557-795]')!.metrics['IDF1']!;
    expect(report.differences[0]!.perSequence['PETS09-S2L1[557-795]']!['IDF1']!.mean).toBeCloseTo(idf1('unitrack') - idf1('baseline'), 12);
    expect(report.ci).toMatchObject({ available: false });
    expect(report.protocol.warnings.join('\n')).toMatch(/split in time[\s\S]*empirical CDF/);
    // Switch types add up to IDSW in every row (METHODS.md §5), and trained weights change the tracking.
    for (const r of report.rows) expect(r.metrics['type1']! + r.metrics['type2']! + r.metrics['type3']!).toBe(r.metrics['IDSW']);
    expect(new Set(report.rows.filter((r) => r.sequence === 'COMBINED_SEQ').map((r) => JSON.stringify(r.metrics))).size).toBeGreaterThan(1);
    expect(run.run.summary).toMatchObject({ deltaIDF1: { unitrack: report.differences[0]!.overSequences['IDF1']!.mean }, ci: false });
  }, 90_000);

  it('refuses an ablation without the baseline arm or with a test sequence it trains on', async () => {
    await expect(call('ablate.start', { project, trainSequences: ['walk-a'], testSequences: ['walk-b'], detectionSet: 'det', arms: ['unitrack', 'contrastive'], steps: 1 })).rejects.toThrow(/must include baseline/);
    await expect(call('ablate.start', { project, trainSequences: ['walk-a', 'walk-b'], testSequences: ['walk-b'], detectionSet: 'det', arms: ['baseline', 'unitrack'], steps: 1 })).rejects.toThrow(/cannot be both trained and tested on/);
  });

  it('cancels between arms: finished arms stay, the interrupted one is marked cancelled, no report', async () => {
    const job = await call('ablate.start', { project, trainSequences: ['walk-a'], testSequences: ['walk-b'], detectionSet: 'det', arms: ['baseline', 'contrastive'], steps: 3, seeds: [1, 2] });
    const secondArm = () => progress.some((p) => p.jobId === job.jobId && (p.detail as { phase: string; arm?: string }).phase === 'train' && (p.detail as { arm: string }).arm === 'contrastive');
    while (!secondArm()) await new Promise((r) => setTimeout(r, 20));
    expect(await call('runs.cancel', { project, jobId: job.jobId })).toEqual({ cancelled: true });
    expect((await done(job.jobId)).state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 0)); // the children are settled after the ablation
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.children.map((c) => [c.title, c.state]).sort()).toEqual([
      ['baseline (seed 1)', 'succeeded'],
      ['contrastive (seed 1)', 'cancelled'],
    ]);
    expect(run.artifacts.map((a) => a.name)).not.toContain('report');
  }, 60_000);
});
