// The run history table: kind, when, configuration, backend, duration, state, headline figures; a
// checkbox per row to pick runs to compare; clicking a row opens it.
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { JobProgress } from '../../../src-shared/ipc/schemas';
import { configSummary, formatDuration, formatWhen, headline, runDurationMs } from './runFormat';

/** A run's state as a coloured chip (with live percent while it runs). */
export function RunState({ run, progress }: { run: Pick<RunSummary, 'state'>; progress?: JobProgress | undefined }) {
  const pct = run.state === 'running' && progress && progress.total > 0 ? ` ${Math.floor((100 * progress.done) / progress.total)}%` : '';
  return <span className={`state state-${run.state}`}>{run.state + pct}</span>;
}

/** The history table. */
export function RunTable({
  runs,
  progress,
  now,
  openId,
  checked,
  onOpen,
  onCheck,
}: {
  runs: readonly RunSummary[];
  progress: ReadonlyMap<number, JobProgress>;
  now: number;
  openId: number | undefined;
  checked: readonly number[];
  onOpen: (id: number) => void;
  onCheck: (id: number, on: boolean) => void;
}) {
  if (runs.length === 0) return <p className="muted">No runs yet. Evaluate, track, tune or train, and they appear here.</p>;
  return (
    <div className="scroll-x">
      <table className="table runs-table" aria-label="Run history">
        <thead>
          <tr>
            <th className="check" aria-label="Compare" />
            <th>#</th>
            <th>kind</th>
            <th>when</th>
            <th>what</th>
            <th>backend</th>
            <th>time</th>
            <th>state</th>
            <th>figures</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.id === openId ? 'open' : ''} onClick={() => onOpen(r.id)} data-run-id={r.id}>
              <td className="check" onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" aria-label={`Compare run ${r.id}`} checked={checked.includes(r.id)} onChange={(e) => onCheck(r.id, e.target.checked)} />
              </td>
              <td>{r.id}</td>
              <td className="kind">{r.kind}</td>
              <td className="nowrap" title={new Date(r.createdMs).toLocaleString()}>{formatWhen(r.createdMs, now)}</td>
              <td className="what">
                <div>{r.title}</div>
                <div className="config" title={configSummary(r)}>
                  {configSummary(r)}
                </div>
              </td>
              <td className="kind">{r.backend ?? '–'}</td>
              <td className="nowrap">{formatDuration(runDurationMs(r, now))}</td>
              <td>
                <RunState run={r} progress={progress.get(r.id)} />
              </td>
              <td className="figures">
                {headline(r).map(([k, v]) => (
                  <span key={k}>
                    <b>{k}</b>
                    {v}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
