// Pre-annotation (PRODUCT.md §1 step 2): run a tracker over one of the sequence's detection sets and
// turn its result into annotation tracks — tracks, not loose boxes — as one undoable edit.
import { useEffect, useState } from 'react';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';
import { whenJobEnds } from '../app/jobs';
import type { EditorController } from '../editor/controller';

const TRACKERS = [
  ['bytetrack', 'ByteTrack'],
  ['ocsort', 'OC-SORT'],
  ['sort', 'SORT'],
  ['iou', 'IoU tracker'],
  ['appearance', 'Appearance (colour histograms)'],
  ['mpn', 'MPN graph tracker (trained model)'],
] as const;

/** A trained MPN a user can pick: a succeeded training run with model 'mpn'. */
interface MpnModel {
  readonly runId: number;
  readonly label: string;
}

/** The dialog; `onClose` when done or cancelled. */
export function PreAnnotateDialog({ ctl, project, seq, onClose }: { ctl: EditorController; project: string; seq: SequenceSummary; onClose: () => void }) {
  const api = useApi();
  const dets = seq.sets.filter((s) => s.kind === 'det');
  const [set, setSet] = useState(dets[0]?.name ?? '');
  const [tracker, setTracker] = useState<(typeof TRACKERS)[number][0]>('bytetrack');
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [models, setModels] = useState<readonly MpnModel[]>();
  const [modelRunId, setModelRunId] = useState<number>();
  useEffect(() => {
    if (tracker !== 'mpn' || models) return;
    let live = true;
    void api.invoke('runs.list', { project, kind: 'train' }).then((r) => {
      if (!live) return;
      const found = r.ok ? r.value.filter((run) => run.state === 'succeeded' && (run.config as { model?: string } | null)?.model === 'mpn').map((run) => ({ runId: run.id, label: `${run.id}: ${run.title}` })) : [];
      setModels(found);
      setModelRunId((m) => m ?? found[0]?.runId);
      if (!r.ok) setStatus(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, project, tracker, models]);
  const needsModel = tracker === 'mpn' && modelRunId === undefined;
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      setStatus('Tracking…');
      const name = `${tracker}-preannotation-${Date.now()}`;
      const job = unwrap(await api.invoke('track.start', { project, sequences: [seq.id], detectionSet: set, tracker, resultSet: name, ...(tracker === 'mpn' && modelRunId !== undefined ? { modelRunId } : {}) }));
      const end = await whenJobEnds(api, job.jobId, (p) => setStatus(`Tracking: ${p.done} / ${p.total} frames`));
      if (end.state !== 'succeeded') throw new Error(end.error?.message ?? `tracking ${end.state}`);
      const seqs = unwrap(await api.invoke('sequences.list', { project }));
      const resultSet = seqs.find((s) => s.id === seq.id)?.sets.find((s) => s.kind === 'res' && s.name === name);
      if (!resultSet) throw new Error('the tracker wrote no result set');
      const rows = unwrap(await api.invoke('sets.rows', { project, setId: resultSet.id }));
      setStatus(`Adding ${rows.count} boxes as tracks…`);
      const records = Array.from({ length: rows.count }, (_, i) => ({ frame: rows.frame[i]!, trackId: rows.id[i]!, x: rows.x[i]!, y: rows.y[i]!, w: rows.w[i]!, h: rows.h[i]!, conf: 1, c8: 1, c9: 1, c10: -1 }));
      if (await ctl.commands.preAnnotate(records, TRACKERS.find(([k]) => k === tracker)![1])) onClose();
      else setStatus(ctl.store.get().message?.text);
    } catch (e) {
      setStatus(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop" onClick={() => !busy && onClose()}>
      <div className="modal card narrow-modal" role="dialog" aria-label="Pre-annotate" onClick={(e) => e.stopPropagation()}>
        <h2>Pre-annotate {seq.name}</h2>
        {dets.length === 0 ? (
          <p className="muted">This sequence has no detection set. Import detections (det/det.txt) first.</p>
        ) : (
          <>
            <label>
              Detections
              <select value={set} onChange={(e) => setSet(e.target.value)}>
                {dets.map((d) => (
                  <option key={d.id} value={d.name}>
                    {d.name} ({d.rowCount} rows)
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tracker
              <select value={tracker} onChange={(e) => setTracker(e.target.value as typeof tracker)}>
                {TRACKERS.map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {tracker === 'mpn' && (
              <label>
                Model
                {models === undefined ? (
                  <span className="muted"> loading…</span>
                ) : models.length === 0 ? (
                  <span className="muted"> no trained MPN yet (Train tab, model MPN)</span>
                ) : (
                  <select value={modelRunId ?? ''} onChange={(e) => setModelRunId(Number(e.target.value))}>
                    {models.map((m) => (
                      <option key={m.runId} value={m.runId}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                )}
              </label>
            )}
            <p className="muted">The tracks are added after the existing ones, as one edit (Ctrl+Z removes them all).</p>
          </>
        )}
        {status && <p role="status">{status}</p>}
        <div className="row">
          <button onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <span className="spacer" />
          <button className="primary" disabled={busy || dets.length === 0 || needsModel} onClick={() => void run()}>
            Run tracker
          </button>
        </div>
      </div>
    </div>
  );
}
