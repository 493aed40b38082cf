// The Runs view: every run of the project (evaluations, tracking, tuning, training, ablations) in a
// table filtered by kind; a run opens on the right with its details; ticked runs are compared there.
import { useState } from 'react';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { useWorkspaceNav } from '../app/nav';
import { CompareRuns } from './runs/CompareRuns';
import { RunDetail } from './runs/RunDetail';
import { RunTable } from './runs/RunTable';
import { useNow, useRuns, type KindFilter } from './runs/useRuns';
import './runs.css';

const KINDS: readonly [KindFilter, string][] = [
  ['all', 'All kinds'],
  ['eval', 'Evaluations'],
  ['track', 'Tracking'],
  ['tune', 'Tuning'],
  ['train', 'Training'],
  ['ablate', 'Ablations'],
];

/** The Runs view of a project. */
export function RunsView({ sequences }: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  const { project } = useWorkspaceNav();
  const [kind, setKind] = useState<KindFilter>('all');
  const { runs, progress, error, refresh } = useRuns(project, kind);
  const [openId, setOpenId] = useState<number>();
  const [checked, setChecked] = useState<number[]>([]);
  const [comparing, setComparing] = useState(false);
  const now = useNow(runs.some((r) => r.state === 'running'));

  const open = (id: number): void => {
    setOpenId(id);
    setComparing(false);
  };
  return (
    <div className="runs-view" data-testid="runs-view">
      <section className="card" aria-label="Run history">
        <div className="runs-toolbar">
          <h2 style={{ margin: 0 }}>Runs</h2>
          <select aria-label="Filter by kind" value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <span className="spacer" />
          {checked.length > 0 && <button onClick={() => setChecked([])}>Clear selection</button>}
          <button className="primary" disabled={checked.length < 2} onClick={() => setComparing(true)} title="Tick two or more runs to compare them">
            Compare {checked.length >= 2 ? `(${checked.length})` : ''}
          </button>
        </div>
        {error && <p className="error">{error}</p>}
        <RunTable runs={runs} progress={progress} now={now} openId={comparing ? undefined : openId} checked={checked} onOpen={open} onCheck={(id, on) => setChecked((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)))} />
      </section>
      <section className="card" aria-label={comparing ? 'Run comparison' : 'Run details'}>
        {comparing && checked.length >= 2 ? (
          <CompareRuns project={project} runIds={checked} sequences={sequences} onOpen={open} />
        ) : openId !== undefined ? (
          <RunDetail
            key={openId}
            project={project}
            runId={openId}
            sequences={sequences}
            progress={progress.get(openId)}
            now={now}
            onOpen={open}
            onDeleted={() => {
              setOpenId(undefined);
              setChecked((c) => c.filter((x) => x !== openId));
              void refresh();
            }}
          />
        ) : (
          <p className="muted">Open a run for its metrics, curves and events; tick two or more to compare them.</p>
        )}
      </section>
    </div>
  );
}
