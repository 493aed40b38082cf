// zod schemas of the payloads that cross the API (plain data: no class instances, no Date; times are `...Ms`).
import { z } from 'zod';
import { ProjectIdSchema } from '../model/ids';
import { TF_BACKEND_NAMES } from './backendNames';

/** A project as listed in the library (the app's list of known project files). */
export const ProjectSummarySchema = z.object({
  id: ProjectIdSchema,
  name: z.string(),
  /** Absolute path of the project's SQLite file. */
  path: z.string(),
  createdMs: z.number(),
  lastOpenedMs: z.number(),
  /** False when the file was moved or deleted since it was last opened. */
  available: z.boolean(),
});
/** A project as listed in the library. */
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export { TF_BACKEND_NAMES, type TfBackendName } from './backendNames';

/** Which tfjs backend the training/inference workers use, as probed once in a worker. */
export const BackendInfoSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('probing') }),
  z.object({
    state: z.literal('ready'),
    name: z.enum(TF_BACKEND_NAMES),
    /** tfjs's own backend id (`tensorflow`, `wasm`, `cpu`) and why earlier choices were skipped. */
    detail: z.string(),
    probeMs: z.number(),
  }),
  z.object({ state: z.literal('failed'), message: z.string() }),
]);
/** Which tfjs backend the workers use. */
export type BackendInfo = z.infer<typeof BackendInfoSchema>;

/** What the running app is and how it was started. */
export const AppInfoSchema = z.object({
  name: z.literal('Trackwright'),
  version: z.string(),
  /** Which transport this client reached the API through. */
  mode: z.enum(['electron', 'browser', 'cli']),
  dataDir: z.string(),
  platform: z.string(),
  backend: BackendInfoSchema,
});
/** What the running app is and how it was started. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A path as typed by a user: non-empty, no NUL bytes. */
export const PathSchema = z.string().min(1, 'path is empty').refine((p) => !p.includes('\0'), 'path contains a NUL byte');

/** A human name for a project or run. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(120, 'name is longer than 120 characters')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'name contains control characters');

/** A detection set or tracker-result set of a sequence. */
export const BoxSetSummarySchema = z.object({
  id: z.number(),
  sequenceId: z.number(),
  kind: z.enum(['det', 'res']),
  name: z.string(),
  originKind: z.enum(['imported', 'produced']),
  /** imported: { file }; produced: the run that made it. */
  origin: z.record(z.string(), z.unknown()),
  columns: z.number(),
  rowCount: z.number(),
  createdMs: z.number(),
});
/** A detection set or tracker-result set. */
export type BoxSetSummary = z.infer<typeof BoxSetSummarySchema>;

/** A sequence of a project. */
export const SequenceSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  frameCount: z.number(),
  fps: z.number(),
  width: z.number(),
  height: z.number(),
  sourceKind: z.enum(['mot', 'frames', 'video', 'none']),
  sourcePath: z.string().nullable(),
  /** True when frame images are available to show. */
  hasFrames: z.boolean(),
  benchmark: z.enum(['MOT15', 'MOT16', 'MOT17', 'MOT20']).nullable(),
  gtLayout: z.enum(['class-visibility', 'world']),
  trackCount: z.number(),
  boxCount: z.number(),
  sets: z.array(BoxSetSummarySchema),
});
/** A sequence of a project. */
export type SequenceSummary = z.infer<typeof SequenceSummarySchema>;

/** One bad line of an imported text file. */
export const LineErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  field: z.string(),
  found: z.string(),
  expected: z.string(),
  message: z.string(),
});

/** What an import did. */
export const ImportReportSchema = z.object({
  sequences: z.array(SequenceSummarySchema),
  /** The sets created, as "sequence/kind/name" with their row counts. */
  sets: z.array(z.object({ sequence: z.string(), kind: z.enum(['det', 'res']), name: z.string(), rows: z.number() })),
  gtRows: z.number(),
  /** Lines skipped because the user asked to skip bad lines (the first 1000). */
  skipped: z.array(LineErrorSchema),
  skippedCount: z.number(),
  warnings: z.array(z.string()),
  durationMs: z.number(),
});
/** What an import did. */
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Progress of long work (an import, an evaluation, a training run), pushed as the `jobs.progress` event. */
export const JobProgressSchema = z.object({
  jobId: z.string(),
  /** The run the job's results are stored in (0 for work that is not a run, such as a video import). */
  runId: z.number(),
  kind: z.string(),
  /** Project file the work belongs to, when any. */
  project: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  /** Estimated time to completion; null when unknown. */
  etaMs: z.number().nullable(),
  /** Kind-specific figures: losses and λ for training, the best-so-far table for tuning. */
  detail: z.unknown().optional(),
});
/** Progress of long work. */
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** The end of a job (its run holds the results). */
export const JobFinishedSchema = z.object({
  jobId: z.string(),
  runId: z.number(),
  kind: z.string(),
  project: z.string(),
  state: z.enum(['succeeded', 'failed', 'cancelled']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
/** The end of a job. */
export type JobFinished = z.infer<typeof JobFinishedSchema>;
