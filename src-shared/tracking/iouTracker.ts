// The IOU tracker baseline (Bochinski, Eiselein & Sikora, AVSS 2017; bochinski/iou-tracker
// iou_tracker.py `track_iou`): no motion model, every active track greedily takes the remaining
// detection with the highest IoU to its last box. The official script is offline and writes finished
// tracks whole; this online form reports a track from the frame it qualifies (at least t_min boxes
// and a detection with score >= sigma_h), which is the only deviation.
import { iouTlbr } from './costs';
import { sequentialIds, type FrameDetections, type IdAllocator, type TrackBox, type Tracker } from './types';

/** The IOU tracker's parameters; defaults are mot17.py's settings for SDP detections. */
export interface IouTrackerParams {
  /** Detections below this score are ignored (sigma_l; mot17.py: DPM -0.5, FRCNN 0, SDP 0.4). */
  readonly sigmaL: number;
  /** A track needs one detection with at least this score (sigma_h; DPM 0.5, FRCNN 0.9, SDP 0.5). */
  readonly sigmaH: number;
  /** Minimum IoU to extend a track (sigma_iou; DPM 0.4, FRCNN 0.3, SDP 0.2). */
  readonly sigmaIou: number;
  /** Minimum track length in frames (t_min; DPM 4, FRCNN 3, SDP 2). */
  readonly tMin: number;
}

/** mot17.py's SDP settings. */
export const IOU_TRACKER_DEFAULTS: IouTrackerParams = { sigmaL: 0.4, sigmaH: 0.5, sigmaIou: 0.2, tMin: 2 };

/** mot17.py's settings per public detector (chosen by the sequence name). */
export const IOU_TRACKER_MOT17: Readonly<Record<'DPM' | 'FRCNN' | 'SDP', IouTrackerParams>> = {
  DPM: { sigmaL: -0.5, sigmaH: 0.5, sigmaIou: 0.4, tMin: 4 },
  FRCNN: { sigmaL: 0, sigmaH: 0.9, sigmaIou: 0.3, tMin: 3 },
  SDP: IOU_TRACKER_DEFAULTS,
};

interface IouTrack {
  readonly last: Float64Array;
  length: number;
  maxScore: number;
  score: number;
  id: number;
}

/** The IOU tracker (online form). */
export class IouTracker implements Tracker {
  readonly params: IouTrackerParams;
  readonly #ids: IdAllocator;
  #active: IouTrack[] = [];

  constructor(params: Partial<IouTrackerParams> = {}, ids: IdAllocator = sequentialIds()) {
    this.params = { ...IOU_TRACKER_DEFAULTS, ...params };
    this.#ids = ids;
  }

  /** One frame of `track_iou`'s loop. */
  update(frame: FrameDetections): TrackBox[] {
    const p = this.params;
    const dets: number[] = [];
    for (let i = 0; i < frame.count; i++) if (frame.score[i]! >= p.sigmaL) dets.push(i);
    const updated: IouTrack[] = [];
    const iou = new Float64Array(1);
    for (const t of this.#active) {
      if (dets.length === 0) continue;
      // max(dets, key=iou): the first detection with the highest IoU.
      let best = -1;
      let bestIou = -Infinity;
      for (let k = 0; k < dets.length; k++) {
        iouTlbr(t.last, 1, frame.tlbr.subarray(4 * dets[k]!, 4 * dets[k]! + 4), 1, iou);
        if (iou[0]! > bestIou) {
          bestIou = iou[0]!;
          best = k;
        }
      }
      if (bestIou >= p.sigmaIou) {
        const d = dets[best]!;
        t.last.set(frame.tlbr.subarray(4 * d, 4 * d + 4));
        t.length++;
        t.score = frame.score[d]!;
        t.maxScore = Math.max(t.maxScore, t.score);
        updated.push(t);
        dets.splice(best, 1);
      }
    }
    for (const d of dets) {
      const s = frame.score[d]!;
      updated.push({ last: frame.tlbr.slice(4 * d, 4 * d + 4), length: 1, maxScore: s, score: s, id: -1 });
    }
    this.#active = updated;
    const out: TrackBox[] = [];
    for (const t of updated) {
      if (t.length < p.tMin || t.maxScore < p.sigmaH) continue;
      if (t.id < 0) t.id = this.#ids.next();
      const b = t.last;
      out.push({ id: t.id, tlwh: Float64Array.of(b[0]!, b[1]!, b[2]! - b[0]!, b[3]! - b[1]!), score: t.score });
    }
    return out;
  }
}
