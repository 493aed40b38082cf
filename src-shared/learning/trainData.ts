// The clips training consumes (METHODS.md §6.2): plain data, so the data pipeline (services, worker
// glue) and the trainer (src-main/learning) share one definition without importing each other.

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
