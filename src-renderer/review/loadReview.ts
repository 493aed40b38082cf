// Reading an evaluation for review and refreshing one of its sequences, over the API (no React here).
import { latestRefreshes, mergeEvaluation, type SequenceReview, type StoredEvaluation } from '../../src-shared/analysis/reviewQueue';
import type { ApiClient } from '../../src-shared/ipc/client';
import type { RunSummary } from '../../src-shared/ipc/contract/runs';
import { unwrap } from '../api/client';

/** An evaluation as the review shows it. */
export interface LoadedReview {
  readonly run: RunSummary;
  readonly sequences: readonly SequenceReview[];
  /** The run's own COMBINED_SEQ (what the tracker scored on the day it was evaluated). */
  readonly combined: Readonly<Record<string, unknown>>;
}

/** The project's succeeded evaluation runs, newest first (re-evaluations are their children, not listed). */
export async function listEvaluations(api: ApiClient, project: string): Promise<RunSummary[]> {
  return unwrap(await api.invoke('runs.list', { project, kind: 'eval' })).filter((r) => r.state === 'succeeded');
}

/** An evaluation's switch events and metrics, each sequence from its newest re-evaluation when there is one. */
export async function loadReview(api: ApiClient, project: string, runId: number): Promise<LoadedReview> {
  const parent = unwrap(await api.invoke('runs.get', { project, runId, events: true }));
  const latest = latestRefreshes(parent.children);
  const refreshed = new Map<string, { runId: number; revision: number | null; evaluation: StoredEvaluation }>();
  await Promise.all(
    [...latest].map(async ([sequence, r]) => {
      const child = unwrap(await api.invoke('runs.get', { project, runId: r.runId, events: true }));
      refreshed.set(sequence, { ...r, evaluation: child });
    }),
  );
  return { run: parent.run, sequences: mergeEvaluation(runId, parent, refreshed), combined: parent.metrics['COMBINED_SEQ'] ?? {} };
}

/** Resolves when the run of a started job has ended (events first; the store when the event came early). */
export function runEnded(api: ApiClient, project: string, job: { jobId: string; runId: number }): Promise<{ state: string; error?: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (v: { state: string; error?: string }): void => {
      if (settled) return;
      settled = true;
      off();
      resolve(v);
    };
    const off = api.on('jobs.finished', (f) => f.jobId === job.jobId && finish({ state: f.state, ...(f.error ? { error: f.error.message } : {}) }));
    // A fast job can end before the subscription above: ask the store once.
    void api.invoke('runs.get', { project, runId: job.runId }).then((r) => {
      if (!r.ok) {
        if (!settled) reject(new Error(r.error.message));
        return;
      }
      const s = r.value.run.state;
      if (s !== 'queued' && s !== 'running') finish({ state: s, ...(r.value.run.error ? { error: String((r.value.run.error as { message?: unknown }).message) } : {}) });
    });
  });
}

/** Evaluates `sequence` of evaluation `runId` again against the current annotations; throws when it fails. */
export async function refreshSequence(api: ApiClient, project: string, runId: number, sequence: string): Promise<void> {
  const job = unwrap(await api.invoke('eval.refresh', { project, runId, sequence }));
  const end = await runEnded(api, project, job);
  if (end.state !== 'succeeded') throw new Error(`re-evaluating ${sequence} ${end.state}${end.error ? `: ${end.error}` : ''}`);
}
