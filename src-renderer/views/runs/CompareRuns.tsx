// Two or more runs side by side: a metric table (per sequence or combined) with each run's difference to
// the reference (the oldest selected run), ID switches per type as grouped bars, and, between two
// evaluations, the switch diff.
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import type { ApiResponse } from '../../../src-shared/ipc/contract';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';
import { ChartView, SWITCH_TYPE_COLORS } from '../../charts/ChartView';
import { compareTable, formatFigure, runFigures, switchTypeCounts } from './compare';
import { isDiagnostics } from './runFormat';
import { SwitchDiffView } from './SwitchDiffView';

type Details = ApiResponse<'runs.get'>;

/** Names of figures the table shows by another name. */
const LABELS: Readonly<Record<string, string>> = { type1: 'Type 1 switches (after occlusion)', type2: 'Type 2 switches (temporal)', type3: 'Type 3 switches (swap)', CLR_FP: 'FP', CLR_FN: 'FN' };

const isEvaluation = (d: Details): boolean => d.run.kind === 'eval' && !isDiagnostics(d.run) && Object.keys(d.metrics).length > 0;

/** The comparison of `runIds`. */
export function CompareRuns({ project, runIds, sequences, onOpen }: { project: string; runIds: readonly number[]; sequences: readonly SequenceSummary[]; onOpen: (id: number) => void }) {
  const api = useApi();
  const [runs, setRuns] = useState<Details[]>();
  const [error, setError] = useState<string>();
  const [sequence, setSequence] = useState('COMBINED_SEQ');
  const key = runIds.join(',');
  useEffect(() => {
    let live = true;
    setRuns(undefined);
    setError(undefined);
    Promise.all(key.split(',').map(async (id) => unwrap(await api.invoke('runs.get', { project, runId: Number(id), events: true })))).then(
      (got) => live && setRuns(got.sort((a, b) => a.run.createdMs - b.run.createdMs || a.run.id - b.run.id)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, project, key]);

  const evals = useMemo(() => (runs ?? []).filter(isEvaluation), [runs]);
  const seqNames = useMemo(() => [...new Set(evals.flatMap((d) => Object.keys(d.metrics)).filter((s) => s !== 'COMBINED_SEQ'))].sort(), [evals]);
  const rows = useMemo(() => compareTable((runs ?? []).map((d) => runFigures(d.run, d.metrics, sequence, isEvaluation(d) ? d.events : undefined))), [runs, sequence]);
  const bars = useMemo<ChartConfiguration<'bar'>>(() => {
    const counts = evals.map((d) => switchTypeCounts(d.events, sequence));
    return {
      type: 'bar',
      data: { labels: evals.map((d) => `#${d.run.id}`), datasets: ([1, 2, 3] as const).map((t) => ({ label: `Type ${t}`, data: counts.map((c) => c[t - 1]!), backgroundColor: SWITCH_TYPE_COLORS[t], maxBarThickness: 48 })) },
      options: { plugins: { legend: { labels: { boxWidth: 12 } } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'ID switches' } } } },
    };
  }, [evals, sequence]);

  if (error) return <p className="error">{error}</p>;
  if (!runs) return <p className="muted">Loading {runIds.length} runs…</p>;
  return (
    <div data-testid="compare">
      <h2>Compare {runs.length} runs</h2>
      <p className="muted">Differences are to the oldest run, #{runs[0]!.run.id} (green: better, red: worse).</p>
      {seqNames.length > 0 && (
        <label>
          Sequence
          <select aria-label="Compare sequence" value={sequence} onChange={(e) => setSequence(e.target.value)} style={{ width: 'auto' }}>
            <option value="COMBINED_SEQ">combined</option>
            {seqNames.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="scroll-x">
        <table className="table metrics-table" aria-label="Metric comparison">
          <thead>
            <tr>
              <th>metric</th>
              {runs.map((d) => (
                <th key={d.run.id} title={d.run.title}>
                  <button className="link" onClick={() => onOpen(d.run.id)}>
                    #{d.run.id} {d.run.kind}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td title={row.key}>{LABELS[row.key] ?? row.key}</td>
                {row.values.map((v, i) => (
                  <td key={i}>
                    {formatFigure(v, row.percent)}
                    {row.deltas[i] !== undefined && (
                      <span className={`delta ${row.verdicts[i] === 1 ? 'better' : row.verdicts[i] === -1 ? 'worse' : 'same'}`}>{formatFigure(row.deltas[i], row.percent, true)}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {evals.length > 0 && (
        <section>
          <h3>ID switches per type</h3>
          <ChartView config={bars} label="ID switches per type for each evaluation" height={220} />
        </section>
      )}
      {evals.length >= 2 ? (
        <SwitchDiffView evals={evals} sequences={sequences} />
      ) : (
        <p className="muted">Select two evaluation runs to see which switches one fixed, kept or introduced.</p>
      )}
    </div>
  );
}
