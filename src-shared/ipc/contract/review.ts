// The ID-switch review loop (PRODUCT.md §1 step 5): after a fix in the annotations, one sequence of an
// evaluation is evaluated again against the current annotations, as a child run of the evaluation.
import { z } from 'zod';
import { projectRef, SequenceRefSchema } from './common';

/** What a refresh child run stores in its config (read back by src-shared/analysis/reviewQueue.ts refreshConfigOf). */
export const RefreshConfigSchema = z.object({
  refreshOf: z.number(),
  sequence: z.string(),
  /** The latest applied annotation revision of the sequence when it was read (null: no edits yet). */
  revision: z.number().nullable(),
  resultSet: z.string(),
  benchmark: z.string(),
  preprocess: z.boolean(),
});
/** A refresh child run's config. */
export type RefreshConfig = z.infer<typeof RefreshConfigSchema>;

/** Review channels. */
export const reviewChannels = {
  /**
   * Evaluates one sequence of a succeeded evaluation run again, against the sequence's current
   * annotations and the run's result set, benchmark and preprocessing, in a worker. The outcome is a
   * child run of `runId` (kind eval, config RefreshConfig) holding that sequence's metrics and events;
   * older refreshes of the same sequence are deleted when it succeeds. The evaluation run itself is
   * never changed: it stays what the tracker scored against the annotations of its day.
   */
  'eval.refresh': {
    request: z.object({ ...projectRef, runId: z.number().int().min(1), sequence: SequenceRefSchema }).strict(),
    response: z.object({ jobId: z.string(), runId: z.number(), revision: z.number().nullable() }),
  },
} as const;
