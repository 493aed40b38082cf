// Runs and long work: evaluation, tracking, tuning, training and ablation start as jobs (their state,
// progress and results are stored as runs in the project file); the run history lists them.
import { z } from 'zod';
import { projectRef, SequenceRefSchema } from './common';

const runRef = z.object({ ...projectRef, runId: z.number().int().min(1) }).strict();
const seqs = z.array(SequenceRefSchema).min(1).optional();
const RUN_KINDS = ['eval', 'track', 'tune', 'train', 'ablate'] as const;

/** A run as the history lists it. */
export const RunSummarySchema = z.object({
  id: z.number(),
  jobId: z.string(),
  parentId: z.number().nullable(),
  kind: z.enum(RUN_KINDS),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  title: z.string(),
  config: z.unknown(),
  /** The TensorFlow.js backend (training, learned inference). */
  backend: z.string().nullable(),
  progress: z.unknown(),
  /** Headline figures: HOTA, IDF1, ... or final losses. */
  summary: z.unknown(),
  error: z.unknown(),
  createdMs: z.number(),
  startedMs: z.number().nullable(),
  finishedMs: z.number().nullable(),
});
/** A run as the history lists it. */
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** A started job. */
export const JobStartedSchema = z.object({ jobId: z.string(), runId: z.number() });

/** Tracker parameters (names as in the tracker's params object). */
const ParamsSchema = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));
const TRACKERS = ['sort', 'bytetrack', 'ocsort', 'iou', 'appearance', 'mpn'] as const;

