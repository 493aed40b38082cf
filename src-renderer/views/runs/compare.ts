// Run comparison as data (pure; tested in test/unit/renderer/compare.test.ts): the figures of each run
// for a chosen sequence, a metric table with each run's difference to the first (reference) run and
// whether it is an improvement, and the ID switches per error type.
import { storedSwitches } from '../../../src-shared/analysis/switchDiff';
import { lowerIsBetter, summaryFigures } from './runFormat';

/** The TrackEval fields the comparison shows, in this order, when a run has them. */
export const EVAL_FIELDS = ['HOTA', 'DetA', 'AssA', 'LocA', 'MOTA', 'MOTP', 'IDF1', 'IDR', 'IDP', 'IDSW', 'Frag', 'MT', 'ML', 'CLR_FP', 'CLR_FN'] as const;

/** Fields TrackEval reports as fractions (shown as percentages). */
const FRACTIONS = new Set(['HOTA', 'DetA', 'AssA', 'LocA', 'MOTA', 'MOTP', 'IDF1', 'IDR', 'IDP', 'auc', 'rank1', 'interAbove09']);

/** What the comparison knows of one run. */
export interface RunFigures {
  readonly runId: number;
  readonly label: string;
  readonly figures: Readonly<Record<string, number>>;
}

/** One metric across the runs. */
export interface CompareRow {
  readonly key: string;
  readonly values: readonly (number | undefined)[];
  /** value − the reference run's value (undefined for the reference itself or a missing value). */
  readonly deltas: readonly (number | undefined)[];
  /** Per run: +1 better than the reference, −1 worse, 0 equal, undefined when not comparable. */
  readonly verdicts: readonly (1 | 0 | -1 | undefined)[];
  readonly percent: boolean;
}

/** The figures of a run for `sequence` (an evaluation's metrics; else the run's summary). */
export function runFigures(run: { id: number; title: string; summary: unknown }, metrics: Readonly<Record<string, Readonly<Record<string, unknown>>>>, sequence: string, events?: Readonly<Record<string, readonly unknown[]>>): RunFigures {
  const m = metrics[sequence];
  const figures: Record<string, number> = {};
  if (m) {
    for (const k of EVAL_FIELDS) if (typeof m[k] === 'number') figures[k] = m[k] as number;
    if (events) {
      const [t1, t2, t3] = switchTypeCounts(events, sequence);
      Object.assign(figures, { type1: t1, type2: t2, type3: t3 });
    }
  } else Object.assign(figures, summaryFigures(run));
  return { runId: run.id, label: `#${run.id} ${run.title}`, figures };
}

/** The metric table: rows in the first run's key order, then keys only later runs have. */
export function compareTable(runs: readonly RunFigures[]): CompareRow[] {
  const keys: string[] = [];
  for (const r of runs) for (const k of Object.keys(r.figures)) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => {
    const values = runs.map((r) => r.figures[key]);
    const ref = values[0];
    const deltas = values.map((v, i) => (i === 0 || v === undefined || ref === undefined ? undefined : v - ref));
    const verdicts = deltas.map((d) => (d === undefined ? undefined : Math.abs(d) < 1e-12 ? 0 : (d < 0) === lowerIsBetter(key) ? 1 : -1));
    return { key, values, deltas, verdicts, percent: FRACTIONS.has(key) };
  });
}

/** ID switches of Type 1, 2, 3 in `sequence` (COMBINED_SEQ: every sequence). */
export function switchTypeCounts(events: Readonly<Record<string, readonly unknown[]>>, sequence = 'COMBINED_SEQ'): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (const [s, list] of Object.entries(events)) {
    if (sequence !== 'COMBINED_SEQ' && s !== sequence) continue;
    for (const e of storedSwitches(list, s)) out[e.type - 1] = out[e.type - 1]! + 1;
  }
  return out;
}

/** A figure as the tables show it: fractions as percentages, counts as integers. */
export function formatFigure(v: number | undefined, percent: boolean, signed = false): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  const sign = signed && v > 0 ? '+' : '';
  if (percent) return `${sign}${(100 * v).toFixed(2)}`;
  if (Number.isInteger(v)) return `${sign}${v}`;
  return `${sign}${Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(4)}`;
}
