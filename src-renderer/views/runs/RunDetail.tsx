// One run opened from the history: what it was, how it went (state, backend, duration, error,
// warnings), live progress while it runs, cancel and delete; then its kind's details — metrics and
// events of an evaluation, curves and embedding diagnostics of a training run, an ablation's report,
// the results of a diagnostics run — and its children (trials, arms, diagnostics).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../../../src-shared/ipc/contract';
import type { JobProgress, SequenceSummary } from '../../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';
import { TrainCharts } from '../train/TrainCharts';
import { useTrainProgress } from '../train/useTrainProgress';
import { AblationDetails } from './AblationDetails';
import { DiagnosticsResult, EmbeddingDiagnostics } from './EmbeddingDiagnostics';
import { EvalDetails } from './EvalDetails';
import { JobProgressBar } from './JobProgressBar';
import { configSummary, formatDuration, isDiagnostics, runDurationMs, trainModel } from './runFormat';
import { RunState } from './RunTable';

type Details = ApiResponse<'runs.get'>;

function TrainDetails({ project, details, sequences, reload }: { project: string; details: Details; sequences: readonly SequenceSummary[]; reload: () => void }) {
  const watched = useTrainProgress(project, details.run.id);
  const hasWeights = details.artifacts.some((a) => a.name === 'weights');
  return (
    <>
      <section>
        <h3>Curves</h3>
        {watched.error ? <p className="error">{watched.error}</p> : <TrainCharts points={watched.points} validation={watched.validation} />}
      </section>
      {trainModel(details.run) === 'reid' && hasWeights && <EmbeddingDiagnostics project={project} model={details.run} runs={details.children} sequences={sequences} onChanged={reload} />}
    </>
  );
}

/** The details of run `runId`. */
export function RunDetail({ project, runId, sequences, progress, now, onOpen, onDeleted }: { project: string; runId: number; sequences: readonly SequenceSummary[]; progress: JobProgress | undefined; now: number; onOpen: (id: number) => void; onDeleted: () => void }) {
  const api = useApi();
  const [details, setDetails] = useState<Details>();
  const [error, setError] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetails(unwrap(await api.invoke('runs.get', { project, runId, events: true })));
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, project, runId]);
  // The run or one of its children (a diagnostics run, an arm) ended: read it again.
  const childIds = useRef<readonly number[]>([]);
  childIds.current = details?.children.map((c) => c.id) ?? [];
  useEffect(() => {
    setDetails(undefined);
    setConfirmDelete(false);
    void load();
    return api.on('jobs.finished', (f) => {
      if (f.project === project && (f.runId === runId || childIds.current.includes(f.runId))) void load();
    });
  }, [api, project, runId, load]);
  // A running run's state, backend and children change as it goes: re-read when its progress restarts.
  const running = details?.run.state === 'running' || details?.run.state === 'queued';
  useEffect(() => {
    if (running && progress && details && details.run.state === 'queued') void load();
  }, [running, progress, details, load]);

  if (error) return <p className="error">{error}</p>;
  if (!details) return <p className="muted">Loading run {runId}…</p>;
  const r = details.run;
  const act = async (what: 'cancel' | 'delete'): Promise<void> => {
    try {
      if (what === 'cancel') unwrap(await api.invoke('runs.cancel', { project, jobId: r.jobId }));
      else {
        unwrap(await api.invoke('runs.delete', { project, runId: r.id }));
        onDeleted();
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const err = r.error as { message?: string } | null;
  const warnings = (r.config as { warnings?: unknown } | null)?.warnings;
  const names = details.artifacts.map((a) => a.name);
  return (
    <div className="run-detail" data-testid="run-detail">
      <h2>
        #{r.id} {r.title} <RunState run={r} progress={progress} />
      </h2>
      <dl className="facts">
        <dt>kind</dt>
        <dd className="kind">{isDiagnostics(r) ? 'eval (embedding diagnostics)' : r.kind}</dd>
        <dt>asked</dt>
        <dd>{configSummary(r)}</dd>
        <dt>created</dt>
        <dd>{new Date(r.createdMs).toLocaleString()}</dd>
        <dt>duration</dt>
        <dd>{formatDuration(runDurationMs(r, now))}</dd>
        <dt>backend</dt>
        <dd className="kind">{r.backend ?? '–'}</dd>
        {r.parentId !== null && (
          <>
            <dt>part of</dt>
            <dd>
              <button className="link" onClick={() => onOpen(r.parentId!)}>
                run {r.parentId}
              </button>
            </dd>
          </>
        )}
        {err?.message && (
          <>
            <dt>error</dt>
            <dd className="error">{err.message}</dd>
          </>
        )}
        {Array.isArray(warnings) && warnings.length > 0 && (
          <>
            <dt>warnings</dt>
            <dd>{warnings.map(String).join(' · ')}</dd>
          </>
        )}
        {details.artifacts.length > 0 && (
          <>
            <dt>artifacts</dt>
            <dd>{details.artifacts.map((a) => `${a.name} (${(a.bytes / 1024).toFixed(0)} KiB)`).join(', ')}</dd>
          </>
        )}
      </dl>
      {running && <JobProgressBar label={`Run ${r.id} progress`} done={progress?.done ?? 0} total={progress?.total ?? 0} etaMs={progress?.etaMs} message={progress?.message} />}
      <div className="actions">
        {running && <button onClick={() => void act('cancel')}>Cancel run</button>}
        {!running &&
          (confirmDelete ? (
            <span className="confirm">
              Delete run {r.id} with its results, artifacts and child runs?
              <button onClick={() => void act('delete')}>Delete</button>
              <button onClick={() => setConfirmDelete(false)}>Keep</button>
            </span>
          ) : (
            <button onClick={() => setConfirmDelete(true)}>Delete run…</button>
          ))}
      </div>
      {r.kind === 'eval' && !isDiagnostics(r) && <EvalDetails metrics={details.metrics} events={details.events} sequences={sequences} />}
      {isDiagnostics(r) && <DiagnosticsResult project={project} run={r} sequences={sequences} />}
      {r.kind === 'train' && <TrainDetails project={project} details={details} sequences={sequences} reload={() => void load()} />}
      {r.kind === 'ablate' && <AblationDetails project={project} runId={r.id} hasReport={names.includes('report')} />}
      {details.children.length > 0 && (
        <section>
          <h3>Child runs ({details.children.length})</h3>
          <ul className="list" aria-label="Child runs">
            {details.children.map((c) => (
              <li key={c.id} onClick={() => onOpen(c.id)}>
                <span className="name">
                  #{c.id} {c.title} <RunState run={c} />
                </span>
                <span className="meta">{configSummary(c)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
