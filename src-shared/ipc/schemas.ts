// zod schemas of the payloads that cross the API (plain data: no class instances, no Date; times are `...Ms`).
import { z } from 'zod';
import { ProjectIdSchema } from '../model/ids';

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

/** Names of the TensorFlow.js backends in order of preference (ARCHITECTURE.md §3). */
export const TF_BACKEND_NAMES = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
/** A TensorFlow.js backend name as recorded with runs. */
export type TfBackendName = (typeof TF_BACKEND_NAMES)[number];

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
