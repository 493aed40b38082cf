// TrackEval's printed tables (trackeval/metrics/_base_metric.py print_table / _summary_row / _row_print):
// one table per metric, a row per sequence in sorted order, then COMBINED; floats as 100·value with
// Python's "{0:1.5g}", integers as "%d"; the first column 35 characters wide, the others 10.
import type { EvaluationReport } from './evaluateFolders';

/** The columns TrackEval prints per metric (summary_fields). */
const SUMMARY: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['HOTA', ['HOTA', 'DetA', 'AssA', 'DetRe', 'DetPr', 'AssRe', 'AssPr', 'LocA', 'OWTA', 'HOTA(0)', 'LocA(0)', 'HOTALocA(0)'], []],
  ['CLEAR', ['MOTA', 'MOTP', 'MODA', 'CLR_Re', 'CLR_Pr', 'MTR', 'PTR', 'MLR', 'sMOTA'], ['CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag']],
  ['Identity', ['IDF1', 'IDR', 'IDP'], ['IDTP', 'IDFN', 'IDFP']],
  ['Count', [], ['Dets', 'GT_Dets', 'IDs', 'GT_IDs']],
];

/** Python's format(x, '1.5g'): 5 significant digits, trailing zeros dropped, exponent form outside 1e-4..1e5. */
export function formatG5(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expText] = x.toExponential(4).split('e') as [string, string];
  const exp = Number(expText);
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= 5) return `${strip(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return strip(x.toFixed(4 - exp));
}

const row = (cells: readonly string[]): string => (cells[0]!.padEnd(35) + cells.slice(1).map((c) => c.padEnd(10)).join('')).trimEnd();

/** TrackEval's console tables for a report. */
export function trackEvalTables(r: EvaluationReport): string[] {
  const lines: string[] = [];
  const sorted = [...r.sequences].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const [metric, floats, ints] of SUMMARY) {
    lines.push('');
    lines.push(row([`${metric}: ${r.tracker}-pedestrian`, ...floats, ...ints]));
    for (const s of [...sorted, { ...r.combined, name: 'COMBINED' }]) {
      lines.push(row([s.name, ...floats.map((f) => formatG5(100 * s.fields[f]!)), ...ints.map((f) => String(Math.trunc(s.fields[f]!)))]));
    }
  }
  return lines;
}
