// Charts with Chart.js (canvas; no inline <style>, so it runs under the renderer's CSP). One wrapper
// for every plot in the app: themed from the CSS variables (legible in light and dark), re-themed when
// the system theme changes, updated in place when the data changes (live training curves), no
// animations (charts that move while numbers stream in are hard to read).
import { Chart, registerables, type ChartConfiguration, type ChartType } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(...registerables);

/** Distinct series colours that read on both themes (Okabe–Ito, colour-blind safe). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;

/** Colours of the switch types, the same everywhere (queue, bars, timeline markers). */
export const SWITCH_TYPE_COLORS = { 1: '#E69F00', 2: '#56B4E9', 3: '#D55E00' } as const;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Applies the current theme's text and grid colours to Chart.js's defaults. */
function applyTheme(): void {
  Chart.defaults.color = cssVar('--muted') || '#888';
  Chart.defaults.borderColor = cssVar('--border') || '#8884';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
}

/** A chart. `config` may change on every render: the chart is updated in place, not rebuilt (unless its type changes). */
export function ChartView<T extends ChartType>({ config, height = 220, label }: { config: ChartConfiguration<T>; height?: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | undefined>(undefined);
  const type = config.type;

  useEffect(() => {
    applyTheme();
    const c = new Chart(canvas.current!, config);
    chart.current = c;
    // The system theme can change while the app runs.
    const mq = window.matchMedia('(prefers-color-scheme: light)');
    const onTheme = (): void => {
      applyTheme();
      c.update('none');
    };
    mq.addEventListener('change', onTheme);
    return () => {
      mq.removeEventListener('change', onTheme);
      c.destroy();
      chart.current = undefined;
    };
    // Rebuilt only when the chart type changes; data and options are updated below.
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = config.data;
    if (config.options) c.options = config.options;
    c.update('none');
  }, [config]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
