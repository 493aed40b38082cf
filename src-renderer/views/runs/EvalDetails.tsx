// An evaluation run's details: metrics per sequence (and combined), ID switches per type per sequence as
// bars, and the switch events, filterable by type, each opening the editor.
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { storedSwitches } from '../../../src-shared/analysis/switchDiff';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { ChartView, SWITCH_TYPE_COLORS } from '../../charts/ChartView';
import { formatFigure } from './compare';
import { EventList, type EventRow } from './EventList';

const COLUMNS = ['HOTA', 'DetA', 'AssA', 'MOTA', 'IDF1', 'IDSW', 'Frag', 'MT', 'ML'] as const;
const PERCENT = new Set(['HOTA', 'DetA', 'AssA', 'MOTA', 'IDF1']);

/** Metrics and events of an evaluation run. */
export function EvalDetails({ metrics, events, sequences }: { metrics: Readonly<Record<string, Readonly<Record<string, unknown>>>>; events: Readonly<Record<string, readonly unknown[]>>; sequences: readonly SequenceSummary[] }) {
  const [type, setType] = useState<0 | 1 | 2 | 3>(0);
  const names = Object.keys(metrics)
    .filter((s) => s !== 'COMBINED_SEQ')
    .sort();
  const switches = useMemo(() => Object.fromEntries(Object.entries(events).map(([s, list]) => [s, storedSwitches(list, s)])), [events]);
  const rows: EventRow[] = useMemo(
    () =>
      Object.entries(switches)
        .flatMap(([s, list]) => list.map((e, k) => ({ key: `${s}/${k}`, sequence: s, event: e })))
        .filter((r) => type === 0 || r.event.type === type)
        .sort((a, b) => a.sequence.localeCompare(b.sequence) || a.event.frame - b.event.frame),
    [switches, type],
  );
  const bars = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: names,
        datasets: ([1, 2, 3] as const).map((t) => ({ label: `Type ${t}`, data: names.map((s) => (switches[s] ?? []).filter((e) => e.type === t).length), backgroundColor: SWITCH_TYPE_COLORS[t], maxBarThickness: 48 })),
      },
      options: { plugins: { legend: { labels: { boxWidth: 12 } } }, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'ID switches' }, ticks: { precision: 0 } } } },
    }),
    [names, switches],
  );
  const total = Object.values(switches).reduce((n, l) => n + l.length, 0);
  return (
    <>
      <section>
        <h3>Metrics per sequence</h3>
        <div className="scroll-x">
          <table className="table metrics-table" aria-label="Metrics per sequence">
            <thead>
              <tr>
                <th>sequence</th>
                {COLUMNS.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...names, 'COMBINED_SEQ'].map((s) => (
                <tr key={s}>
                  <td>{s === 'COMBINED_SEQ' ? <b>combined</b> : s}</td>
                  {COLUMNS.map((c) => (
                    <td key={c}>{formatFigure(typeof metrics[s]?.[c] === 'number' ? (metrics[s]![c] as number) : undefined, PERCENT.has(c))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {total > 0 && (
        <section>
          <h3>ID switches by type</h3>
          <ChartView config={bars} label="ID switches per sequence by type" height={Math.max(160, 40 + 24 * names.length)} />
          <div className="diff-tabs" role="group" aria-label="Filter switches by type">
            {([0, 1, 2, 3] as const).map((t) => (
              <button key={t} className={type === t ? 'active' : ''} onClick={() => setType(t)}>
                {t === 0 ? `All (${total})` : `Type ${t}`}
              </button>
            ))}
          </div>
          <EventList rows={rows} sequences={sequences} label="Switch events" />
        </section>
      )}
    </>
  );
}
