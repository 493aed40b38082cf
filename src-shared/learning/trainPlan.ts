// The training plan: everything the data pipeline decides from a project (which frames, which boxes,
// which identity each box has, how frames group into clips, the train/validation split) as plain data.
// The worker turns it into a lazy TrainingData (planData.ts) that decodes frames on demand; the plan is
// small (boxes and file names, no pixels), so it crosses the worker boundary cheaply.
import type { AugmentOptions } from './augment';

/** A sequence the plan draws frames from. */
export interface PlanSequence {
  readonly name: string;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Original frames per sampled step (METHODS.md §6.2: sampled to ~6–10 fps). */
  readonly frameStep: number;
}

/** One sampled frame: its image and its boxes assigned to GT (§0.2). */
export interface PlanFrame {
  /** Index into `TrainPlan.sequences`. */
  readonly seq: number;
  /** Original frame number. */
  readonly frameIndex: number;
  /** Absolute path of the frame's image. */
  readonly file: string;
  /** Boxes (detections, or GT boxes in 'gt' mode), xyxy pixels. */
  readonly boxesXyxy: Float32Array;
  /** Dense identity per box (train identities first: 0..numIdentities−1), −1 = false positive. */
  readonly identities: Int32Array;
  /** IoU with the matched GT box (1 for GT boxes, 0 for false positives). */
  readonly quality: Float32Array;
  /** GT boxes in the frame (UniTrack's FN count). */
  readonly gtCount: number;
}

/** What the worker needs to build the training data. */
export interface TrainPlan {
  readonly cropHeight: number;
  readonly cropWidth: number;
  /** Identities of the training frames (classes of the ID head). */
  readonly numIdentities: number;
  /** 'gt': the boxes are the annotations themselves, wiggled as augmentation (§2.7). */
  readonly boxes: 'detections' | 'gt';
  readonly augment: AugmentOptions;
  readonly sequences: readonly PlanSequence[];
  /** Frames, each sequence's frames contiguous and in time order. */
  readonly frames: readonly PlanFrame[];
  /** Training clips as (first frame, frame count) pairs into `frames`. */
  readonly trainClips: Int32Array;
  /** Validation clips, likewise. */
  readonly validationClips: Int32Array;
}
