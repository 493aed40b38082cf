// Embedding diagnostics as charts: the histogram of same-object vs inter-object cosine similarity (as
// shares of each kind's pairs, so the two read on one axis), the summary figures, and the similarity
// matrix of a chosen anchor frame t against t + k (chartjs-chart-matrix; same-object cells outlined;
// a click opens the editor on frame t with both objects selected).
import { Chart, type ChartConfiguration, type ScriptableContext } from 'chart.js';
import { MatrixController, MatrixElement, type MatrixDataPoint } from 'chartjs-chart-matrix';
import { useMemo, useState } from 'react';
import { similarityMatrix, type EmbeddedBoxes, type SimilarityStats } from '../../../src-shared/analysis/embeddingSimilarity';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { useWorkspaceNav } from '../../app/nav';
import { ChartView, SERIES_COLORS } from '../../charts/ChartView';

Chart.register(MatrixController, MatrixElement);

/** Viridis stops (perceptually even, colour-blind safe, readable on dark and light panels). */
const RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
const RAMP_CSS = `linear-gradient(to right, ${RAMP.join(', ')})`;

function rampColor(v: number): string {
  const t = Math.min(1, Math.max(0, v)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - i;
  const c = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mix = [0, 1, 2].map((k) => Math.round(c(RAMP[i]!, k) * (1 - f) + c(RAMP[i + 1]!, k) * f));
  return `rgb(${mix.join(',')})`;
}

const fmt = (v: number | null | undefined, d = 3): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–');

type Cell = MatrixDataPoint & { v: number; same: boolean };

/** Histogram, figures and matrix of one diagnostics run. */
export function SimilarityCharts({ stats, boxes, anchors, sequence, sequences }: { stats: SimilarityStats; boxes: EmbeddedBoxes | undefined; anchors: readonly number[]; sequence: string; sequences: readonly SequenceSummary[] }) {
  const nav = useWorkspaceNav();
  const [picked, setAnchor] = useState<number>();
  // The anchors arrive with the embeddings (after the figures): default to the first.
  const anchor = picked !== undefined && anchors.includes(picked) ? picked : anchors[0];
  const histogram = useMemo<ChartConfiguration<'bar'>>(() => {
    const w = 2 / stats.bins;
    // Drawn from the first bin any pair falls in (trained embeddings rarely reach negative similarity).
    const used = stats.same.map((c, i) => c + stats.inter[i]!);
    const from = Math.max(0, Math.min(used.findIndex((c) => c > 0), stats.bins - 10));
    const share = (h: readonly number[], n: number) => h.slice(from).map((c) => (n ? (100 * c) / n : 0));
    return {
      type: 'bar',
      data: {
        labels: stats.same.slice(from).map((_, i) => (-1 + (from + i + 0.5) * w).toFixed(2)),
        datasets: [
          { label: `same object (${stats.sameCount} pairs)`, data: share(stats.same, stats.sameCount), backgroundColor: SERIES_COLORS[2] },
          { label: `different objects (${stats.interCount} pairs)`, data: share(stats.inter, stats.interCount), backgroundColor: SERIES_COLORS[5] },
        ],
      },
      options: {
        datasets: { bar: { barPercentage: 1, categoryPercentage: 0.9 } },
        plugins: { legend: { labels: { boxWidth: 12 } } },
        scales: { x: { title: { display: true, text: 'cosine similarity' }, ticks: { maxTicksLimit: 9 } }, y: { title: { display: true, text: '% of pairs' }, beginAtZero: true } },
      },
    };
  }, [stats]);

  const matrix = useMemo(() => (boxes && anchor !== undefined ? similarityMatrix(boxes, anchor, anchor + stats.gap) : undefined), [boxes, anchor, stats.gap]);
  const matrixConfig = useMemo<ChartConfiguration<'matrix', Cell[]> | undefined>(() => {
    if (!matrix || matrix.rowIds.length === 0 || matrix.colIds.length === 0) return undefined;
    // Ids ascending on both axes (the diagonal runs from the top left when the same objects are in both frames).
    const byId = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).map(String);
    const rows = byId(matrix.rowIds);
    const cols = byId(matrix.colIds);
    const cells: Cell[] = matrix.rowIds.flatMap((r, i) => matrix.colIds.map((c, j) => ({ x: String(c), y: String(r), v: matrix.values[i * cols.length + j]!, same: r === c })));
    const text = getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#888';
    const raw = (ctx: ScriptableContext<'matrix'>) => ctx.raw as Cell;
    return {
      type: 'matrix',
      data: {
        datasets: [
          {
            label: 'cosine similarity',
            data: cells,
            backgroundColor: (ctx) => rampColor(raw(ctx).v),
            borderColor: (ctx) => (raw(ctx).same ? text : 'transparent'),
            borderWidth: (ctx) => (raw(ctx).same ? 2 : 0),
            width: ({ chart }) => Math.max(1, (chart.chartArea?.width ?? 0) / cols.length - 1),
            height: ({ chart }) => Math.max(1, (chart.chartArea?.height ?? 0) / rows.length - 1),
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: () => '', label: (ctx) => `GT ${(ctx.raw as Cell).y} (frame ${matrix.frame}) vs GT ${(ctx.raw as Cell).x} (frame ${matrix.otherFrame}): ${(ctx.raw as Cell).v.toFixed(3)}` } },
        },
        scales: {
          x: { type: 'category', labels: cols, offset: true, grid: { display: false }, title: { display: true, text: `GT ids at frame ${matrix.otherFrame}` } },
          // First row at the top (chartjs-chart-matrix reverses y by default).
          y: { type: 'category', labels: rows, offset: true, reverse: false, grid: { display: false }, title: { display: true, text: `GT ids at frame ${matrix.frame}` } },
        },
        onClick: (_e, elements) => {
          const cell = elements[0] ? cells[elements[0].index] : undefined;
          const seq = sequences.find((s) => s.name === sequence);
          if (cell && seq) nav.go('annotate', { sequence: seq.id, frame: matrix.frame, tracks: [Number(cell.y), Number(cell.x)] });
        },
      },
    };
  }, [matrix, sequences, sequence, nav]);

  return (
    <div data-testid="similarity">
      <div className="diag-figures" data-testid="similarity-figures">
        <span title="P(a same-object pair is more similar than a different-object pair)">
          <b>AUC</b>
          {fmt(stats.auc)}
        </span>
        <span title="Share of objects whose most similar object k frames later is itself">
          <b>rank-1</b>
          {typeof stats.rank1 === 'number' ? `${(100 * stats.rank1).toFixed(1)} %` : '–'}
        </span>
        <span>
          <b>mean same</b>
          {fmt(stats.sameMean)}
        </span>
        <span>
          <b>mean different</b>
          {fmt(stats.interMean)}
        </span>
        <span title="FDTA's figure: share of different-object pairs with similarity above 0.9">
          <b>different &gt; 0.9</b>
          {typeof stats.interAbove09 === 'number' ? `${(100 * stats.interAbove09).toFixed(1)} %` : '–'}
        </span>
        <span>
          <b>frame pairs</b>
          {stats.framePairs} (k = {stats.gap})
        </span>
      </div>
      <div className="chart-grid">
        <figure>
          <figcaption>Cosine similarity: same object vs different objects, frame t vs t + {stats.gap}</figcaption>
          <ChartView config={histogram} label="Histogram of same-object and different-object similarity" height={240} />
        </figure>
        <figure>
          <figcaption>
            Similarity matrix, frame{' '}
            <select aria-label="Anchor frame" value={anchor} onChange={(e) => setAnchor(Number(e.target.value))} style={{ width: 'auto', margin: 0, padding: '1px 4px' }}>
              {anchors.map((t) => (
                <option key={t} value={t}>
                  {t} vs {t + stats.gap}
                </option>
              ))}
            </select>
          </figcaption>
          {matrixConfig ? <ChartView config={matrixConfig} label={`Similarity matrix of frame ${anchor} against frame ${(anchor ?? 0) + stats.gap}`} height={Math.min(420, Math.max(200, 18 * (matrix?.rowIds.length ?? 0) + 60))} /> : <p className="muted">{boxes ? 'No objects in this frame pair.' : 'Loading embeddings…'}</p>}
          <div className="matrix-legend">
            0 <span className="ramp" style={{ background: RAMP_CSS }} /> 1 <span>· outlined: same object</span>
          </div>
        </figure>
      </div>
    </div>
  );
}
