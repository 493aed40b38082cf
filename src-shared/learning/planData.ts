// A lazy TrainingData over a TrainPlan: a clip's frames are loaded when train() asks for the clip
// (decoded and cropped by the injected loader, kept in a byte-bounded LRU), then augmented from the
// stored margin crops with draws that depend only on (augmentSeed, crop row) — so a resumed run gets
// the same pixels, and memory stays bounded for sequences of any length (METHODS.md §6.2).
import { centreAugment, drawAugment, renderCrop, wiggleBox, type CropAugment } from './augment';
import { marginCropSize } from './crops';
import type { LruBytes } from './lruBytes';
import type { TrainClip, TrainFrame, TrainingData } from './trainData';
import type { PlanFrame, TrainPlan } from './trainPlan';

/** Loads the margin crops (crops.ts `marginCrops`) of one plan frame's boxes. */
export type FrameCropLoader = (frame: PlanFrame) => Promise<Uint8Array>;

/** Counts of the loader through the cache (crops/s and cache effectiveness in reports). */
export interface LoadStats {
  framesDecoded: number;
  cropsDecoded: number;
  decodeMs: number;
}

/** Wraps a loader with the LRU cache (keyed by frame position) and de-duplicates concurrent loads. */
export function cachedLoader(plan: TrainPlan, cache: LruBytes<Uint8Array>, load: FrameCropLoader, stats?: LoadStats): (index: number) => Promise<Uint8Array> {
  const pending = new Map<number, Promise<Uint8Array>>();
  return (index) => {
    const hit = cache.get(String(index));
    if (hit) return Promise.resolve(hit);
    let p = pending.get(index);
    if (!p) {
      const t0 = Date.now();
      const frame = plan.frames[index]!;
      p = load(frame).then((crops) => {
        cache.set(String(index), crops);
        pending.delete(index);
        if (stats) {
          stats.framesDecoded++;
          stats.cropsDecoded += frame.identities.length;
          stats.decodeMs += Date.now() - t0;
        }
        return crops;
      });
      p.catch(() => pending.delete(index));
      pending.set(index, p);
    }
    return p;
  };
}

function clipRange(clips: Int32Array, i: number, what: string): [number, number] {
  if (!(i >= 0 && 2 * i + 1 < clips.length)) throw new Error(`${what} clip ${i} does not exist (${clips.length / 2} clips)`);
  return [clips[2 * i]!, clips[2 * i + 1]!];
}

/** The TrainingData of a plan; `loadFrame(index)` returns the margin crops of `plan.frames[index]`. */
export function planTrainingData(plan: TrainPlan, loadFrame: (index: number) => Promise<Uint8Array>): TrainingData {
  const H = plan.cropHeight;
  const W = plan.cropWidth;
  const m = marginCropSize(H, W);
  const stored = m.height * m.width * 3;
  const per = H * W * 3;
  const gtMode = plan.boxes === 'gt';

  async function clip(first: number, count: number, augmentSeed: number | undefined): Promise<TrainClip> {
    const crops = await Promise.all(Array.from({ length: count }, (_, k) => loadFrame(first + k)));
    let row = 0;
    const frames: TrainFrame[] = crops.map((src, k) => {
      const f = plan.frames[first + k]!;
      const n = f.identities.length;
      if (src.length !== n * stored) throw new Error(`frame ${f.frameIndex} of ${plan.sequences[f.seq]!.name}: ${src.length} crop bytes for ${n} boxes`);
      const out = new Float32Array(n * per);
      const boxes = gtMode && augmentSeed !== undefined ? new Float32Array(f.boxesXyxy) : f.boxesXyxy;
      const quality = gtMode && augmentSeed !== undefined ? new Float32Array(f.quality) : f.quality;
      for (let j = 0; j < n; j++) {
        const a: CropAugment = augmentSeed === undefined ? centreAugment(H, W) : drawAugment(plan.augment, augmentSeed, row, H, W, gtMode);
        row++;
        renderCrop(src, j * stored, a, H, W, out, j * per);
        if (gtMode && augmentSeed !== undefined) quality[j] = wiggleBox(f.boxesXyxy, j, a, boxes);
      }
      return { frameIndex: f.frameIndex, boxesXyxy: boxes, identities: f.identities, quality, gtCount: f.gtCount, crops: out };
    });
    const s = plan.sequences[plan.frames[first]!.seq]!;
    return { sequence: s.name, imageWidth: s.imageWidth, imageHeight: s.imageHeight, frameStep: s.frameStep, frames };
  }

  return {
    cropHeight: H,
    cropWidth: W,
    numIdentities: plan.numIdentities,
    trainClipCount: plan.trainClips.length / 2,
    trainClip: (i, augmentSeed) => clip(...clipRange(plan.trainClips, i, 'training'), augmentSeed),
    validationClipCount: plan.validationClips.length / 2,
    validationClip: (i) => clip(...clipRange(plan.validationClips, i, 'validation'), undefined),
  };
}
