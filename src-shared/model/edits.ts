// Annotation edits: the low-level operations every editor command is made of (ARCHITECTURE.md §4).
// Main applies a list of them in one transaction, computes their inverse from the state it replaces,
// and stores both as a revision, so undo and redo survive a restart.
import { z } from 'zod';
import { ALL_FLAGS } from './boxFlags';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** A 1-based frame number. */
export const FrameIndexSchema = z.number().int().min(1).max(2147483647);
/** A 1-based track id. */
export const TrackIdSchema = z.number().int().min(1).max(2147483647);

/** One annotation box with every stored column (c8-c10 are NaN-free: -1 when unused). */
export const BoxRecordSchema = z
  .object({
    frame: FrameIndexSchema,
    trackId: TrackIdSchema,
    x: finite,
    y: finite,
    w: finite.refine((v) => v > 0, 'width must be > 0'),
    h: finite.refine((v) => v > 0, 'height must be > 0'),
    /** MOT conf column; 0 marks the box as ignored in evaluation. */
    conf: finite,
    /** Column 8: class id (class-visibility layout) or world x. */
    c8: finite,
    /** Column 9: visibility (class-visibility layout) or world y. */
    c9: finite,
    /** Column 10: world z (-1 when unused). */
    c10: finite,
    flags: z.number().int().min(0).max(ALL_FLAGS),
  })
  .strict();
/** One annotation box. */
export type BoxRecord = z.infer<typeof BoxRecordSchema>;

/** A track's own fields. */
export const TrackRecordSchema = z
  .object({
    trackId: TrackIdSchema,
    classId: z.number().int().min(1).max(13),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  })
  .strict();
/** A track's own fields. */
export type TrackRecord = z.infer<typeof TrackRecordSchema>;

/** One low-level edit. */
export const EditSchema = z.discriminatedUnion('op', [
  /** Insert or replace the box of (frame, trackId); creates the track (class 1) when missing. */
  z.object({ op: z.literal('putBox'), box: BoxRecordSchema }).strict(),
  /** Remove the box of (frame, trackId) (no-op when absent). */
  z.object({ op: z.literal('deleteBox'), frame: FrameIndexSchema, trackId: TrackIdSchema }).strict(),
  /** Insert or replace a track's own fields. */
  z.object({ op: z.literal('putTrack'), track: TrackRecordSchema }).strict(),
  /** Remove a track with all its boxes. */
  z.object({ op: z.literal('deleteTrack'), trackId: TrackIdSchema }).strict(),
  /**
   * Give the boxes of frames [fromFrame, toFrame] new track ids: each [from, to] pair moves track
   * `from`'s boxes to `to`. Several pairs apply at once, so [[a, b], [b, a]] swaps a and b. Refused
   * when a target already has a box in a frame it would receive one (use merge semantics upstream).
   */
  z
    .object({
      op: z.literal('relabel'),
      fromFrame: FrameIndexSchema,
      toFrame: FrameIndexSchema,
      mapping: z.array(z.tuple([TrackIdSchema, TrackIdSchema])).min(1),
    })
    .strict(),
]);
/** One low-level edit. */
export type Edit = z.infer<typeof EditSchema>;
