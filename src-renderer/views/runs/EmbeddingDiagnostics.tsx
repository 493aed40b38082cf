// Embedding diagnostics of a trained appearance model (FDTA's observation): pick a sequence (with frames
// and annotations) and a frame offset k, run the job (embeddings.start) with a progress bar, and see
// its histogram and similarity matrix; earlier diagnostics of the model stay listed.
import { useEffect, useState } from 'react';
import type { EmbeddedBoxes, SimilarityStats } from '../../../src-shared/analysis/embeddingSimilarity';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { JobProgress, SequenceSummary } from '../../../src-shared/ipc/schemas';
import { decodeEmbeddings } from '../../../src-shared/jobs/embeddingDiagnostics';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';
import { whenJobEnds } from '../../app/jobs';
import { artifact, artifactJson } from './artifacts';
import { JobProgressBar } from './JobProgressBar';
import { isDiagnostics } from './runFormat';
import { SimilarityCharts } from './SimilarityCharts';

/** A diagnostics run's stored results. */
export function DiagnosticsResult({ project, run, sequences }: { project: string; run: RunSummary; sequences: readonly SequenceSummary[] }) {
  const api = useApi();
  const [stats, setStats] = useState<SimilarityStats>();
  const [boxes, setBoxes] = useState<{ boxes: EmbeddedBoxes; anchors: readonly number[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setStats(undefined);
    setBoxes(undefined);
    setError(undefined);
    if (run.state !== 'succeeded') return;
    void (async () => {
      try {
        const s = (await artifactJson(api, project, run.id, 'similarity')) as SimilarityStats;
        if (live) setStats(s);
        const a = await artifact(api, project, run.id, 'embeddings');
        const d = decodeEmbeddings(a.meta, a.data);
        if (live) setBoxes({ boxes: d.boxes, anchors: d.meta.anchors });
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, project, run.id, run.state]);
  if (run.state !== 'succeeded') return <p className="muted">This diagnostics run {run.state === 'running' ? 'is still running' : `ended ${run.state}`}: no results.</p>;
  if (error) return <p className="error">{error}</p>;
  if (!stats) return <p className="muted">Loading…</p>;
  const sequence = String((run.config as { sequence?: unknown }).sequence ?? '');
  return <SimilarityCharts stats={stats} boxes={boxes?.boxes} anchors={boxes?.anchors ?? []} sequence={sequence} sequences={sequences} />;
}

/** The diagnostics panel of a training run of the appearance model. */
export function EmbeddingDiagnostics({ project, model, runs, sequences, onChanged }: { project: string; model: RunSummary; runs: readonly RunSummary[]; sequences: readonly SequenceSummary[]; onChanged: () => void }) {
  const api = useApi();
  const usable = sequences.filter((s) => s.hasFrames && s.trackCount > 0);
  const [sequence, setSequence] = useState(usable[0]?.name ?? '');
  const [gap, setGap] = useState('');
  const [anchors, setAnchors] = useState('60');
  const [progress, setProgress] = useState<JobProgress>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const done = runs.filter((r) => isDiagnostics(r) && r.state === 'succeeded');
  const [shown, setShown] = useState<number | undefined>(done[0]?.id);
  const doneIds = done.map((r) => r.id).join(',');
  useEffect(() => {
    const ids = doneIds ? doneIds.split(',').map(Number) : [];
    setShown((s) => (s !== undefined && ids.includes(s) ? s : ids[0]));
  }, [doneIds]);

  const start = async (): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    try {
      const k = gap.trim() === '' ? undefined : Number(gap);
      if (k !== undefined && !(Number.isInteger(k) && k >= 1)) throw new Error('the frame offset k must be a whole number ≥ 1');
      const n = Number(anchors);
      if (!(Number.isInteger(n) && n >= 1 && n <= 2000)) throw new Error('anchor frames must be a whole number from 1 to 2000');
      const job = unwrap(await api.invoke('embeddings.start', { project, modelRunId: model.id, sequence, anchors: n, ...(k !== undefined ? { gap: k } : {}) }));
      onChanged();
      const end = await whenJobEnds(api, job.jobId, setProgress);
      if (end.state !== 'succeeded') setMessage(end.error?.message ?? `diagnostics ${end.state}`);
      setShown(job.runId);
      onChanged();
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  const run = runs.find((r) => r.id === shown);
  return (
    <section aria-label="Embedding diagnostics">
      <h3>Embedding diagnostics</h3>
      <p className="muted">How far apart the model puts different objects compared with the same object k frames later (FDTA: association fails where different objects look alike to the embedding).</p>
      {usable.length === 0 ? (
        <p className="muted">No sequence with frames and annotations to run diagnostics on.</p>
      ) : (
        <div className="diag-form">
          <label>
            Sequence
            <select aria-label="Diagnostics sequence" value={sequence} onChange={(e) => setSequence(e.target.value)}>
              {usable.map((s) => (
                <option key={s.id} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Frame offset k
            <input aria-label="Frame offset k" inputMode="numeric" placeholder="½ s" value={gap} onChange={(e) => setGap(e.target.value)} />
          </label>
          <label>
            Anchor frames
            <input aria-label="Anchor frames" inputMode="numeric" value={anchors} onChange={(e) => setAnchors(e.target.value)} />
          </label>
          <button className="primary" disabled={busy || !sequence} onClick={() => void start()}>
            Compute
          </button>
        </div>
      )}
      {busy && <JobProgressBar label="Embedding diagnostics progress" done={progress?.done ?? 0} total={progress?.total ?? 0} etaMs={progress?.etaMs} message={progress?.message ?? 'starting the worker…'} />}
      {message && <p className="error">{message}</p>}
      {done.length > 1 && (
        <label>
          Results
          <select value={shown} onChange={(e) => setShown(Number(e.target.value))}>
            {done.map((r) => (
              <option key={r.id} value={r.id}>
                #{r.id} {r.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {run && <DiagnosticsResult project={project} run={run} sequences={sequences} />}
    </section>
  );
}
