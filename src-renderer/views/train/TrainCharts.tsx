// Training charts (live or stored): the loss of every term, UniTrack's adaptive λs/λt, throughput, and
// validation metrics; for an ablation, the total loss of each arm and seed.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartView, SERIES_COLORS } from '../../charts/ChartView';
import { lossTerms, thin, type TrainPoint, type ValidationPoint } from './trainSeries';

type Line = ChartConfiguration<'line', { x: number; y: number }[]>;

function lineConfig(series: { label: string; data: { x: number; y: number }[] }[], yTitle: string, o: { min?: number; max?: number } = {}): Line {
  return {
    type: 'line',
    data: {
      datasets: series.map((s, i) => ({ label: s.label, data: s.data, borderColor: SERIES_COLORS[i % SERIES_COLORS.length], backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length], borderWidth: 1.5, pointRadius: s.data.length > 40 ? 0 : 2, tension: 0 })),
    },
    options: {
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { legend: { display: series.length > 1, labels: { boxWidth: 12 } } },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'step' }, ticks: { precision: 0 } },
        y: { title: { display: true, text: yTitle }, ...(o.min !== undefined ? { min: o.min } : {}), ...(o.max !== undefined ? { max: o.max } : {}) },
      },
    },
  };
}

const xy = (points: readonly TrainPoint[], y: (p: TrainPoint) => number | undefined) => points.flatMap((p) => (y(p) === undefined ? [] : [{ x: p.step, y: y(p)! }]));

/** The charts of one training run, or of an ablation's arms. */
export function TrainCharts({ points, validation = [] }: { points: readonly TrainPoint[]; validation?: readonly ValidationPoint[] }) {
  const charts = useMemo(() => {
    const out: { key: string; title: string; config: Line }[] = [];
    const series = [...new Set(points.map((p) => p.series).filter((s): s is string => s !== undefined))];
    if (series.length) {
      out.push({ key: 'arms', title: 'Total loss per arm and seed', config: lineConfig(series.map((s) => ({ label: s, data: xy(thin(points.filter((p) => p.series === s)), (p) => p.losses['total']) })), 'loss') });
      return out;
    }
    const shown = thin(points);
    out.push({ key: 'loss', title: 'Loss per term', config: lineConfig(lossTerms(shown).map((t) => ({ label: t, data: xy(shown, (p) => p.losses[t]) })), 'loss') });
    if (shown.some((p) => p.lambdaS !== undefined)) {
      out.push({ key: 'lambda', title: 'UniTrack λs / λt', config: lineConfig([{ label: 'λs (spatial)', data: xy(shown, (p) => p.lambdaS) }, { label: 'λt (temporal)', data: xy(shown, (p) => p.lambdaT) }], 'λ', { min: 0, max: 1 }) });
    }
    const crops = xy(shown, (p) => p.cropsPerSec);
    const edges = xy(shown, (p) => p.edgesPerSec);
    if (crops.length) out.push({ key: 'speed', title: 'Throughput', config: lineConfig([{ label: 'crops/s', data: crops }], 'crops/s', { min: 0 }) });
    else if (edges.length) out.push({ key: 'speed', title: 'Throughput', config: lineConfig([{ label: 'edges/s', data: edges }], 'edges/s', { min: 0 }) });
    else {
      const perSec = xy(shown, (p) => (p.stepMs ? 1000 / p.stepMs : undefined));
      if (perSec.length) out.push({ key: 'speed', title: 'Throughput', config: lineConfig([{ label: 'steps/s', data: perSec }], 'steps/s', { min: 0 }) });
    }
    const metrics = [...new Set(validation.flatMap((v) => Object.keys(v.metrics)))];
    if (metrics.length) {
      out.push({ key: 'validation', title: 'Validation', config: lineConfig(metrics.map((m) => ({ label: m, data: validation.flatMap((v) => (v.metrics[m] === undefined ? [] : [{ x: v.step, y: v.metrics[m]! }])) })), 'value') });
    }
    return out;
  }, [points, validation]);

  if (points.length === 0) return <p className="muted">No steps yet.</p>;
  return (
    <div className="chart-grid" data-testid="train-charts">
      {charts.map((c) => (
        <figure key={c.key}>
          <figcaption>{c.title}</figcaption>
          <ChartView config={c.config} label={c.title} height={200} />
        </figure>
      ))}
    </div>
  );
}
