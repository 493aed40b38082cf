// The Train view: the form (training run or ablation, or resuming a run) on the left, the watched run
// live on the right, and the project's training and ablation runs below (watch one, resume one).
import { useEffect, useState } from 'react';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';
import { useWorkspaceNav } from '../app/nav';
import { configSummary, formatWhen, trainModel } from './runs/runFormat';
import { RunState } from './runs/RunTable';
import { useNow, useRuns } from './runs/useRuns';
import { LiveRun } from './train/LiveRun';
import { TrainForm } from './train/TrainForm';
import { EMPTY_FORM, resumeForm, type TrainFormState } from './train/trainRequest';
import './runs.css';
import './train.css';

/** The Train view of a project. */
export function TrainView({ sequences }: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  const api = useApi();
  const { project } = useWorkspaceNav();
  const { runs, progress } = useRuns(project, 'all');
  const training = runs.filter((r) => r.kind === 'train' || r.kind === 'ablate');
  const [form, setForm] = useState<TrainFormState>(EMPTY_FORM);
  const [watchId, setWatchId] = useState<number>();
  const [error, setError] = useState<string>();
  const now = useNow(false);

  // Watch the newest running training run when nothing is watched yet (e.g. after a reload).
  const runningId = training.find((r) => r.state === 'running' || r.state === 'queued')?.id;
  useEffect(() => setWatchId((w) => w ?? runningId), [runningId]);
  // A first training sequence preselected: the first one with frames and annotations.
  useEffect(() => {
    const first = sequences.find((s) => s.hasFrames && s.trackCount > 0);
    if (first) setForm((f) => (f.trainSequences.length === 0 && f.resumeRunId === undefined ? { ...f, trainSequences: [first.name] } : f));
  }, [sequences]);

  const resume = async (runId: number): Promise<void> => {
    setError(undefined);
    try {
      const got = unwrap(await api.invoke('runs.get', { project, runId }));
      const ckpt = got.artifacts.find((a) => a.name === 'checkpoint');
      const step = (ckpt?.meta as { step?: unknown } | undefined)?.step;
      if (typeof step !== 'number') throw new Error(`Run ${runId} has no checkpoint to resume from`);
      setForm(resumeForm(got.run, step));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const models = training.filter((r) => r.kind === 'train' && trainModel(r) === 'reid' && (r.state === 'succeeded' || r.state === 'cancelled'));

  return (
    <div className="train-view" data-testid="train-view">
      <section className="card" aria-label="Start training">
        <h2>Train</h2>
        <TrainForm project={project} sequences={sequences} models={models} form={form} setForm={setForm} onStarted={(job) => setWatchId(job.runId)} />
        {error && <p className="error">{error}</p>}
      </section>
      <section className="card" aria-label="Watched run">
        {watchId !== undefined ? <LiveRun key={watchId} project={project} runId={watchId} onResume={(id) => void resume(id)} /> : <p className="muted">Start a run, or pick one below, to watch its progress and curves here.</p>}
      </section>
      <section className="card train-runs" aria-label="Training runs">
        <h3>Training and ablation runs</h3>
        {training.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="list" aria-label="Training run list">
            {training.map((r) => (
              <li key={r.id} className={r.id === watchId ? 'selected' : ''} onClick={() => setWatchId(r.id)} data-run-id={r.id}>
                <span className="name">
                  #{r.id} {r.title} <RunState run={r} progress={progress.get(r.id)} />
                </span>
                <span className="meta">
                  {formatWhen(r.createdMs, now)} · {configSummary(r)}
                  {r.backend ? ` · ${r.backend}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
