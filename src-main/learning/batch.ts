// One training step's batch: the crops of all sampled clips stacked into one NHWC array (one CNN pass,
// "common random numbers" for every loss, METHODS.md §6.2) plus the row bookkeeping each loss needs.
import type { TrainClip } from './data';
import type { DeepmotClipFrame } from './losses/deepmotClip';
import type { UnitrackWindow } from './losses/unitrackCore';

/** A clip's rows in the batch and its frames as row lists (IA pool and DeepMOT simulation). */
export interface BatchClip {
  readonly start: number;
  readonly end: number;
  /** Frames with rows relative to `start`. */
  readonly frames: readonly DeepmotClipFrame[];
}

/** Everything a step's losses read; plain data. */
export interface StepBatch {
  readonly count: number;
  readonly crops: Float32Array;
  readonly identities: Int32Array;
  readonly quality: Float32Array;
  /** UniTrack windows (rows index the whole batch). */
  readonly windows: readonly UnitrackWindow[];
  readonly clips: readonly BatchClip[];
}

/**
 * Stacks `clips` into a batch; UniTrack windows are the consecutive W-frame sub-windows of each clip
 * (frames 0–4, 5–9 for T = 10, §6.2), a shorter clip (≥ 2 frames) being one window.
 */
export function assembleBatch(clips: readonly TrainClip[], windowSize: number, cropHeight: number, cropWidth: number): StepBatch {
  const per = cropHeight * cropWidth * 3;
  const count = clips.reduce((a, c) => a + c.frames.reduce((b, f) => b + f.identities.length, 0), 0);
  const crops = new Float32Array(count * per);
  const identities = new Int32Array(count);
  const quality = new Float32Array(count);
  const windows: UnitrackWindow[] = [];
  const out: BatchClip[] = [];
  let row = 0;
  for (const clip of clips) {
    const start = row;
    const rows: number[][] = [];
    for (const f of clip.frames) {
      const n = f.identities.length;
      crops.set(f.crops, row * per);
      identities.set(f.identities, row);
      quality.set(f.quality, row);
      rows.push(Array.from({ length: n }, (_, i) => row + i));
      row += n;
    }
    out.push({ start, end: row, frames: clip.frames.map((f, t) => ({ rows: rows[t]!.map((r) => r - start), gtIds: f.identities })) });
    const T = clip.frames.length;
    const W = T < windowSize ? T : windowSize;
    const diag = Math.hypot(clip.imageWidth, clip.imageHeight);
    for (let s = 0; W >= 2 && s + W <= T; s += W) {
      const fs = clip.frames.slice(s, s + W);
      const p = fs.reduce((a, f) => a + f.identities.length, 0);
      const fp = fs.reduce((a, f) => a + f.identities.filter((g) => g < 0).length, 0);
      const gt = fs.reduce((a, f) => a + f.gtCount, 0);
      windows.push({
        frames: fs.map((f, t) => ({ rows: rows[s + t]!, boxesXyxy: f.boxesXyxy, gtIds: f.identities })),
        dt: fs.slice(1).map((f, t) => (f.frameIndex - fs[t]!.frameIndex) / (clip.frameStep ?? 1)),
        diag,
        // A3: window totals; FN = GT boxes left unmatched = GT − matched detections.
        counts: { fp, p, gt, fn: Math.max(0, gt - (p - fp)) },
      });
    }
  }
  return { count, crops, identities, quality, windows, clips: out };
}
