// eval.refresh: after a fix in the review queue, one sequence of an evaluation is evaluated again
// against the current annotations (the run's result set, benchmark and preprocessing), as a child run.
//
// Why a job and not a synchronous call: a one-sequence evaluation is 10–300 ms on MOT17-sized sequences
// (HOTA's 19 thresholds, CLEAR, Identity and the switch analysis), and main also serves frames and every
// other request; the evaluate worker takes that time off main for the price of a worker start.
// Why a child run and not an update of the run: the run stays what the tracker scored against the
// annotations of its day (its COMBINED_SEQ and history stay consistent, comparisons stay fair), and the
// child says which annotation revision its numbers reflect. Readers take, per sequence, the newest
// succeeded refresh child over the run's own values (src-shared/analysis/reviewQueue.ts).
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { refreshConfigOf } from '../../../src-shared/analysis/reviewQueue';
import type { RefreshConfig } from '../../../src-shared/ipc/contract/review';
import { fail } from '../../../src-shared/ipc/result';
import type { EvaluatePayload, EvaluateResult } from '../../../src-shared/jobs/messages';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import { sequenceTables, tableBuffers } from '../evaluation/projectTables';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';

const HEADLINE = ['HOTA', 'MOTA', 'IDF1', 'IDSW', 'Frag'] as const;

/** What eval.start stores as an evaluation's config. */
interface EvalConfig {
  readonly resultSet: string;
  readonly sequences: readonly string[];
  readonly benchmark: string;
  readonly preprocess: boolean;
}

function evalConfig(config: unknown, runId: number): EvalConfig {
  const c = config as Partial<EvalConfig> | null;
  if (!c || typeof c.resultSet !== 'string' || !Array.isArray(c.sequences) || typeof c.benchmark !== 'string' || typeof c.preprocess !== 'boolean') {
    fail('invalid_request', `Run ${runId} has no evaluation config (result set, sequences, benchmark, preprocessing) to evaluate again`);
  }
  return c as EvalConfig;
}

/** Refresh children of `parent` for `sequence` other than `keep`, that are no longer running. */
function olderRefreshes(store: ProjectStore, parent: number, sequence: string, keep: number): number[] {
  return store.runs
    .list({ parentId: parent })
    .filter((r) => r.id < keep && r.state !== 'running' && r.state !== 'queued')
    .filter((r) => refreshConfigOf(r.config)?.sequence === sequence)
    .map((r) => r.id);
}

/** Re-evaluates one sequence of an evaluation run (eval.refresh). */
export class RefreshService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly runner: JobRunner,
    private readonly workersDir: URL | undefined,
  ) {}

  refresh(r: Req<'eval.refresh'>): Res<'eval.refresh'> {
    if (!this.workersDir) fail('unsupported', 'this build has no worker entries (run npm run build)');
    const store = this.projects.store(r.project);
    const run = store.runs.get(r.runId);
    if (!run) fail('not_found', `No run ${r.runId} in ${r.project}`);
    if (run.kind !== 'eval') fail('invalid_request', `Run ${r.runId} is a ${run.kind} run, not an evaluation`);
    if (run.parentId !== null) fail('invalid_request', `Run ${r.runId} is itself a re-evaluation; refresh its evaluation, run ${run.parentId}`);
    if (run.state !== 'succeeded') fail('invalid_request', `Run ${r.runId} did not succeed (it is ${run.state}): there is nothing to refresh`);
    const cfg = evalConfig(run.config, run.id);
    const seq = resolveSequence(store, r.sequence);
    if (!cfg.sequences.includes(seq.name)) {
      fail('invalid_request', `Run ${r.runId} did not evaluate ${seq.name} (it evaluated ${cfg.sequences.join(', ')})`);
    }
    const revision = store.history.latest(seq.id);
    const tables = sequenceTables(store, seq, { kind: 'res', name: cfg.resultSet });
    const payload: EvaluatePayload = {
      benchmark: cfg.benchmark as Benchmark,
      doPreproc: cfg.preprocess,
      sequences: [{ name: seq.name, seqLength: tables.seqLength, fps: tables.fps, gtHasClassVisibility: tables.gtHasClassVisibility ?? true, gt: tables.gt, tracker: tables.tracker }],
    };
    const config: RefreshConfig = { refreshOf: run.id, sequence: seq.name, revision, resultSet: cfg.resultSet, benchmark: cfg.benchmark, preprocess: cfg.preprocess };
    const job = this.runner.start(store, {
      kind: 'eval',
      parentRunId: run.id,
      title: `Re-evaluate ${seq.name} after edits${revision === null ? '' : ` (revision ${revision})`}`,
      config,
      worker: new URL('evaluate.worker.js', this.workersDir),
      payload,
      transfer: tableBuffers([tables.gt, tables.tracker]),
      describeProgress: () => ({ done: 1, total: 1, message: `evaluated ${seq.name}` }),
      onFinished: (res: EvaluateResult, runId) => {
        const s = res.sequences[0];
        if (!s?.switches) throw new Error(`the evaluation of ${seq.name} came back without its switch events`);
        store.runs.putSequence(runId, s.name, { ...s.fields, perAlpha: s.perAlpha }, [...s.switches.events, ...s.switches.fragmentations.map((f) => ({ ...f, kind: 'fragmentation' }))]);
        // Runs in the runner's transaction with the state change: the new child and the removal of the
        // ones it replaces land together.
        for (const id of olderRefreshes(store, run.id, seq.name, runId)) store.runs.remove(id);
        const t = s.switches.totals;
        return { ...Object.fromEntries(HEADLINE.map((k) => [k, s.fields[k]!])), type1: t.type1, type2: t.type2, type3: t.type3, sequence: seq.name, revision };
      },
    });
    return { jobId: job.jobId, runId: job.runId, revision };
  }
}
