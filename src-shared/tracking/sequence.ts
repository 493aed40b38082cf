// Running a tracker over a whole detection file the way each official evaluation loop does, and the
// detector post-processing that stays outside `update()`: the output filter of ByteTrack's and
// OC-SORT's MOT evaluators (yolox/evaluators/mot_evaluator.py: drop w·h <= min_box_area or w/h > 1.6)
// and the writers' rounding (see pyFormat.ts).
import type { MotTable } from '../formats/motTable';
import { formatDecimal } from '../formats/numbers';
import { assertNever } from '../util/assertNever';
import { pyFixed, pyRoundRepr } from './pyFormat';
import type { FrameDetections, TrackBox, Tracker } from './types';

/** Detection rows grouped by frame (file order kept within a frame, as `seq_dets[seq_dets[:,0] == frame]`). */
export interface DetectionsByFrame {
  /** The largest frame number with a detection (0 when there are none). */
  readonly lastFrame: number;
  /** The detections of frame f (1-based); an empty set when it has none. */
  frame(f: number): FrameDetections;
}

const EMPTY: FrameDetections = { count: 0, tlbr: new Float64Array(0), score: new Float64Array(0) };

/** Groups a det table by frame; boxes become tlbr as the official loops compute them (x2 = x + w, y2 = y + h). */
export function groupByFrame(t: MotTable): DetectionsByFrame {
  let lastFrame = 0;
  for (let r = 0; r < t.count; r++) lastFrame = Math.max(lastFrame, t.frame[r]!);
  const counts = new Int32Array(lastFrame + 2);
  for (let r = 0; r < t.count; r++) counts[t.frame[r]! + 1]!++;
  for (let f = 1; f <= lastFrame + 1; f++) counts[f] = counts[f]! + counts[f - 1]!;
  const start = counts.slice();
  const order = new Int32Array(t.count);
  const fill = counts.slice();
  for (let r = 0; r < t.count; r++) order[fill[t.frame[r]!]!++] = r;
  const frames: FrameDetections[] = [];
  for (let f = 0; f <= lastFrame; f++) {
    const a = start[f]!;
    const n = start[f + 1]! - a;
    if (n === 0) {
      frames.push(EMPTY);
      continue;
    }
    const tlbr = new Float64Array(4 * n);
    const score = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const r = order[a + k]!;
      tlbr[4 * k] = t.x[r]!;
      tlbr[4 * k + 1] = t.y[r]!;
      tlbr[4 * k + 2] = t.x[r]! + t.w[r]!;
      tlbr[4 * k + 3] = t.y[r]! + t.h[r]!;
      score[k] = t.conf[r]!;
    }
    frames.push({ count: n, tlbr, score });
  }
  return { lastFrame, frame: (f) => (f >= 1 && f <= lastFrame ? frames[f]! : EMPTY) };
}

/**
 * How the official loop feeds frames: `every-frame` calls update() on frames 1..last detection frame
 * (sort.py main); `skip-empty` skips frames without detections (ByteTrack's and OC-SORT's evaluators
 * run the tracker only when the detector returned boxes).
 */
export type FrameLoop = 'every-frame' | 'skip-empty';

/** The evaluators' output filter: keep a box when w·h > minBoxArea and not w/h > maxAspectRatio. */
export interface OutputFilter {
  /** mot_evaluator.py `args.min_box_area` (tools/track.py default 100). */
  readonly minBoxArea: number;
  /** mot_evaluator.py `vertical = tlwh[2] / tlwh[3] > 1.6`. */
  readonly maxAspectRatio: number;
}

/** ByteTrack's and OC-SORT's MOT17 settings. */
export const OFFICIAL_OUTPUT_FILTER: OutputFilter = { minBoxArea: 100, maxAspectRatio: 1.6 };

/** Whether the evaluators keep a box (same comparisons, same order). */
export function keepBox(tlwh: ArrayLike<number>, f: OutputFilter): boolean {
  const vertical = tlwh[2]! / tlwh[3]! > f.maxAspectRatio;
  return tlwh[2]! * tlwh[3]! > f.minBoxArea && !vertical;
}

/** One output row before formatting. */
export interface ResultRow {
  readonly frame: number;
  readonly box: TrackBox;
}

