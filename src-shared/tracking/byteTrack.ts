// ByteTrack (Zhang et al. 2022), a port of ifzhang/ByteTrack @ d1bf0191 yolox/tracker/byte_tracker.py
// (`BYTETracker.update`, `STrack`, `joint_stracks`, `sub_stracks`, `remove_duplicate_stracks`) with
// matching.py (`iou_distance` on cython_bbox's +1-pixel IoU, `fuse_score`, `linear_assignment` =
// lap.lapjv with extend_cost and cost_limit) and kalman_filter.py. Track ids come from the injected
// allocator instead of BaseTrack's class-level `_count`.
import { assignComponents } from './components';
import { fuseScore, iouTlbrPlus1, oneMinus } from './costs';
import { XyahKalman, tlwhToXyah, xyahToTlwh } from './kalmanXyah';
import { sequentialIds, type FrameDetections, type IdAllocator, type TrackBox, type Tracker } from './types';

/** ByteTrack's parameters; defaults are the official MOT17 evaluation's (tools/track.py and byte_tracker.py). */
export interface ByteTrackParams {
  /** High/low split: first association uses scores > this (tools/track.py `--track_thresh` 0.6). */
  readonly trackThresh: number;
  /** Frames a lost track is kept, at 30 fps (tools/track.py `--track_buffer` 30). */
  readonly trackBuffer: number;
  /** First association cost limit (tools/track.py `--match_thresh` 0.9). */
  readonly matchThresh: number;
  /** Sequence frame rate; max time lost = int(frameRate / 30 × trackBuffer) (BYTETracker default 30). */
  readonly frameRate: number;
  /** Multiply IoU by the detection score in the first and unconfirmed associations (`not args.mot20`: true). */
  readonly fuseScore: boolean;
  /** Second-stage detections need score > this (byte_tracker.py `inds_low = scores > 0.1`). */
  readonly lowThresh: number;
  /** A new track needs score >= trackThresh + this (byte_tracker.py `det_thresh = track_thresh + 0.1`). */
  readonly newTrackMargin: number;
  /** Second association cost limit on plain IoU distance (byte_tracker.py `thresh=0.5`). */
  readonly secondMatchThresh: number;
  /** Unconfirmed-track association cost limit (byte_tracker.py `thresh=0.7`). */
  readonly unconfirmedMatchThresh: number;
  /** Tracked/lost pairs closer than this IoU distance are duplicates (`remove_duplicate_stracks`: 0.15). */
  readonly duplicateThresh: number;
}

/** The official defaults (MOT17). */
export const BYTETRACK_DEFAULTS: ByteTrackParams = {
  trackThresh: 0.6,
  trackBuffer: 30,
  matchThresh: 0.9,
  frameRate: 30,
  fuseScore: true,
  lowThresh: 0.1,
  newTrackMargin: 0.1,
  secondMatchThresh: 0.5,
  unconfirmedMatchThresh: 0.7,
  duplicateThresh: 0.15,
};

// basetrack.py TrackState.
const TRACKED = 1;
const LOST = 2;
const REMOVED = 3;

/** Detections as STracks before activation: `_tlwh` = tlbr_to_tlwh(det) and `.tlbr` = (x, y, w + x, h + y). */
interface Dets {
  readonly count: number;
  readonly tlwh: Float64Array;
  readonly tlbr: Float64Array;
  readonly score: Float64Array;
}

/** The rows `idx` of a frame's detections as STracks. */
function makeDets(tlbrIn: Float64Array, scoreIn: Float64Array, idx: readonly number[]): Dets {
  const n = idx.length;
  const tlwh = new Float64Array(4 * n);
  const tlbr = new Float64Array(4 * n);
  const score = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    const x = tlbrIn[4 * i]!, y = tlbrIn[4 * i + 1]!;
    const w = tlbrIn[4 * i + 2]! - x, h = tlbrIn[4 * i + 3]! - y;
    tlwh[4 * k] = x;
    tlwh[4 * k + 1] = y;
    tlwh[4 * k + 2] = w;
    tlwh[4 * k + 3] = h;
    tlbr[4 * k] = x;
    tlbr[4 * k + 1] = y;
    tlbr[4 * k + 2] = w + x;
    tlbr[4 * k + 3] = h + y;
    score[k] = scoreIn[i]!;
  }
  return { count: n, tlwh, tlbr, score };
}

interface STrack {
  readonly id: number;
  readonly mean: Float64Array;
  readonly cov: Float64Array;
  state: number;
  isActivated: boolean;
  score: number;
  frameId: number;
  readonly startFrame: number;
}

