// The MPN in the ablation runner (METHODS.md §6.4, arms B0/B1): ablate.start with model mpn trains both
// arms with the same data, steps and seed, stores each as a child MPN training run (a tracker model like
// any other), tracks held-out MOT17-09 with each and stores the report with the paired differences.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AblationRow } from '../../src-shared/learning/ablationWire';
import type { AblationReport } from '../../src-shared/learning/ablationReport';
import { useJobsBackend } from '../helpers/jobsBackend';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

const { call, done, progress, artifactJson } = useJobsBackend();
let project: string;

beforeAll(async () => {
  project = (await call('projects.create', { name: 'mpn-ablation', directory: tempDir() })).path;
  for (const s of ['MOT17-02-FRCNN', 'MOT17-09-FRCNN']) await call('import.mot', { project, path: join(SHARED_DATA, 'mot17', 'MOT17-train', s) });
}, 30_000);

describe('ablate.start with model mpn', () => {
  it('trains B0 and B1 as child MPN runs, tracks the held-out sequence with each and reports the paired differences', async () => {
    const job = await call('ablate.start', { project, model: 'mpn', trainSequences: ['MOT17-02-FRCNN'], testSequences: ['MOT17-09-FRCNN'], detectionSet: 'det', arms: ['unitrack', 'baseline'], steps: 2, seeds: [7], graphsPerStep: 1 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run.config).toMatchObject({ model: 'mpn', arms: ['baseline', 'unitrack'], seeds: [7], features: 'none', split: 'sequences', request: { steps: 2, graphsPerStep: 1 } });
    const mine = progress.filter((p) => p.jobId === job.jobId);
    expect(mine[mine.length - 1]!.done).toBe(mine[mine.length - 1]!.total);
    expect(new Set(mine.map((p) => (p.detail as { arm?: string }).arm).filter(Boolean))).toEqual(new Set(['baseline', 'unitrack']));

    // Each arm is a child MPN training run with its weights: a model the MPN tracker takes.
    const children = [...run.children].sort((a, b) => a.title.localeCompare(b.title));
    expect(children.map((c) => [c.title, c.state, (c.config as { model: string; loss: string }).model, (c.config as { loss: string }).loss])).toEqual([
      ['MPN baseline (seed 7)', 'succeeded', 'mpn', 'baseline'],
      ['MPN unitrack (seed 7)', 'succeeded', 'mpn', 'unitrack'],
    ]);
    for (const c of children) {
      const a = (await call('runs.get', { project, runId: c.id })).artifacts;
      expect(a.find((x) => x.name === 'weights')!.meta).toMatchObject({ format: 'trackwright.mpn-weights' });
      expect((await artifactJson(project, c.id, 'curves')) as unknown[]).toHaveLength(2);
    }
    const b1 = (await call('runs.get', { project, runId: children[1]!.id })).run.summary as { losses: Record<string, number> };
    expect(Number.isFinite(b1.losses['unitrack'])).toBe(true);

    const report = (await artifactJson(project, job.runId, 'report')) as AblationReport & { rows: AblationRow[] };
    expect(report.format).toBe('trackwright.ablation-report');
    expect(report.arms.map((a) => a.arm)).toEqual(['baseline', 'unitrack']);
    expect(report.sequences).toEqual(['MOT17-09-FRCNN']);
    expect(report.ci.available).toBe(false);
    const idf1 = (arm: string): number => report.rows.find((r) => r.arm === arm && r.sequence === 'MOT17-09-FRCNN')!.metrics['IDF1']!;
    expect(idf1('baseline')).toBeGreaterThan(0);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]!.arm).toBe('unitrack');
    expect(report.differences[0]!.perSequence['MOT17-09-FRCNN']!['IDF1']!.mean).toBeCloseTo(idf1('unitrack') - idf1('baseline'), 12);
    expect(run.run.summary).toMatchObject({ model: 'mpn', ci: false });
    expect((run.run.summary as { deltaIDF1: Record<string, number> }).deltaIDF1['unitrack']).toBeCloseTo(idf1('unitrack') - idf1('baseline'), 12);
  }, 60_000);
});
