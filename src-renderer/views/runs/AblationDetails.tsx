// An ablation run's report (METHODS.md §6.4-7): each arm's combined metrics (mean ± sd over seeds) and
// its paired difference to the baseline over sequences, with the bootstrap CI when there are enough.
import { useEffect, useState } from 'react';
import type { AblationReport } from '../../../src-shared/learning/ablationReport';
import { errorMessage } from '../../api/client';
import { useApi } from '../../app/api';
import { artifactJson } from './artifacts';
import { formatFigure } from './compare';

const PERCENT = new Set(['HOTA', 'DetA', 'AssA', 'IDF1', 'MOTA']);

/** The report table of an ablation run (when it has one). */
export function AblationDetails({ project, runId, hasReport }: { project: string; runId: number; hasReport: boolean }) {
  const api = useApi();
  const [report, setReport] = useState<AblationReport>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setReport(undefined);
    if (!hasReport) return;
    artifactJson(api, project, runId, 'report').then(
      (r) => {
        if (!live) return;
        const rep = r as Partial<AblationReport> | null;
        if (rep?.format !== 'trackwright.ablation-report' || !Array.isArray(rep.arms) || !Array.isArray(rep.metrics)) setError(`Run ${runId}'s report is not a trackwright.ablation-report`);
        else setReport(rep as AblationReport);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, project, runId, hasReport]);
  if (!hasReport) return <p className="muted">No report yet (it is written when every arm is trained and evaluated).</p>;
  if (error) return <p className="error">{error}</p>;
  if (!report) return <p className="muted">Loading the report…</p>;
  const metrics = report.metrics.filter((m) => report.arms.some((a) => a.combined[m]));
  const diff = (arm: string, m: string) => report.differences.find((d) => d.arm === arm)?.overSequences[m];
  return (
    <section>
      <h3>Ablation report · {report.sequences.length} test sequence(s) · seeds {report.seeds.join(', ')}</h3>
      <div className="scroll-x">
        <table className="table metrics-table" aria-label="Ablation report">
          <thead>
            <tr>
              <th>arm</th>
              {metrics.map((m) => (
                <th key={m}>{m}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.arms.map((a) => (
              <tr key={a.arm}>
                <td>{a.arm === 'none' ? 'no training' : a.arm}</td>
                {metrics.map((m) => {
                  const c = a.combined[m];
                  const d = diff(a.arm, m);
                  const pct = PERCENT.has(m);
                  return (
                    <td key={m} title={d?.ci95 ? `Δ vs ${report.reference}: CI95 [${formatFigure(d.ci95[0], pct)}, ${formatFigure(d.ci95[1], pct)}]` : undefined}>
                      {c ? `${formatFigure(c.mean, pct)} ± ${formatFigure(c.sd, pct)}` : '–'}
                      {d && <span className={`delta ${d.improved ? 'better' : d.improved === false ? 'same' : ''}`}>Δ {formatFigure(d.mean, pct, true)}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{report.ci.note}</p>
    </section>
  );
}