/** tlbr of tracks from their Kalman mean (`STrack.tlwh` then `.tlbr`: x2 = w + x). */
function trackTlbr(ts: readonly STrack[]): Float64Array {
  const out = new Float64Array(4 * ts.length);
  for (let i = 0; i < ts.length; i++) {
    const m = ts[i]!.mean;
    const w = m[2]! * m[3]!;
    const h = m[3]!;
    const x = m[0]! - w / 2;
    const y = m[1]! - h / 2;
    out[4 * i] = x;
    out[4 * i + 1] = y;
    out[4 * i + 2] = w + x;
    out[4 * i + 3] = h + y;
  }
  return out;
}

/** matching.py `iou_distance` (1 - IoU with the +1 convention), optionally `fuse_score`d. */
function distance(ts: readonly STrack[], ds: Dets, fuse: boolean): Float64Array {
  const cost = oneMinus(iouTlbrPlus1(trackTlbr(ts), ts.length, ds.tlbr, ds.count));
  return fuse ? fuseScore(cost, ts.length, ds.count, ds.score) : cost;
}

/** matching.py `linear_assignment(cost, thresh)`: matches in row order, unmatched rows and columns in index order. */
function assign(cost: Float64Array, rows: number, cols: number, thresh: number): { matches: [number, number][]; uRows: number[]; uCols: number[] } {
  if (rows === 0 || cols === 0) return { matches: [], uRows: Array.from({ length: rows }, (_, i) => i), uCols: Array.from({ length: cols }, (_, j) => j) };
  const a = assignComponents(cost, rows, cols, thresh);
  const matches: [number, number][] = [];
  const uRows: number[] = [];
  const uCols: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (a.rowToCol[i]! >= 0) matches.push([i, a.rowToCol[i]!]);
    else uRows.push(i);
  }
  for (let j = 0; j < cols; j++) if (a.colToRow[j]! < 0) uCols.push(j);
  return { matches, uRows, uCols };
}

/** byte_tracker.py `joint_stracks`: a then the tracks of b whose id is not in a. */
function joint(a: readonly STrack[], b: readonly STrack[]): STrack[] {
  const ids = new Set(a.map((t) => t.id));
  const res = a.slice();
  for (const t of b) {
    if (ids.has(t.id)) continue;
    ids.add(t.id);
    res.push(t);
  }
  return res;
}

/** byte_tracker.py `sub_stracks`: the tracks of a whose id is not in `ids`. */
function sub(a: readonly STrack[], ids: ReadonlySet<number>): STrack[] {
  return a.filter((t) => !ids.has(t.id));
}

/** The ByteTrack tracker. */
export class ByteTrack implements Tracker {
  readonly params: ByteTrackParams;
  readonly #ids: IdAllocator;
  readonly #kf = new XyahKalman();
  #tracked: STrack[] = [];
  #lost: STrack[] = [];
  /** Ids of `self.removed_stracks` (only ever used to filter the lost list). */
  readonly #removedIds = new Set<number>();
  #frameId = 0;
  readonly #z = new Float64Array(4);

  constructor(params: Partial<ByteTrackParams> = {}, ids: IdAllocator = sequentialIds()) {
    this.params = { ...BYTETRACK_DEFAULTS, ...params };
    this.#ids = ids;
  }

