// Starting an evaluation from the review view: pick a tracker result set, evaluate it (a job) against the
// annotations of every sequence that has both, then review its switches.
import { useEffect, useMemo, useState } from 'react';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';
import { runEnded } from './loadReview';

/** The form; `onDone(runId)` with the new evaluation. */
export function EvaluateForm({ project, onDone }: { project: string; onDone: (runId: number) => void }) {
  const api = useApi();
  const [set, setSet] = useState('');
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Read afresh: result sets appear from tracking jobs and imports anywhere (another view, the CLI).
  const [sequences, setSequences] = useState<readonly SequenceSummary[]>();
  useEffect(() => {
    let live = true;
    void api.invoke('sequences.list', { project }).then((r) => live && (r.ok ? setSequences(r.value) : setStatus(r.error.message)));
    return () => {
      live = false;
    };
  }, [api, project]);
  const sets = useMemo(() => [...new Set((sequences ?? []).flatMap((s) => (s.boxCount > 0 ? s.sets.filter((x) => x.kind === 'res').map((x) => x.name) : [])))].sort(), [sequences]);
  const chosen = set || sets[0] || '';
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      setStatus(`Evaluating ${chosen}…`);
      const job = unwrap(await api.invoke('eval.start', { project, resultSet: chosen }));
      const end = await runEnded(api, project, job);
      if (end.state !== 'succeeded') throw new Error(`the evaluation ${end.state}${end.error ? `: ${end.error}` : ''}`);
      setStatus(undefined);
      onDone(job.runId);
    } catch (e) {
      setStatus(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (!sequences) return <p className={status ? 'error' : 'muted'}>{status ?? 'Looking for result sets…'}</p>;
  if (sets.length === 0) {
    return <p className="muted">No annotated sequence has a tracker result set: run a tracker (Annotate → Pre-annotate) or import results first.</p>;
  }
  return (
    <form
      className="evaluate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <label>
        Tracker result set
        <select value={chosen} onChange={(e) => setSet(e.target.value)} aria-label="Result set to evaluate">
          {sets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" type="submit" disabled={busy}>
        Evaluate
      </button>
      {status && <span role="status">{status}</span>}
    </form>
  );
}
