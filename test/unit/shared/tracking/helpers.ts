// Small builders for tracker tests (not a test file).
import { frameDetections, type FrameDetections, type TrackBox, type Tracker } from '../../../../src-shared/tracking/types';

/** One frame from [x1, y1, x2, y2, score] rows. */
export function frame(...rows: (readonly [number, number, number, number, number])[]): FrameDetections {
  return frameDetections(rows.flatMap((r) => [r[0], r[1], r[2], r[3]]), rows.map((r) => r[4]));
}

/** Runs frames and returns, per frame, "id@x1" strings sorted by x1 (the box's left edge, rounded). */
export function runFrames(t: Tracker, frames: readonly FrameDetections[]): string[][] {
  return frames.map((f) =>
    t
      .update(f)
      .slice()
      .sort((a: TrackBox, b: TrackBox) => a.tlwh[0]! - b.tlwh[0]!)
      .map((b) => `${b.id}@${Math.round(b.tlwh[0]!)}`),
  );
}
