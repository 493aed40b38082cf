// Count, ported from TrackEval trackeval/metrics/count.py: detections and ids of GT and tracker.
import type { EvalData } from './evalData';

/** Count's fields. `Frames` exists per sequence only (TrackEval does not combine it). */
export interface CountCounts {
  readonly Dets: number;
  readonly GT_Dets: number;
  readonly IDs: number;
  readonly GT_IDs: number;
  readonly Frames?: number;
}

/** Count.eval_sequence. */
export function evalSequence(d: EvalData): CountCounts {
  return { Dets: d.numTrackerDets, GT_Dets: d.numGtDets, IDs: d.numTrackerIds, GT_IDs: d.numGtIds, Frames: d.numTimesteps };
}

/** Count.combine_sequences: sums of Dets, GT_Dets, IDs, GT_IDs. */
export function combine(all: readonly CountCounts[]): CountCounts {
  let Dets = 0, GT_Dets = 0, IDs = 0, GT_IDs = 0;
  for (const c of all) {
    Dets += c.Dets;
    GT_Dets += c.GT_Dets;
    IDs += c.IDs;
    GT_IDs += c.GT_IDs;
  }
  return { Dets, GT_Dets, IDs, GT_IDs };
}

/** Count has no derived fields. */
export function finalize(c: CountCounts): CountCounts {
  return c;
}
