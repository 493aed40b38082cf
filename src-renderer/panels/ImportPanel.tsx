// Import by path (browser mode has no native file dialog; paths are on the machine running Trackwright).
import { useState, type FormEvent } from 'react';
import type { ImportReport } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';

const KINDS = [
  ['mot', 'MOTChallenge folder (sequence or benchmark)'],
  ['frames', 'Folder of frame images'],
  ['video', 'Video file'],
  ['results', 'Tracker results folder (trackers/<name>)'],
] as const;

/** A small form that imports a path into the project; calls onDone with the report. */
export function ImportPanel({ project, onDone }: { project: string; onDone: (r: ImportReport) => void }) {
  const api = useApi();
  const [kind, setKind] = useState<(typeof KINDS)[number][0]>('mot');
  const [path, setPath] = useState('');
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const r =
        kind === 'mot'
          ? await api.invoke('import.mot', { project, path, skipBadLines: skip })
          : kind === 'frames'
            ? await api.invoke('import.frames', { project, folder: path })
            : kind === 'video'
              ? await api.invoke('import.video', { project, file: path })
              : await api.invoke('import.results', { project, folder: path, skipBadLines: skip });
      const report = unwrap(r);
      const skipped = report.skippedCount ? `, ${report.skippedCount} bad lines skipped` : '';
      setMessage({ error: false, text: `Imported ${report.sequences.map((s) => s.name).join(', ')}${skipped}.` });
      setPath('');
      onDone(report);
    } catch (err) {
      setMessage({ error: true, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="import-panel" onSubmit={(e) => void submit(e)} aria-label="Import">
      <label>
        What
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Path
        <input name="import-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/data/MOT17/train/MOT17-02-SDP" required />
      </label>
      {(kind === 'mot' || kind === 'results') && (
        <label className="check">
          <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> Skip bad lines
        </label>
      )}
      <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
