// Frame sampling, train/validation (or train/test) splits and clip windows (METHODS.md §6.2, §6.4-1).
// Splits are by sequence; a single sequence is cut into contiguous time blocks with a guard gap of at
// least 2 s between them, so no clip straddles the boundary and neighbouring frames do not leak.

/** §6.2: the sampling step that brings a sequence to at most 10 fps (7 fps → 1, 25 → 3, 30 → 3, 60 → 6). */
export function autoFrameStep(fps: number): number {
  return Math.max(1, Math.ceil(fps / 10));
}

/** The sampled frame numbers first, first + step, … ≤ last. */
export function sampledFrames(first: number, last: number, step: number): number[] {
  const out: number[] = [];
  for (let f = first; f <= last; f += step) out.push(f);
  return out;
}

/** §6.4-1: the guard gap between time blocks, in original frames (≥ 2 s). */
export function guardGapFrames(fps: number): number {
  return Math.ceil(2 * fps);
}

/** A time-block split of one sequence's sampled frames. */
export interface TimeBlockSplit {
  /** Sampled frames before the gap (training). */
  readonly first: number[];
  /** Sampled frames after the gap (validation or test). */
  readonly second: number[];
  /** The first original frame of the second block. */
  readonly cutFrame: number;
}

/**
 * Splits ascending sampled `frames`: the last `fraction` (at least `minFrames`) form the second block;
 * frames less than `guardFrames` before it are dropped. Undefined when either block would have fewer
 * than `minFrames` frames.
 */
export function timeBlockSplit(frames: readonly number[], o: { fraction: number; guardFrames: number; minFrames: number }): TimeBlockSplit | undefined {
  const held = Math.max(o.minFrames, Math.ceil(o.fraction * frames.length));
  if (held >= frames.length) return undefined;
  const second = frames.slice(frames.length - held);
  const cutFrame = second[0]!;
  const first = frames.filter((f) => f <= cutFrame - o.guardFrames);
  if (first.length < o.minFrames) return undefined;
  return { first, second, cutFrame };
}

/**
 * Clip windows over `n` consecutive sampled frames: `length` frames every `stride` frames, plus one
 * window ending at the last frame when the stride does not land there; fewer than `length` (but ≥ 2)
 * frames make one short clip. Returns [start, count] pairs.
 */
export function clipWindows(n: number, length: number, stride: number): [number, number][] {
  if (n < 2) return [];
  if (n <= length) return [[0, n]];
  const out: [number, number][] = [];
  let s = 0;
  for (; s + length <= n; s += stride) out.push([s, length]);
  if (out[out.length - 1]![0] + length < n) out.push([n - length, length]);
  return out;
}

/** Splits ascending frame numbers into runs without gaps larger than `step` (blocks of consecutive sampled frames). */
export function consecutiveRuns(frames: readonly number[], step: number): number[][] {
  const runs: number[][] = [];
  for (const f of frames) {
    const last = runs[runs.length - 1];
    if (last && f - last[last.length - 1]! <= step) last.push(f);
    else runs.push([f]);
  }
  return runs;
}
