// Switch counts per type (METHODS.md §5) as bars, coloured as everywhere else in the app.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { SwitchType } from '../../src-shared/analysis/idSwitches';
import { ChartView, SWITCH_TYPE_COLORS } from '../charts/ChartView';

const NAMES: Record<SwitchType, string> = { 1: 'T1 occlusion', 2: 'T2 temporal', 3: 'T3 swap' };

/** Bars of the three counts. */
export function TypeChart({ counts }: { counts: Readonly<Record<SwitchType, number>> }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: ([1, 2, 3] as const).map((t) => NAMES[t]),
        datasets: [{ label: 'ID switches', data: [counts[1], counts[2], counts[3]], backgroundColor: [SWITCH_TYPE_COLORS[1], SWITCH_TYPE_COLORS[2], SWITCH_TYPE_COLORS[3]] }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [counts],
  );
  return <ChartView config={config} height={150} label={`ID switches per type: Type 1 ${counts[1]}, Type 2 ${counts[2]}, Type 3 ${counts[3]}`} />;
}