/** Options of `trackSequence`. */
export interface TrackSequenceOptions {
  readonly loop: FrameLoop;
  /** Drop boxes as the evaluator does; none when undefined (SORT's loop writes every box). */
  readonly filter?: OutputFilter;
  /** Feed frames up to here (default: the last frame with a detection). */
  readonly lastFrame?: number;
  /** Called after each frame (progress); return false to stop early (cancel). */
  readonly onFrame?: (frame: number, lastFrame: number) => boolean | void;
}

/** Runs `tracker` over every frame of `dets`; rows in output order (frame by frame, tracker order). */
export function trackSequence(tracker: Tracker, dets: DetectionsByFrame, opts: TrackSequenceOptions): ResultRow[] {
  const rows: ResultRow[] = [];
  const last = opts.lastFrame ?? dets.lastFrame;
  for (let f = 1; f <= last; f++) {
    const d = dets.frame(f);
    if (d.count > 0 || opts.loop === 'every-frame') {
      for (const box of tracker.update(d)) if (!opts.filter || keepBox(box.tlwh, opts.filter)) rows.push({ frame: f, box });
    }
    if (opts.onFrame?.(f, last) === false) break;
  }
  return rows;
}

/**
 * `trackSequence` with an asynchronous step that prepares each fed frame first (e.g. decodes the image
 * and attaches embeddings for the appearance tracker).
 */
export async function trackSequenceAsync(
  tracker: Tracker,
  dets: DetectionsByFrame,
  opts: TrackSequenceOptions,
  prepare: (frame: number, dets: FrameDetections) => Promise<FrameDetections>,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const last = opts.lastFrame ?? dets.lastFrame;
  for (let f = 1; f <= last; f++) {
    const d = dets.frame(f);
    if (d.count > 0 || opts.loop === 'every-frame') {
      const ready = await prepare(f, d);
      for (const box of tracker.update(ready)) if (!opts.filter || keepBox(box.tlwh, opts.filter)) rows.push({ frame: f, box });
    }
    if (opts.onFrame?.(f, last) === false) break;
  }
  return rows;
}

/**
 * How the official script writes a row: `sort` = sort.py's '%d,%d,%.2f,%.2f,%.2f,%.2f,1,-1,-1,-1';
 * `bytetrack` = write_results (round(v, 1) boxes, round(score, 2)); `ocsort` = write_results_no_score;
 * `canonical` = full precision, shortest round-trip numbers (formats/numbers.ts), score kept.
 */
export type RowStyle = 'sort' | 'bytetrack' | 'ocsort' | 'canonical';

/** One row as the official writer prints it (without the newline). */
export function formatRow(r: ResultRow, style: RowStyle): string {
  const t = r.box.tlwh;
  const head = `${r.frame},${r.box.id},`;
  switch (style) {
    case 'sort':
      return `${head}${pyFixed(t[0]!, 2)},${pyFixed(t[1]!, 2)},${pyFixed(t[2]!, 2)},${pyFixed(t[3]!, 2)},1,-1,-1,-1`;
    case 'bytetrack':
      return `${head}${pyRoundRepr(t[0]!, 1)},${pyRoundRepr(t[1]!, 1)},${pyRoundRepr(t[2]!, 1)},${pyRoundRepr(t[3]!, 1)},${pyRoundRepr(r.box.score, 2)},-1,-1,-1`;
    case 'ocsort':
      return `${head}${pyRoundRepr(t[0]!, 1)},${pyRoundRepr(t[1]!, 1)},${pyRoundRepr(t[2]!, 1)},${pyRoundRepr(t[3]!, 1)},-1,-1,-1,-1`;
    case 'canonical':
      return `${head}${formatDecimal(t[0]!)},${formatDecimal(t[1]!)},${formatDecimal(t[2]!)},${formatDecimal(t[3]!)},${formatDecimal(r.box.score)},-1,-1,-1`;
    default:
      return assertNever(style, 'row style');
  }
}

/** The whole result file as the official writer produces it. */
export function formatRows(rows: readonly ResultRow[], style: RowStyle): string {
  let s = '';
  for (const r of rows) s += formatRow(r, style) + '\n';
  return s;
}
