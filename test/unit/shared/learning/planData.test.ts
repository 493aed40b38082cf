// The lazy TrainingData over a plan: clips assembled from the plan's frames, augmentation reproducible
// from the augmentSeed alone (what resume relies on), frames decoded once thanks to the byte-bounded LRU
// cache, validation clips never augmented, and GT boxes wiggled with their quality updated (§2.7).
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENT } from '../../../../src-shared/learning/augment';
import { marginCropSize } from '../../../../src-shared/learning/crops';
import { LruBytes } from '../../../../src-shared/learning/lruBytes';
import { cachedLoader, planTrainingData, type LoadStats } from '../../../../src-shared/learning/planData';
import type { PlanFrame, TrainPlan } from '../../../../src-shared/learning/trainPlan';

const H = 8;
const W = 4;
const m = marginCropSize(H, W);

function plan(boxes: 'gt' | 'detections'): TrainPlan {
  const frames: PlanFrame[] = Array.from({ length: 6 }, (_, k) => ({
    seq: 0,
    frameIndex: 1 + 2 * k,
    file: `/frames/${k}.jpg`,
    boxesXyxy: Float32Array.of(10 + k, 10, 30 + k, 50, 60, 10, 80, 50),
    identities: Int32Array.of(0, k % 2 ? 1 : -1),
    quality: Float32Array.of(boxes === 'gt' ? 1 : 0.8, k % 2 ? 0.7 : 0),
    gtCount: 2,
  }));
  return {
    cropHeight: H, cropWidth: W, numIdentities: 2, boxes, augment: DEFAULT_AUGMENT,
    sequences: [{ name: 's', imageWidth: 100, imageHeight: 80, frameStep: 2 }],
    frames, trainClips: Int32Array.of(0, 4, 2, 4), validationClips: Int32Array.of(4, 2),
  };
}

/** A loader that makes distinct deterministic bytes per frame and counts its calls. */
function fakeLoader(calls: string[]) {
  return async (f: PlanFrame): Promise<Uint8Array> => {
    calls.push(f.file);
    const n = f.identities.length * m.height * m.width * 3;
    return Uint8Array.from({ length: n }, (_, i) => (i * 7 + f.frameIndex * 31) % 256);
  };
}

describe('planTrainingData', () => {
  it('builds clips of the plan with its sizes, identities and frame step', async () => {
    const p = plan('detections');
    const data = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader([])));
    expect([data.trainClipCount, data.validationClipCount, data.numIdentities, data.cropHeight, data.cropWidth]).toEqual([2, 1, 2, H, W]);
    const c = await data.trainClip(1, 5);
    expect(c.frames.map((f) => f.frameIndex)).toEqual([5, 7, 9, 11]);
    expect(c.frameStep).toBe(2);
    expect(Array.from(c.frames[1]!.identities)).toEqual([0, 1]);
    expect(c.frames[0]!.crops).toHaveLength(2 * H * W * 3);
    await expect(Promise.resolve().then(() => data.trainClip(2, 0))).rejects.toThrow(/training clip 2 does not exist/);
  });

  it('gives the same pixels for the same augmentSeed and different ones otherwise', async () => {
    const p = plan('detections');
    const a = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader([])));
    const b = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader([])));
    const [x, y, z] = [await a.trainClip(0, 42), await b.trainClip(0, 42), await a.trainClip(0, 43)];
    expect(x.frames.map((f) => Array.from(f.crops))).toEqual(y.frames.map((f) => Array.from(f.crops)));
    expect(x.frames.map((f) => Array.from(f.crops))).not.toEqual(z.frames.map((f) => Array.from(f.crops)));
    // Detection boxes and qualities are not touched by crop augmentation.
    expect(Array.from(x.frames[0]!.boxesXyxy)).toEqual(Array.from(p.frames[0]!.boxesXyxy));
  });

  it('decodes each frame once while the cache holds it, and again after eviction', async () => {
    const p = plan('detections');
    const calls: string[] = [];
    const stats: LoadStats = { framesDecoded: 0, cropsDecoded: 0, decodeMs: 0 };
    const data = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader(calls), stats));
    await Promise.all([data.trainClip(0, 1), data.trainClip(1, 2), data.trainClip(0, 3)]);
    expect(calls).toHaveLength(6); // frames 0–5 once each, though clips overlap and repeat
    expect(stats).toMatchObject({ framesDecoded: 6, cropsDecoded: 12 });
    // A cache of two frames' crops cannot hold a clip of four: after the first pass it keeps frames 2
    // and 3 (the last stored), so the second pass decodes frames 0 and 1 again.
    const small: string[] = [];
    const tiny = planTrainingData(p, cachedLoader(p, new LruBytes(2 * 2 * m.height * m.width * 3), fakeLoader(small)));
    await tiny.trainClip(0, 1);
    await tiny.trainClip(0, 1);
    expect(small).toHaveLength(6);
  });

  it('never augments validation clips', async () => {
    const p = plan('detections');
    const data = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader([])));
    const v1 = await data.validationClip(0);
    const v2 = await data.validationClip(0);
    expect(Array.from(v1.frames[0]!.crops)).toEqual(Array.from(v2.frames[0]!.crops));
    // The centre window of the stored crop, scaled to [0, 1].
    const bytes = await fakeLoader([])(p.frames[4]!);
    expect(v1.frames[0]!.crops[0]).toBe(Math.fround(bytes[(m.padY * m.width + m.padX) * 3]! / 255));
  });

  it('wiggles GT boxes and sets their quality to the IoU with the annotation', async () => {
    const p = plan('gt');
    const data = planTrainingData(p, cachedLoader(p, new LruBytes(1 << 20), fakeLoader([])));
    const c = await data.trainClip(0, 9);
    const q = c.frames.flatMap((f) => Array.from(f.quality));
    for (const v of q) expect(v).toBeGreaterThanOrEqual(0.8 - 1e-6);
    expect(q.some((v) => v < 0.999)).toBe(true);
    expect(Array.from(c.frames[0]!.boxesXyxy)).not.toEqual(Array.from(p.frames[0]!.boxesXyxy));
    // The plan itself is left as it was.
    expect(Array.from(p.frames[0]!.quality)).toEqual([1, 0]);
  });
});

describe('LruBytes', () => {
  it('evicts least recently used entries beyond its byte budget', () => {
    const c = new LruBytes<Uint8Array>(10);
    c.set('a', new Uint8Array(4));
    c.set('b', new Uint8Array(4));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('c', new Uint8Array(4)); // 12 bytes: b goes
    expect(c.get('b')).toBeUndefined();
    expect([c.size, c.bytes, c.hits, c.misses]).toEqual([2, 8, 1, 1]);
    c.set('huge', new Uint8Array(11));
    expect(c.get('huge')).toBeUndefined();
  });
});
