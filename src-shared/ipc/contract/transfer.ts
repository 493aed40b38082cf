import { z } from 'zod';
import { ImportReportSchema, PathSchema } from '../schemas';
import { projectRef, SequenceRefSchema } from './common';

const skip = { skipBadLines: z.boolean().optional() };

/** A fidelity-check finding. */
export const FindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().optional(),
  message: z.string(),
});

/** What an export wrote (or, with `check`, would write). */
export const ExportReportSchema = z.object({
  files: z.array(z.string()),
  rows: z.number(),
  findings: z.array(FindingSchema),
  /** False for a check: nothing was written. */
  written: z.boolean(),
  /** The destination existed before (a check tells the user that writing needs overwrite). */
  existed: z.boolean(),
});

/** Options of both export channels. */
const exportOptions = {
  overwrite: z.boolean().optional(),
  /** Run the fidelity check and list the files, write nothing. */
  check: z.boolean().optional(),
  /** Progress of a large export comes as jobs.progress events with this job id (kind 'export'). */
  progressId: z.string().min(1).max(100).optional(),
};

/** Which boxes to export. */
export const ExportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gt') }).strict(),
  z.object({ kind: z.enum(['det', 'res']), name: z.string().min(1) }).strict(),
]);

/** Import and export channels. */
export const transferChannels = {
  'import.mot': {
    request: z.object({ ...projectRef, path: PathSchema, ...skip }).strict(),
    response: ImportReportSchema,
  },
  'import.frames': {
    request: z.object({ ...projectRef, folder: PathSchema, name: z.string().min(1).optional(), fps: z.number().positive().optional() }).strict(),
    response: ImportReportSchema,
  },
  'import.video': {
    request: z.object({ ...projectRef, file: PathSchema, name: z.string().min(1).optional() }).strict(),
    response: ImportReportSchema,
  },
  'import.file': {
    request: z
      .object({
        ...projectRef,
        sequence: SequenceRefSchema,
        kind: z.enum(['gt', 'det', 'res']),
        file: PathSchema,
        name: z.string().min(1).optional(),
        replace: z.boolean().optional(),
        ...skip,
      })
      .strict(),
    response: ImportReportSchema,
  },
  'import.results': {
    request: z.object({ ...projectRef, folder: PathSchema, name: z.string().min(1).optional(), ...skip }).strict(),
    response: ImportReportSchema,
  },
  'export.file': {
    request: z
      .object({ ...projectRef, sequence: SequenceRefSchema, source: ExportSourceSchema, out: PathSchema, ...exportOptions })
      .strict(),
    response: ExportReportSchema,
  },
  'export.benchmark': {
    request: z
      .object({
        ...projectRef,
        /** Default: every sequence. */
        sequences: z.array(SequenceRefSchema).optional(),
        out: PathSchema,
        /** Folder suffix: <BENCH>-<split> (default train). */
        split: z.string().regex(/^[\w-]+$/).optional(),
        benchmark: z.string().regex(/^[\w-]+$/).optional(),
        /** Result sets to write as trackers/<name>/<seq>.txt. */
        trackerSets: z.array(z.string().min(1)).optional(),
        ...exportOptions,
      })
      .strict(),
    response: ExportReportSchema,
  },
} as const;
