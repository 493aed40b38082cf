// The export dialog (PRODUCT.md §4 item 7): sequences, annotations or a detection / result set, one
// MOT file or a whole TrackEval benchmark folder. The fidelity checker's findings are shown before
// anything is written (errors block the export); a benchmark folder's progress comes as events.
import { useMemo, useState } from 'react';
import type { ApiResponse } from '../../src-shared/ipc/contract';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';
import { commonSets, defaultOut, exportRequest, formProblem, type ExportForm, type ExportFormat } from './exportRequest';

type Report = ApiResponse<'export.benchmark'>;

const FORMATS: readonly [ExportFormat, string][] = [
  ['benchmark', 'Benchmark folder (gt, seqinfo, seqmap, trackers) for TrackEval'],
  ['gt', 'One file: annotations as gt.txt'],
  ['det', 'One file: a detection set (det.txt)'],
  ['res', 'One file: a tracker result set'],
];

/** The dialog; `onClose` when done or cancelled. */
export function ExportDialog({ project, sequences, onClose }: { project: string; sequences: readonly SequenceSummary[]; onClose: () => void }) {
  const api = useApi();
  const [form, setForm] = useState<ExportForm>(() => ({
    format: 'benchmark',
    sequences: sequences.map((s) => s.id),
    sets: [],
    out: defaultOut(project, 'benchmark', sequences[0]),
    benchmark: '',
    split: 'train',
    overwrite: false,
  }));
  const [checked, setChecked] = useState<{ key: string; report: Report }>();
  const [done, setDone] = useState<Report>();
  const [progress, setProgress] = useState<{ done: number; total: number; message: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const key = JSON.stringify(form);
  const chosen = sequences.filter((s) => form.sequences.includes(s.id));
  const setChoices = form.format === 'benchmark' ? commonSets(chosen, 'res') : form.format === 'gt' ? [] : commonSets(chosen, form.format);
  const problem = formProblem(form);
  const report = checked?.key === key ? checked.report : undefined;
  const errors = report?.findings.filter((f) => f.severity === 'error').length ?? 0;

  const change = (c: Partial<ExportForm>): void => {
    setDone(undefined);
    setError(undefined);
    setForm((f) => {
      const next = { ...f, ...c };
      // Switching between a folder and a file suggests a matching destination.
      if (c.format && c.format !== f.format) {
        const seq = sequences.find((s) => s.id === next.sequences[0]);
        next.out = defaultOut(project, c.format, seq);
        next.sets = [];
        if (c.format !== 'benchmark') next.sequences = next.sequences.slice(0, 1);
      }
      return next;
    });
  };

  const send = async (check: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const progressId = check ? undefined : `export-${Date.now()}`;
    const off = progressId ? api.on('jobs.progress', (p) => p.jobId === progressId && setProgress(p)) : undefined;
    try {
      const r = exportRequest(project, form, { check, ...(progressId ? { progressId } : {}) });
      const value = r.channel === 'export.benchmark' ? unwrap(await api.invoke(r.channel, r.request)) : unwrap(await api.invoke(r.channel, r.request));
      if (check) setChecked({ key, report: value });
      else setDone(value);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      off?.();
      setProgress(undefined);
      setBusy(false);
    }
  };

  const findings = useMemo(() => (done ?? report)?.findings ?? [], [done, report]);
  return (
    <div className="modal-backdrop" onClick={() => !busy && onClose()}>
      <div className="modal card export-dialog" role="dialog" aria-label="Export" onClick={(e) => e.stopPropagation()}>
        <h2>Export</h2>
        <fieldset disabled={busy}>
          <label>
            What
            <select aria-label="Format" value={form.format} onChange={(e) => change({ format: e.target.value as ExportFormat })}>
              {FORMATS.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {form.format === 'benchmark' ? (
            <div className="export-seqs" role="group" aria-label="Sequences">
              {sequences.map((s) => (
                <label key={s.id} className="check">
                  <input type="checkbox" checked={form.sequences.includes(s.id)} onChange={(e) => change({ sequences: e.target.checked ? [...form.sequences, s.id] : form.sequences.filter((x) => x !== s.id) })} />
                  {s.name} <span className="muted">({s.boxCount} boxes)</span>
                </label>
              ))}
            </div>
          ) : (
            <label>
              Sequence
              <select aria-label="Sequence" value={form.sequences[0] ?? ''} onChange={(e) => change({ sequences: [Number(e.target.value)], sets: [] })}>
                {sequences.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {form.format === 'benchmark' && setChoices.length > 0 && (
            <div role="group" aria-label="Tracker result sets">
              <span className="muted">Tracker result sets (trackers/&lt;name&gt;/, on every chosen sequence):</span>
              {setChoices.map((n) => (
                <label key={n} className="check">
                  <input type="checkbox" checked={form.sets.includes(n)} onChange={(e) => change({ sets: e.target.checked ? [...form.sets, n] : form.sets.filter((x) => x !== n) })} />
                  {n}
                </label>
              ))}
            </div>
          )}
          {(form.format === 'det' || form.format === 'res') && (
            <label>
              Set
              <select aria-label="Set" value={form.sets[0] ?? ''} onChange={(e) => change({ sets: [e.target.value] })}>
                <option value="">{setChoices.length ? 'choose…' : 'none on this sequence'}</option>
                {setChoices.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          )}
          {form.format === 'benchmark' && (
            <div className="row">
              <label>
                Benchmark
                <input aria-label="Benchmark" placeholder="the sequences' own, else MOT17" value={form.benchmark} onChange={(e) => change({ benchmark: e.target.value })} />
              </label>
              <label>
                Split
                <input aria-label="Split" value={form.split} onChange={(e) => change({ split: e.target.value })} />
              </label>
            </div>
          )}
          <label>
            {form.format === 'benchmark' ? 'Folder' : 'File'}
            <input aria-label="Destination" className="mono" value={form.out} onChange={(e) => change({ out: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={form.overwrite} onChange={(e) => change({ overwrite: e.target.checked })} /> Overwrite if it exists
          </label>
        </fieldset>

        {report && !done && (
          <p role="status" data-testid="export-check">
            Checked: {report.rows} rows in {report.files.length} file(s) · {errors ? `${errors} error(s) block the export` : 'no errors'}
            {report.findings.length - errors ? ` · ${report.findings.length - errors} warning(s)` : ''}
            {report.existed && !form.overwrite ? ' · the destination exists: tick Overwrite to replace it' : ''}
          </p>
        )}
        {findings.length > 0 && (
          <table className="table findings" aria-label="Fidelity findings">
            <tbody>
              {findings.map((f, i) => (
                <tr key={i} className={f.severity}>
                  <td>{f.severity}</td>
                  <td className="mono">
                    {f.file}
                    {f.line ? `:${f.line}` : ''}
                  </td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {progress && (
          <div className="export-progress">
            <progress max={progress.total} value={progress.done} aria-label="Export progress" /> <span className="muted">{progress.message}</span>
          </div>
        )}
        {done && (
          <p role="status" data-testid="export-done">
            Wrote {done.rows} rows in {done.files.length} file(s) to <span className="mono">{form.out}</span>
          </p>
        )}
        {(error ?? problem) && (
          <p className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
            {error ?? problem}
          </p>
        )}
        <div className="row">
          <button onClick={onClose} disabled={busy}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <span className="spacer" />
          <button disabled={busy || !!problem} onClick={() => void send(true)}>
            Check
          </button>
          <button className="primary" disabled={busy || !!problem || !report || errors > 0 || (report.existed && !form.overwrite)} onClick={() => void send(false)} title={report ? '' : 'Check first: the fidelity findings are shown before anything is written'}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}
