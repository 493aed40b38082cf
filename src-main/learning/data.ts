// What training consumes: clips of consecutive sampled frames with their detections, GT assignment
// (METHODS.md §0.2) and crops. The data pipeline (projects → frames → crops) implements TrainingData;
// train() only samples clip indices from it, so it never touches files, SQLite or images.

/** One sampled frame: the detections a tracker would see, assigned to GT (Hungarian, IoU ≥ 0.5). */
export interface TrainFrame {
  /** Frame number in the sequence's original numbering (gaps between frames give UniTrack's dt). */
  readonly frameIndex: number;
  /** Detection boxes, xyxy in pixels, 4 values per detection. */
  readonly boxesXyxy: Float32Array;
  /** Identity per detection: dense 0..numIdentities−1, unique across sequences; −1 = false positive. */
  readonly identities: Int32Array;
  /** IoU of each detection with its GT box (anything for false positives). */
  readonly quality: Float32Array;
  /** GT boxes in this frame, matched or not (UniTrack's FN count, §1.3 A3). */
  readonly gtCount: number;
  /** Crops, NHWC RGB in [0, 1]: detections × cropHeight × cropWidth × 3. */
  readonly crops: Float32Array;
}

/** T consecutive sampled frames of one sequence (T = 10 in METHODS.md §6.2). */
export interface TrainClip {
  readonly sequence: string;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Original frames per sampled step (dt = frame gap / frameStep); default 1. */
  readonly frameStep?: number;
  readonly frames: readonly TrainFrame[];
}

/** A training/validation split the data pipeline provides (splits by sequence or time block, §6.4). */
export interface TrainingData {
  readonly cropHeight: number;
  readonly cropWidth: number;
  /** Classes of the identity cross-entropy head. */
  readonly numIdentities: number;
  readonly trainClipCount: number;
  /** Training clip `index`; the same `augmentSeed` must give the same pixels (resume reproduces runs). */
  trainClip(index: number, augmentSeed: number): TrainClip | Promise<TrainClip>;
  readonly validationClipCount: number;
  /** Validation clip `index`, never augmented. */
  validationClip(index: number): TrainClip | Promise<TrainClip>;
}

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
