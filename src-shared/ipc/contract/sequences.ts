import { z } from 'zod';
import { BoxRecordSchema, EditSchema, FrameIndexSchema, TrackRecordSchema } from '../../model/edits';
import { SequenceSummarySchema } from '../schemas';
import { ImageBytesSchema, projectRef, SequenceRefSchema } from './common';

const seqRef = z.object({ ...projectRef, sequence: SequenceRefSchema }).strict();

/** What an edit, undo or redo changed, and where the history stands after it. */
export const EditOutcomeSchema = z.object({
  revisionId: z.number().nullable(),
  groupId: z.number().nullable(),
  label: z.string().nullable(),
  tracks: z.array(z.number()),
  fromFrame: z.number(),
  toFrame: z.number(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});

/** A track with its summary. */
export const TrackSummarySchema = TrackRecordSchema.extend({
  boxCount: z.number(),
  firstFrame: z.number().nullable(),
  lastFrame: z.number().nullable(),
});

/** Boxes as columns (typed arrays travel as such over IPC, base64 over browser mode). */
export const BoxColumnsSchema = z.object({
  count: z.number(),
  frame: z.custom<Int32Array>((v) => v instanceof Int32Array),
  trackId: z.custom<Int32Array>((v) => v instanceof Int32Array),
  x: z.custom<Float64Array>((v) => v instanceof Float64Array),
  y: z.custom<Float64Array>((v) => v instanceof Float64Array),
  w: z.custom<Float64Array>((v) => v instanceof Float64Array),
  h: z.custom<Float64Array>((v) => v instanceof Float64Array),
  conf: z.custom<Float64Array>((v) => v instanceof Float64Array),
  c8: z.custom<Float64Array>((v) => v instanceof Float64Array),
  c9: z.custom<Float64Array>((v) => v instanceof Float64Array),
  c10: z.custom<Float64Array>((v) => v instanceof Float64Array),
  flags: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});
/** Boxes as columns. */
export type BoxColumnsPayload = z.infer<typeof BoxColumnsSchema>;

/** A row of a detection or result set. */
export const SetRowSchema = z.object({
  frame: z.number(),
  id: z.number(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  conf: z.number(),
});

/** Sequence, annotation, set and media channels. */
export const sequenceChannels = {
  'sequences.list': { request: z.object(projectRef).strict(), response: z.array(SequenceSummarySchema) },
  'sequences.frames': {
    request: seqRef,
    response: z.array(z.object({ frame: z.number(), file: z.string(), videoPts: z.number().nullable() })),
  },
  'sequences.delete': { request: seqRef, response: z.object({ deleted: z.boolean() }) },
  'annotations.frame': {
    request: seqRef.extend({ frame: FrameIndexSchema }),
    response: z.object({ boxes: z.array(BoxRecordSchema) }),
  },
  'annotations.tracks': { request: seqRef, response: z.array(TrackSummarySchema) },
  /** Every track and box of a sequence (the editor loads it once, then refreshes what edits touch). */
  'annotations.all': { request: seqRef, response: z.object({ tracks: z.array(TrackSummarySchema), boxes: BoxColumnsSchema }) },
  /** The boxes of some tracks (within a frame range), with those tracks' rows (missing ids were deleted). */
  'annotations.trackBoxes': {
    request: seqRef.extend({ trackIds: z.array(z.number().int().min(1)).max(100_000), fromFrame: FrameIndexSchema.optional(), toFrame: FrameIndexSchema.optional() }),
    response: z.object({ tracks: z.array(TrackSummarySchema), boxes: BoxColumnsSchema }),
  },
  'annotations.applyEdits': {
    request: seqRef.extend({
      edits: z.array(EditSchema).min(1).max(200_000),
      /** Shown in the undo menu ("move box", "swap 3↔7 from frame 120"). */
      label: z.string().min(1).max(200),
      /** Join the latest group (a drag sent in pieces undoes as one step). */
      groupId: z.number().int().min(1).optional(),
    }),
    response: EditOutcomeSchema,
  },
  'annotations.undo': { request: seqRef, response: EditOutcomeSchema },
  'annotations.redo': { request: seqRef, response: EditOutcomeSchema },
  'annotations.history': {
    request: seqRef,
    response: z.object({ undoLabel: z.string().nullable(), redoLabel: z.string().nullable(), revisions: z.number() }),
  },
  'sets.frame': {
    request: z.object({ ...projectRef, setId: z.number().int().min(1), frame: FrameIndexSchema }).strict(),
    response: z.object({ rows: z.array(SetRowSchema) }),
  },
  'media.frame': { request: seqRef.extend({ frame: FrameIndexSchema }), response: ImageBytesSchema },
  'media.thumbnail': {
    request: seqRef.extend({ frame: FrameIndexSchema, width: z.number().int().min(16).max(1024).optional() }),
    response: ImageBytesSchema,
  },
} as const;
