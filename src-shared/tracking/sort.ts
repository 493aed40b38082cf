// SORT (Bewley et al. 2016), a port of abewley/sort @ 2236dff5 sort.py: `Sort.update` and
// `KalmanBoxTracker`. The detections go in as given (the official loop uses every row, no score
// threshold); the output box is the Kalman state, written by the official loop as tlwh = (x1, y1,
// x2 - x1, y2 - y1) of `convert_x_to_bbox`.
import { filterMatches, matchByIou } from './association';
import { iouCandidates, iouTlbr, type IouCandidates } from './costs';
import { SORT_NOISE, XysrKalman, tlbrToXysr, xysrToTlbr } from './kalmanXysr';
import { sequentialIds, type FrameDetections, type IdAllocator, type TrackBox, type Tracker } from './types';

/** SORT's parameters; defaults are sort.py's `Sort.__init__` / argparse defaults. */
export interface SortParams {
  /** Frames a track survives without a match (sort.py `max_age=1`). */
  readonly maxAge: number;
  /** Matches in a row before a track is reported (sort.py `min_hits=3`); every track is reported in the first `minHits` frames. */
  readonly minHits: number;
  /** Minimum IoU for a match (sort.py `iou_threshold=0.3`). */
  readonly iouThreshold: number;
}

/** The official defaults. */
export const SORT_DEFAULTS: SortParams = { maxAge: 1, minHits: 3, iouThreshold: 0.3 };

interface SortTrack {
  readonly kf: XysrKalman;
  readonly id: number;
  timeSinceUpdate: number;
  hits: number;
  hitStreak: number;
  age: number;
}

/** The SORT tracker. */
export class Sort implements Tracker {
  readonly params: SortParams;
  readonly #ids: IdAllocator;
  #tracks: SortTrack[] = [];
  #frameCount = 0;
  readonly #z = new Float64Array(4);
  #trk = new Float64Array(256);
  #above: IouCandidates | undefined;

  constructor(params: Partial<SortParams> = {}, ids: IdAllocator = sequentialIds()) {
    this.params = { ...SORT_DEFAULTS, ...params };
    this.#ids = ids;
  }

  /** `Sort.update`: call once per frame, also for frames without detections. */
  update(dets: FrameDetections): TrackBox[] {
    const { maxAge, minHits, iouThreshold } = this.params;
    this.#frameCount++;
    // Predict every track; drop those whose box became NaN (s·r < 0), like np.ma.compress_rows.
    const kept: SortTrack[] = [];
    if (this.#trk.length < 4 * this.#tracks.length) this.#trk = new Float64Array(8 * this.#tracks.length);
    const trk = this.#trk;
    for (const t of this.#tracks) {
      if (t.kf.x[6]! + t.kf.x[2]! <= 0) t.kf.x[6] = t.kf.x[6]! * 0;
      t.kf.predict();
      t.age++;
      if (t.timeSinceUpdate > 0) t.hitStreak = 0;
      t.timeSinceUpdate++;
      const at = 4 * kept.length;
      xysrToTlbr(t.kf.x, trk, at); // written in place; a NaN row is overwritten by the next track
      if (Number.isNaN(trk[at]!) || Number.isNaN(trk[at + 1]!) || Number.isNaN(trk[at + 2]!) || Number.isNaN(trk[at + 3]!)) continue;
      kept.push(t);
    }
    this.#tracks = kept;
    const nt = kept.length;
    const nd = dets.count;
    let unmatchedDets: number[];
    if (nt === 0) unmatchedDets = Array.from({ length: nd }, (_, i) => i);
    else {
      const above = iouThreshold >= 0 ? (this.#above ??= iouCandidates(iouThreshold)) : undefined;
      const iou = iouTlbr(dets.tlbr, nd, trk, nt, undefined, above);
      const m = filterMatches(matchByIou(iou, () => iou, nd, nt, iouThreshold, true, above), iou, nd, nt, iouThreshold);
      for (let k = 0; k < m.rows.length; k++) {
        const t = kept[m.cols[k]!]!;
        t.timeSinceUpdate = 0;
        t.hits++;
        t.hitStreak++;
        t.kf.update(tlbrToXysr(dets.tlbr, 4 * m.rows[k]!, this.#z));
      }
      unmatchedDets = m.unmatchedRows;
    }
    for (const d of unmatchedDets) {
      const kf = new XysrKalman(tlbrToXysr(dets.tlbr, 4 * d, this.#z), SORT_NOISE);
      this.#tracks.push({ kf, id: this.#ids.next(), timeSinceUpdate: 0, hits: 0, hitStreak: 0, age: 0 });
    }
    // Report and prune in reverse track order, as sort.py does.
    const out: TrackBox[] = [];
    for (let i = this.#tracks.length - 1; i >= 0; i--) {
      const t = this.#tracks[i]!;
      if (t.timeSinceUpdate < 1 && (t.hitStreak >= minHits || this.#frameCount <= minHits)) {
        const tlwh = xysrToTlbr(t.kf.x, new Float64Array(4));
        tlwh[2] = tlwh[2]! - tlwh[0]!;
        tlwh[3] = tlwh[3]! - tlwh[1]!;
        out.push({ id: t.id, tlwh, score: 1 });
      }
      if (t.timeSinceUpdate > maxAge) this.#tracks.splice(i, 1);
    }
    return out;
  }
}
