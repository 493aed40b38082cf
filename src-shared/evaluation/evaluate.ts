// One evaluation over several sequences, from tables in memory: TrackEval's MotChallenge2DBox
// preprocessing, HOTA + CLEAR + Identity + Count per sequence and COMBINED_SEQ, and optionally the
// ID-switch analysis (METHODS.md §5). Used for folders (CLI), project runs (jobs) and ablations alike.
import { analyzeSwitches, type SwitchAnalysis } from '../analysis/idSwitches';
import type { MotTable } from '../formats/motTable';
import type { ClearMatchLog } from '../metrics/clear';
import { isMotChallengeError, preprocessMotChallenge, type Benchmark } from '../metrics/motChallenge';
import { combineSequences, evaluateSequence, trackEvalFields, type SequenceCounts } from '../metrics/trackEval';

/** One sequence to evaluate. */
export interface SequenceTables {
  readonly name: string;
  readonly gt: MotTable;
  readonly tracker: MotTable;
  readonly seqLength: number;
  readonly fps: number;
  /** GT columns 8-9 are class and visibility (MOT16/17/20); default: the GT table has 9 columns. */
  readonly gtHasClassVisibility?: boolean;
}

/** TrackEval's fields for one sequence or COMBINED_SEQ. */
export interface SequenceReport {
  readonly name: string;
  readonly fields: Readonly<Record<string, number>>;
  readonly perAlpha: Readonly<Record<string, readonly number[]>>;
  /** ID-switch events and fragmentations (when requested). */
  readonly switches?: SwitchAnalysis;
}

/** A problem in one sequence's data that TrackEval refuses (as a value, with the sequence). */
export interface EvaluationError {
  readonly sequence: string;
  readonly which: 'gt' | 'tracker';
  readonly line: number;
  readonly message: string;
}

/** Every sequence's report and their combination. */
export interface EvaluationResult {
  readonly benchmark: Benchmark;
  readonly doPreproc: boolean;
  readonly sequences: readonly SequenceReport[];
  readonly combined: SequenceReport;
}

/** Evaluates the sequences (TrackEval-identical); calls `onSequence` after each. */
export function evaluateTables(
  seqs: readonly SequenceTables[],
  o: { benchmark: Benchmark; doPreproc: boolean; events: boolean; onSequence?: (done: number, total: number, name: string) => void },
): EvaluationResult | EvaluationError {
  const counts: SequenceCounts[] = [];
  const sequences: SequenceReport[] = [];
  for (const s of seqs) {
    const data = preprocessMotChallenge(s.gt, s.tracker, {
      benchmark: o.benchmark,
      doPreproc: o.doPreproc,
      seqLength: s.seqLength,
      gtHasClassVisibility: s.gtHasClassVisibility ?? s.gt.columns === 9,
    });
    if (isMotChallengeError(data)) return { sequence: s.name, ...data };
    const log: ClearMatchLog | undefined = o.events ? { trackerDetOfGtDet: new Int32Array(data.numGtDets) } : undefined;
    const c = evaluateSequence(data, log);
    counts.push(c);
    const f = trackEvalFields(c);
    sequences.push({ name: s.name, fields: f.fields, perAlpha: f.perAlpha, ...(log ? { switches: analyzeSwitches(data, log, { fps: s.fps }) } : {}) });
    o.onSequence?.(sequences.length, seqs.length, s.name);
  }
  // TrackEval combines in sorted sequence order (eval.py: `for curr_seq in sorted(seq_list)`).
  const order = sequences.map((s, k) => [s.name, k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const combined = trackEvalFields(combineSequences(order.map(([, k]) => counts[k]!)));
  return { benchmark: o.benchmark, doPreproc: o.doPreproc, sequences, combined: { name: 'COMBINED_SEQ', fields: combined.fields, perAlpha: combined.perAlpha } };
}

/** True for the error value of evaluateTables. */
export function isEvaluationError(r: EvaluationResult | EvaluationError): r is EvaluationError {
  return 'message' in r;
}
