// One sequence ready for the metrics: TrackEval's `data` dict after get_preprocessed_seq_data
// (trackeval/datasets/_base_dataset.py, mot_challenge_2d_box.py), laid out as flat typed arrays.
// Detections are grouped by timestep in file order (the order TrackEval reads them, which decides ties
// in every Hungarian step); ids are relabelled to 0..n-1 in ascending order of the original ids.

/** TrackEval's preprocessed sequence data as columns. Timestep t is frame t+1. */
export interface EvalData {
  readonly numTimesteps: number;
  readonly numGtIds: number;
  readonly numTrackerIds: number;
  readonly numGtDets: number;
  readonly numTrackerDets: number;
  /** GT dets of timestep t are rows gtStart[t] .. gtStart[t+1]-1 (length numTimesteps+1). */
  readonly gtStart: Int32Array;
  /** Relabelled GT id per GT det. */
  readonly gtIds: Int32Array;
  /** GT boxes, 4 per det: x, y, w, h (xywh = tlwh). */
  readonly gtXywh: Float64Array;
  /** Visibility per GT det (MOT16/17/20 column 9), NaN when the file has none. */
  readonly gtVisibility: Float64Array;
  /** Source line per GT det (for messages and review). */
  readonly gtLine: Int32Array;
  readonly trStart: Int32Array;
  readonly trIds: Int32Array;
  readonly trXywh: Float64Array;
  readonly trLine: Int32Array;
  /**
   * Similarity (box IoU, TrackEval `_calculate_box_ious`) as a sparse matrix per GT det: the non-zero
   * entries of GT det g are simStart[g] .. simStart[g+1]-1, with the tracker det as an index local to
   * its timestep (simCol, 0-based within the frame, ascending) and the IoU (simVal > 0).
   */
  readonly simStart: Int32Array;
  readonly simCol: Int32Array;
  readonly simVal: Float64Array;
  /** For each sparse entry, the index of its (GT id, tracker id) pair in pairGt/pairTr. */
  readonly simPair: Int32Array;
  /** Every (GT id, tracker id) pair with a non-zero IoU in some timestep. */
  readonly numPairs: number;
  readonly pairGt: Int32Array;
  readonly pairTr: Int32Array;
  /** Original (file) id of each relabelled GT id / tracker id. */
  readonly gtIdNames: Int32Array;
  readonly trIdNames: Int32Array;
}

/** numpy's float64 machine epsilon, as TrackEval's `np.finfo('float').eps`. */
export const EPS = 2.220446049250313e-16;