  /** `STrack.update` / `re_activate(new_id=False)` with detection k of `d`. */
  #update(t: STrack, d: Dets, k: number, frameId: number): void {
    this.#kf.update(t.mean, t.cov, tlwhToXyah(d.tlwh, 4 * k, this.#z));
    t.state = TRACKED;
    t.isActivated = true;
    t.frameId = frameId;
    t.score = d.score[k]!;
  }

  /** `BYTETracker.update` for one frame (the official loop skips frames without detections). */
  update(dets: FrameDetections): TrackBox[] {
    const p = this.params;
    const frameId = ++this.#frameId;
    const maxTimeLost = Math.trunc((p.frameRate / 30) * p.trackBuffer);
    const detThresh = p.trackThresh + p.newTrackMargin;
    const activated: STrack[] = [];
    const refind: STrack[] = [];
    const lost: STrack[] = [];
    const removed: STrack[] = [];

    const hi: number[] = [];
    const lo: number[] = [];
    for (let i = 0; i < dets.count; i++) {
      const s = dets.score[i]!;
      if (s > p.trackThresh) hi.push(i);
      else if (s > p.lowThresh && s < p.trackThresh) lo.push(i);
    }
    const high = makeDets(dets.tlbr, dets.score, hi);
    const low = makeDets(dets.tlbr, dets.score, lo);
    const unconfirmed = this.#tracked.filter((t) => !t.isActivated);
    const pool = joint(this.#tracked.filter((t) => t.isActivated), this.#lost);
    for (const t of pool) {
      if (t.state !== TRACKED) t.mean[7] = 0;
      this.#kf.predict(t.mean, t.cov);
    }
    // Step 2: first association, high-score detections.
    const first = assign(distance(pool, high, p.fuseScore), pool.length, high.count, p.matchThresh);
    for (const [it, id] of first.matches) {
      const t = pool[it]!;
      const wasTracked = t.state === TRACKED;
      this.#update(t, high, id, frameId);
      (wasTracked ? activated : refind).push(t);
    }
    // Step 3: second association, low-score detections with the still tracked (not lost) tracks.
    const rTracked = first.uRows.map((i) => pool[i]!).filter((t) => t.state === TRACKED);
    const second = assign(distance(rTracked, low, false), rTracked.length, low.count, p.secondMatchThresh);
    for (const [it, id] of second.matches) {
      const t = rTracked[it]!;
      const wasTracked = t.state === TRACKED;
      this.#update(t, low, id, frameId);
      (wasTracked ? activated : refind).push(t);
    }
    for (const it of second.uRows) {
      const t = rTracked[it]!;
      if (t.state !== LOST) {
        t.state = LOST;
        lost.push(t);
      }
    }
    // Unconfirmed tracks (one frame old) against the detections left from step 2.
    const left = makeDets(dets.tlbr, dets.score, first.uCols.map((i) => hi[i]!));
    const third = assign(distance(unconfirmed, left, p.fuseScore), unconfirmed.length, left.count, p.unconfirmedMatchThresh);
    for (const [it, id] of third.matches) {
      this.#update(unconfirmed[it]!, left, id, frameId);
      activated.push(unconfirmed[it]!);
    }
    for (const it of third.uRows) {
      unconfirmed[it]!.state = REMOVED;
      removed.push(unconfirmed[it]!);
    }
    // Step 4: new tracks.
    for (const inew of third.uCols) {
      const score = left.score[inew]!;
      if (score < detThresh) continue;
      const mean = new Float64Array(8);
      const cov = new Float64Array(64);
      this.#kf.initiate(tlwhToXyah(left.tlwh, 4 * inew, this.#z), mean, cov);
      activated.push({ id: this.#ids.next(), mean, cov, state: TRACKED, isActivated: frameId === 1, score, frameId, startFrame: frameId });
    }
    // Step 5: time out lost tracks.
    for (const t of this.#lost) {
      if (frameId - t.frameId > maxTimeLost) {
        t.state = REMOVED;
        removed.push(t);
      }
    }
    let tracked = joint(joint(this.#tracked.filter((t) => t.state === TRACKED), activated), refind);
    let lostList = sub(this.#lost, new Set(tracked.map((t) => t.id)));
    lostList.push(...lost);
    // As in the reference, this uses the removed list of earlier frames only: tracks timed out in this
    // frame stay in the lost list (state Removed) for one more frame and can still be re-found.
    lostList = sub(lostList, this.#removedIds);
    for (const t of removed) this.#removedIds.add(t.id);
    [tracked, lostList] = this.#removeDuplicates(tracked, lostList);
    this.#tracked = tracked;
    this.#lost = lostList;
    const out: TrackBox[] = [];
    for (const t of tracked) if (t.isActivated) out.push({ id: t.id, tlwh: xyahToTlwh(t.mean, new Float64Array(4)), score: t.score });
    return out;
  }

  /** `remove_duplicate_stracks`: of a tracked/lost pair closer than duplicateThresh, drop the younger. */
  #removeDuplicates(a: STrack[], b: STrack[]): [STrack[], STrack[]] {
    if (a.length === 0 || b.length === 0) return [a, b];
    const dist = oneMinus(iouTlbrPlus1(trackTlbr(a), a.length, trackTlbr(b), b.length));
    const dupA = new Set<number>();
    const dupB = new Set<number>();
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        if (dist[i * b.length + j]! < this.params.duplicateThresh) {
          const timeP = a[i]!.frameId - a[i]!.startFrame;
          const timeQ = b[j]!.frameId - b[j]!.startFrame;
          if (timeP > timeQ) dupB.add(j);
          else dupA.add(i);
        }
      }
    }
    return [a.filter((_, i) => !dupA.has(i)), b.filter((_, j) => !dupB.has(j))];
  }
}
