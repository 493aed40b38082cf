// The training plan from a project with real synthetic frames: sampling to ≤ 10 fps, dense identities
// with training ones first, clips inside contiguous runs, splits by sequence or in time with a ≥ 2 s
// guard gap (and its warning), a fingerprint that changes with the data, clear errors.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMotFolder } from '../../../../../src-main/services/imports/importMot';
import { writeSyntheticSequence } from '../../../../../src-main/services/sample/sample';
import { buildTrainPlan } from '../../../../../src-main/services/training/trainingPlan';
import { createProjectFile } from '../../../../../src-main/store/project/projectFile';
import type { ProjectStore } from '../../../../../src-main/store/project/projectStore';
import type { SequenceRow } from '../../../../../src-main/store/project/readers/sequences';
import type { TrainPlan } from '../../../../../src-shared/learning/trainPlan';
import { tempDir } from '../../../../helpers/tmp';

let store: ProjectStore;
let a: SequenceRow;
let b: SequenceRow;

beforeAll(async () => {
  const dir = tempDir();
  store = createProjectFile(join(dir, 'p.tw.sqlite'), { uuid: '00000000-0000-4000-8000-000000000002', name: 'plan', createdMs: 1 });
  // 25 fps, sampled every 3rd frame (8.3 fps): 150 frames → 50 sampled, 90 frames → 30 sampled.
  for (const [name, seed, frames] of [['walk-a', 1, 150], ['walk-b', 2, 90]] as const) {
    await writeSyntheticSequence(join(dir, name), { name, seed, frames, figures: 8, width: 320, height: 180 });
    await importMotFolder(store, join(dir, name));
  }
  a = store.sequences.byName('walk-a')!;
  b = store.sequences.byName('walk-b')!;
}, 60_000);
afterAll(() => store.close());

/** Every clip lies in one sequence, with strictly increasing frames one sampling step apart. */
function checkClips(p: TrainPlan, clips: Int32Array): void {
  for (let i = 0; i < clips.length; i += 2) {
    const fs = p.frames.slice(clips[i]!, clips[i]! + clips[i + 1]!);
    expect(fs.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < fs.length; k++) {
      expect(fs[k]!.seq).toBe(fs[0]!.seq);
      expect(fs[k]!.frameIndex - fs[k - 1]!.frameIndex).toBe(p.sequences[fs[0]!.seq]!.frameStep);
    }
  }
}

describe('buildTrainPlan', () => {
  it('splits one sequence in time with a guard gap of at least 2 s, and says so', () => {
    const built = buildTrainPlan(store, { train: [a], validation: 'auto', detectionSet: 'det' });
    const p = built.plan;
    expect(built.split).toBe('time-blocks');
    expect(built.warnings[0]).toMatch(/split in time .* the same identities appear on both sides/);
    expect(p.sequences[0]!.frameStep).toBe(3);
    const train = new Set<number>();
    for (let i = 0; i < p.trainClips.length; i += 2) for (let k = 0; k < p.trainClips[i + 1]!; k++) train.add(p.frames[p.trainClips[i]! + k]!.frameIndex);
    const val = new Set<number>();
    for (let i = 0; i < p.validationClips.length; i += 2) for (let k = 0; k < p.validationClips[i + 1]!; k++) val.add(p.frames[p.validationClips[i]! + k]!.frameIndex);
    expect(Math.min(...val) - Math.max(...train)).toBeGreaterThanOrEqual(50); // 2 s at 25 fps
    expect(val.size).toBeGreaterThanOrEqual(10);
    checkClips(p, p.trainClips);
    checkClips(p, p.validationClips);
    expect(p.boxes).toBe('detections');
    expect([p.cropHeight, p.cropWidth]).toEqual([64, 32]);
    // 90 frames cannot hold 10 sampled frames on each side of a 50-frame gap: no validation, and a warning.
    const short = buildTrainPlan(store, { train: [b], validation: 'auto', detectionSet: 'det' });
    expect(short.split).toBe('none');
    expect(short.plan.validationClips).toHaveLength(0);
    expect(short.warnings[0]).toMatch(/too short to hold out/);
  });

  it('numbers identities densely across sequences, training ones first, false positives −1', () => {
    const built = buildTrainPlan(store, { train: [a], validation: [b], detectionSet: 'det' });
    const p = built.plan;
    expect(built.split).toBe('sequences');
    expect(built.summary.validationSequences).toEqual(['walk-b']);
    const trainFrames = p.frames.filter((f) => f.seq === 0);
    const valFrames = p.frames.filter((f) => f.seq === 1);
    const trainIds = new Set(trainFrames.flatMap((f) => Array.from(f.identities)).filter((i) => i >= 0));
    const valIds = new Set(valFrames.flatMap((f) => Array.from(f.identities)).filter((i) => i >= 0));
    expect([...trainIds].sort((x, y) => x - y)).toEqual(Array.from({ length: p.numIdentities }, (_, i) => i));
    for (const id of valIds) expect(id).toBeGreaterThanOrEqual(p.numIdentities);
    expect(built.summary.falsePositives).toBeGreaterThan(0);
    const fp = trainFrames.flatMap((f) => Array.from(f.identities).map((id, k) => [id, f.quality[k]!] as const)).filter(([id]) => id < 0);
    for (const [, q] of fp) expect(q).toBe(0);
    for (const f of trainFrames) for (let k = 0; k < f.identities.length; k++) if (f.identities[k]! >= 0) expect(f.quality[k]).toBeGreaterThanOrEqual(0.5);
    // Training clips overlap by half (stride 5 of 10), validation clips do not.
    expect(p.trainClips[2]! - p.trainClips[0]!).toBe(5);
    expect(p.validationClips[2]! - p.validationClips[0]!).toBe(10);
  });

  it('holds out the last of several training sequences by default, and uses GT boxes without a detection set', () => {
    const built = buildTrainPlan(store, { train: [a, b], validation: 'auto' });
    expect(built.split).toBe('sequences');
    expect(built.summary.validationSequences).toEqual(['walk-b']);
    expect(built.plan.boxes).toBe('gt');
    expect(built.summary.falsePositives).toBe(0);
  });

  it('fingerprints the data: the same plan twice, another after an edit', () => {
    const h1 = buildTrainPlan(store, { train: [a], validation: 'none', detectionSet: 'det' }).hash;
    expect(buildTrainPlan(store, { train: [a], validation: 'none', detectionSet: 'det' }).hash).toBe(h1);
    const set = store.sets.find(a.id, 'det', 'det')!;
    const rows = store.sets.rows(set.id);
    rows.x[0] = rows.x[0]! + 3;
    store.transaction(() => {
      store.sets.remove(set.id);
      store.sets.insert({ sequenceId: a.id, kind: 'det', name: 'det', originKind: 'imported', origin: {}, columns: 10, createdMs: 2 }, rows);
    });
    expect(buildTrainPlan(store, { train: [a], validation: 'none', detectionSet: 'det' }).hash).not.toBe(h1);
  });

  it('refuses overlapping splits and missing detection sets', () => {
    expect(() => buildTrainPlan(store, { train: [a], validation: [a] })).toThrow(/both a training and a validation sequence/);
    expect(() => buildTrainPlan(store, { train: [a], validation: 'none', detectionSet: 'frcnn' })).toThrow(/no detection set named frcnn/);
  });
});
