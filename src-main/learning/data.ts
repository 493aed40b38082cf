// What training consumes: clips of consecutive sampled frames with their detections, GT assignment
// (METHODS.md §0.2) and crops. The data pipeline (projects → frames → crops) implements TrainingData;
// train() only samples clip indices from it, so it never touches files, SQLite or images.

import type { TrainClip, TrainingData } from '../../src-shared/learning/trainData';

export type { TrainClip, TrainFrame, TrainingData } from '../../src-shared/learning/trainData';

/** Throws a message naming the clip and frame when a clip's arrays disagree with each other or the crop size. */
export function checkClip(clip: TrainClip, cropHeight: number, cropWidth: number, where: string): void {
  const per = cropHeight * cropWidth * 3;
  clip.frames.forEach((f, t) => {
    const n = f.identities.length;
    const bad =
      f.boxesXyxy.length !== 4 * n ? `${f.boxesXyxy.length} box values` : f.quality.length !== n ? `${f.quality.length} qualities` : f.crops.length !== n * per ? `${f.crops.length} crop values` : undefined;
    if (bad) throw new Error(`${where} (${clip.sequence}), frame ${t}: ${n} detections but ${bad}`);
    if (t > 0 && f.frameIndex <= clip.frames[t - 1]!.frameIndex) throw new Error(`${where} (${clip.sequence}): frames are not in time order at ${t}`);
  });
}

/** A TrainingData over clips already in memory (no augmentation): tests, benchmarks, small projects. */
export function inMemoryData(opts: { cropHeight: number; cropWidth: number; numIdentities: number; train: readonly TrainClip[]; validation?: readonly TrainClip[] }): TrainingData {
  const val = opts.validation ?? [];
  return {
    cropHeight: opts.cropHeight,
    cropWidth: opts.cropWidth,
    numIdentities: opts.numIdentities,
    trainClipCount: opts.train.length,
    trainClip: (i) => opts.train[i]!,
    validationClipCount: val.length,
    validationClip: (i) => val[i]!,
  };
}
