// A training or ablation run as it goes: progress bar with ETA, the latest loss of every term, λs/λt and
// throughput, the backend it runs on, the charts; cancel while it runs, resume once it stopped.
import { useState } from 'react';
import type { JobProgress } from '../../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';
import { JobProgressBar } from '../runs/JobProgressBar';
import { formatDuration, runDurationMs } from '../runs/runFormat';
import { RunState } from '../runs/RunTable';
import { useNow } from '../runs/useRuns';
import { TrainCharts } from './TrainCharts';
import { pointFromDetail } from './trainSeries';
import { useTrainProgress } from './useTrainProgress';

function etaOf(p: JobProgress | undefined): number | null | undefined {
  const own = (p?.detail as { etaMs?: unknown } | undefined)?.etaMs;
  return typeof own === 'number' ? own : p?.etaMs;
}

/** The watched run `runId`; `onResume` asks the form to resume it. */
export function LiveRun({ project, runId, onResume }: { project: string; runId: number; onResume: (runId: number) => void }) {
  const api = useApi();
  const { run, points, validation, progress, error } = useTrainProgress(project, runId);
  const [actionError, setActionError] = useState<string>();
  const running = run?.state === 'running' || run?.state === 'queued';
  const now = useNow(running);
  const last = pointFromDetail(progress?.detail) ?? points[points.length - 1];
  const stored = (run?.progress ?? null) as { done?: number; total?: number; message?: string } | null;
  const cancel = async (): Promise<void> => {
    try {
      const r = unwrap(await api.invoke('runs.cancel', { project, jobId: run!.jobId }));
      if (!r.cancelled) setActionError('The run is not running in this app any more.');
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };
  if (!run) return error ? <p className="error">{error}</p> : <p className="muted">Loading run {runId}…</p>;
  return (
    <div className="live-run" data-testid="live-run" data-state={run.state}>
      <h2>
        #{run.id} {run.title} <RunState run={run} progress={progress} />
      </h2>
      <div className="live-facts">
        <span>
          <b>backend</b>
          <span data-testid="run-backend">{run.backend ?? (running ? 'starting…' : '–')}</span>
        </span>
        <span>
          <b>time</b>
          {formatDuration(runDurationMs(run, now))}
        </span>
        {last && (
          <span>
            <b>step</b>
            {last.step}
          </span>
        )}
        {last?.lambdaS !== undefined && (
          <span>
            <b>λs / λt</b>
            {last.lambdaS.toFixed(2)} / {last.lambdaT?.toFixed(2)}
          </span>
        )}
        {(last?.cropsPerSec ?? last?.edgesPerSec) !== undefined && (
          <span>
            <b>throughput</b>
            {last!.cropsPerSec !== undefined ? `${last!.cropsPerSec.toFixed(0)} crops/s` : `${last!.edgesPerSec!.toFixed(0)} edges/s`}
          </span>
        )}
      </div>
      {running && (
        <JobProgressBar label="Training progress" done={progress?.done ?? stored?.done ?? 0} total={progress?.total ?? stored?.total ?? 0} etaMs={etaOf(progress)} message={progress?.message ?? stored?.message ?? 'starting the worker, loading frames…'} />
      )}
      {last && Object.keys(last.losses).length > 0 && (
        <table className="table metrics-table loss-table" aria-label="Latest losses">
          <tbody>
            <tr>
              {Object.keys(last.losses).map((k) => (
                <th key={k}>{k}</th>
              ))}
            </tr>
            <tr>
              {Object.values(last.losses).map((v, i) => (
                <td key={i}>{v.toFixed(4)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      <div className="actions">
        {running && <button onClick={() => void cancel()}>Cancel</button>}
        {!running && run.kind === 'train' && (run.state === 'cancelled' || run.state === 'succeeded') && <button onClick={() => onResume(run.id)}>Resume…</button>}
        {run.state === 'failed' && <span className="error">{(run.error as { message?: string } | null)?.message ?? 'failed'}</span>}
      </div>
      {(actionError ?? error) && (
        <p className="error" role="alert">
          {actionError ?? error}
        </p>
      )}
      <TrainCharts points={points} validation={validation} />
    </div>
  );
}