/** Run channels. */
export const runChannels = {
  'runs.list': {
    request: z.object({ ...projectRef, kind: z.enum(RUN_KINDS).optional(), parentId: z.number().int().min(1).optional() }).strict(),
    response: z.array(RunSummarySchema),
  },
  'runs.get': {
    request: runRef.extend({ events: z.boolean().optional() }),
    response: z.object({
      run: RunSummarySchema,
      /** TrackEval fields per sequence and COMBINED_SEQ (evaluations). */
      metrics: z.record(z.string(), z.record(z.string(), z.unknown())),
      /** ID-switch and fragmentation events per sequence (evaluations, when asked). */
      events: z.record(z.string(), z.array(z.unknown())),
      artifacts: z.array(z.object({ name: z.string(), meta: z.unknown(), bytes: z.number() })),
      children: z.array(RunSummarySchema),
    }),
  },
  'runs.artifact': {
    request: runRef.extend({ name: z.string().min(1) }),
    response: z.object({ meta: z.unknown(), data: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }),
  },
  'runs.cancel': { request: z.object({ ...projectRef, jobId: z.string().min(1) }).strict(), response: z.object({ cancelled: z.boolean() }) },
  'runs.delete': { request: runRef, response: z.object({ deleted: z.boolean() }) },
  'eval.start': {
    request: z
      .object({
        ...projectRef,
        /** Default: every sequence that has the result set and annotations. */
        sequences: seqs,
        /** The tracker result set (by name) to evaluate against the annotations. */
        resultSet: z.string().min(1),
        /** MOT15 | MOT16 | MOT17 | MOT20 (default: the sequences' own, else MOT17). */
        benchmark: z.enum(['MOT15', 'MOT16', 'MOT17', 'MOT20']).optional(),
        /** TrackEval's DO_PREPROC (default true). */
        preprocess: z.boolean().optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
  'track.start': {
    request: z
      .object({
        ...projectRef,
        sequences: seqs,
        detectionSet: z.string().min(1),
        tracker: z.enum(TRACKERS),
        params: ParamsSchema.optional(),
        /** The official evaluation's settings (output filters, per-sequence overrides). */
        officialPreset: z.boolean().optional(),
        /** Name of the result set to write (default: the tracker's name and the run id). */
        resultSet: z.string().min(1).optional(),
        /** appearance: a training run whose weights embed the crops (default: colour histograms); mpn: the MPN training run (required). */
        modelRunId: z.number().int().min(1).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
  'tune.start': {
    request: z
      .object({
        ...projectRef,
        /** Annotated sequences to tune on (they need the detection set). */
        sequences: z.array(SequenceRefSchema).min(1),
        detectionSet: z.string().min(1),
        tracker: z.enum(['sort', 'bytetrack', 'ocsort', 'iou']),
        metric: z.enum(['HOTA', 'IDF1', 'MOTA']),
        trials: z.number().int().min(1).max(10000),
        sampler: z.enum(['tpe', 'random']).optional(),
        seed: z.number().int().optional(),
        /** Continue this tuning run's trials instead of starting afresh. */
        resumeRunId: z.number().int().min(1).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
  'train.start': {
    request: z
      .object({
        ...projectRef,
        /** Annotated sequences with a detection set (default: the annotations' own boxes as detections). */
        trainSequences: z.array(SequenceRefSchema).min(1),
        /** Held out for validation (default: contiguous time blocks of the training sequences). */
        validationSequences: z.array(SequenceRefSchema).optional(),
        detectionSet: z.string().min(1).optional(),
        /** reid: the appearance CNN (default); mpn: the graph tracker (METHODS.md §2), loss baseline (B0) or unitrack (B1). */
        model: z.enum(['reid', 'mpn']).optional(),
        /** mpn: a reid training run whose CNN embeds the crops as node features (default: colour histograms from frames, none without frames). */
        featureRunId: z.number().int().min(1).optional(),
        /** mpn: clip graphs per optimisation step (default 8, METHODS.md §2.7). */
        graphsPerStep: z.number().int().min(1).max(64).optional(),
        loss: z.enum(['baseline', 'unitrack', 'contrastive', 'both', 'deepmot']),
        steps: z.number().int().min(1).max(1_000_000),
        learningRate: z.number().positive().optional(),
        window: z.number().int().min(2).max(32).optional(),
        seed: z.number().int().optional(),
        /** tfjs backend override (default: the first that works: tensorflow-gpu, tensorflow, wasm, cpu). */
        backend: z.enum(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).optional(),
        /** Continue a cancelled or finished training run from its last checkpoint. */
        resumeRunId: z.number().int().min(1).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
  'ablate.start': {
    request: z
      .object({
        ...projectRef,
        trainSequences: z.array(SequenceRefSchema).min(1),
        /** Held-out sequences the arms' trackers are evaluated on. */
        testSequences: z.array(SequenceRefSchema).min(1),
        detectionSet: z.string().min(1),
        /** reid (default) or mpn: the graph tracker's arms are baseline (B0) and unitrack (B1). */
        model: z.enum(['reid', 'mpn']).optional(),
        /** mpn: clip graphs per optimisation step (default 8, METHODS.md §2.7). */
        graphsPerStep: z.number().int().min(1).max(64).optional(),
        arms: z.array(z.enum(['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'])).min(2),
        steps: z.number().int().min(1).max(1_000_000),
        seeds: z.array(z.number().int()).min(1).max(10).optional(),
        backend: z.enum(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
  'sets.rows': {
    request: z.object({ ...projectRef, setId: z.number().int().min(1) }).strict(),
    response: z.object({
      count: z.number(),
      frame: z.custom<Int32Array>((v) => v instanceof Int32Array),
      id: z.custom<Int32Array>((v) => v instanceof Int32Array),
      x: z.custom<Float64Array>((v) => v instanceof Float64Array),
      y: z.custom<Float64Array>((v) => v instanceof Float64Array),
      w: z.custom<Float64Array>((v) => v instanceof Float64Array),
      h: z.custom<Float64Array>((v) => v instanceof Float64Array),
      conf: z.custom<Float64Array>((v) => v instanceof Float64Array),
    }),
  },
  'embeddings.start': {
    /**
     * Embedding diagnostics (FDTA's observation): a trained appearance model embeds the annotated objects
     * of frame pairs (t, t + gap) of a sequence; same-object vs inter-object cosine similarity. Runs as a
     * child run (kind eval) of the training run, with artifacts `similarity` (JSON) and `embeddings`.
     */
    request: z
      .object({
        ...projectRef,
        /** A training run of the appearance model (reid) with weights. */
        modelRunId: z.number().int().min(1),
        /** A sequence with frame images and annotations. */
        sequence: SequenceRefSchema,
        /** Frame offset k of the pairs (default: half a second of frames, at least 1). */
        gap: z.number().int().min(1).max(10_000).optional(),
        /** At most this many anchor frames t, spread over the sequence (default 60). */
        anchors: z.number().int().min(1).max(2000).optional(),
        /** Annotated boxes below this visibility are left out (default 0.2, as training's GT crops). */
        minVisibility: z.number().min(0).max(1).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: JobStartedSchema,
  },
} as const;
