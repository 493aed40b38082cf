// Shapes shared by every tracker: one frame of detections in, the reported tracks out. Boxes are
// flat Float64Arrays named by format (ARCHITECTURE.md §5); tracker state never leaks out.

/** The detections of one frame: `count` rows of tlbr boxes (x1, y1, x2, y2) and scores. */
export interface FrameDetections {
  readonly count: number;
  /** 4 values per detection: x1, y1, x2, y2 (pixels). */
  readonly tlbr: Float64Array;
  readonly score: Float64Array;
  /** Appearance tracker only: `count` rows of `embeddingDim` values (any embedding function). */
  readonly embeddings?: Float32Array;
  readonly embeddingDim?: number;
}

/** One track reported for a frame, its box computed exactly as the tracker's official evaluation loop writes it. */
export interface TrackBox {
  readonly id: number;
  /** x, y, w, h (pixels). */
  readonly tlwh: Float64Array;
  /** The score the official writer prints (ByteTrack: last matched detection score; SORT 1; OC-SORT -1). */
  readonly score: number;
}

/** Hands out track ids; a tracker takes ids only from the allocator it was given. */
export interface IdAllocator {
  /** The next unused id. */
  next(): number;
}

/** A frame-by-frame multi-object tracker. */
export interface Tracker {
  /** Consumes one frame of detections; returns the tracks to report for that frame. */
  update(dets: FrameDetections): TrackBox[];
}

/** Ids first, first + 1, ... (the official trackers count from 1 per sequence: SORT/OC-SORT `id + 1`, ByteTrack `_count += 1`). */
export function sequentialIds(first = 1): IdAllocator {
  let n = first;
  return { next: () => n++ };
}

/** Detections from plain arrays (tests and callers that build frames by hand). */
export function frameDetections(tlbr: readonly number[], score: readonly number[]): FrameDetections {
  if (tlbr.length !== score.length * 4) throw new Error(`frameDetections: ${tlbr.length} box values for ${score.length} scores`);
  return { count: score.length, tlbr: Float64Array.from(tlbr), score: Float64Array.from(score) };
}
