// The ablation report of METHODS.md §6.4-7: per arm, each metric's mean ± sd over seeds (per test
// sequence and combined); per arm against the baseline, the paired difference per sequence (same seed
// = same initialisation and sampler stream), mean ± sd over seeds; over sequences, the mean of the
// seed-averaged differences with a 95 % percentile-bootstrap CI (10 000 resamples of sequences), a
// bootstrap p-value and its Holm correction across arms, when there are enough sequences.
import { mulberry32 } from '../util/random';
import { NO_TRAINING, type AblationRow } from './ablationWire';

/** The metrics the report tabulates (switch types per 1000 GT boxes). */
export const ABLATION_METRICS = ['HOTA', 'DetA', 'AssA', 'IDF1', 'MOTA', 'IDSW', 'Frag', 'type1Per1k', 'type2Per1k', 'type3Per1k'] as const;

/** Metrics where lower is better (an improvement is a negative difference). */
const LOWER_IS_BETTER = new Set(['IDSW', 'Frag', 'type1Per1k', 'type2Per1k', 'type3Per1k']);

/** A mean with its sample standard deviation (0 for one value) over n values. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** One arm's figures. */
export interface ArmTable {
  readonly arm: string;
  readonly seeds: number;
  readonly perSequence: Readonly<Record<string, Readonly<Record<string, MeanSd>>>>;
  readonly combined: Readonly<Record<string, MeanSd>>;
}

/** Over-sequence statistics of one arm's difference to the baseline in one metric. */
export interface DifferenceSummary {
  /** Mean over sequences of the seed-averaged paired differences. */
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
  readonly p: number | null;
  readonly pHolm: number | null;
  /** CI excludes 0 in the better direction and Holm-corrected p < 0.05; null without a CI. */
  readonly improved: boolean | null;
}

/** One arm against the baseline. */
export interface ArmDifference {
  readonly arm: string;
  readonly versus: string;
  readonly perSequence: Readonly<Record<string, Readonly<Record<string, MeanSd>>>>;
  readonly overSequences: Readonly<Record<string, DifferenceSummary>>;
}

/** The report stored on an ablation run (artifact `report`). */
export interface AblationReport {
  readonly format: 'trackwright.ablation-report';
  readonly version: 1;
  readonly metrics: readonly string[];
  /** §6.4-7: ΔIDF1 is the primary comparison. */
  readonly primary: 'IDF1';
  readonly reference: string;
  readonly sequences: readonly string[];
  readonly seeds: readonly number[];
  readonly arms: readonly ArmTable[];
  readonly differences: readonly ArmDifference[];
  readonly ci: { readonly method: string; readonly resamples: number; readonly minSequences: number; readonly available: boolean; readonly note: string };
}

/** Mean and sample sd. */
export function meanSd(xs: readonly number[]): MeanSd {
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** Percentile bootstrap of the mean of `xs` (resampled with replacement): CI and two-sided p of "mean = 0". */
export function bootstrapMean(xs: readonly number[], resamples: number, seed: number): { ci95: [number, number]; p: number } {
  const u = mulberry32(seed);
  const n = xs.length;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += xs[Math.floor(u() * n)]!;
    means[r] = s / n;
  }
  means.sort();
  const q = (p: number): number => means[Math.min(resamples - 1, Math.max(0, Math.round(p * (resamples - 1))))]!;
  let le = 0;
  let ge = 0;
  for (const m of means) {
    if (m <= 0) le++;
    if (m >= 0) ge++;
  }
  return { ci95: [q(0.025), q(0.975)], p: Math.min(1, (2 * Math.min(le, ge)) / resamples) };
}

/** Holm's step-down adjustment of p-values (same order as given). */
export function holm(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (ps.length - k) * p));
    out[i] = running;
  });
  return out;
}

/** Options of the report. */
export interface ReportOptions {
  readonly arms: readonly string[];
  readonly seeds: readonly number[];
  readonly sequences: readonly string[];
  readonly reference?: string;
  readonly resamples?: number;
  /** Fewer test sequences than this: no CI (a bootstrap over 1–4 sequences says little). */
  readonly minSequences?: number;
  readonly seed?: number;
}

/** Builds the report from the worker's rows (one per arm, seed and sequence, plus COMBINED_SEQ). */
export function ablationReport(rows: readonly AblationRow[], o: ReportOptions): AblationReport {
  const reference = o.reference ?? 'baseline';
  const resamples = o.resamples ?? 10_000;
  const minSequences = o.minSequences ?? 5;
  const value = (arm: string, seed: number | null, seq: string, metric: string): number | undefined =>
    rows.find((r) => r.arm === arm && r.seed === seed && r.sequence === seq)?.metrics[metric];
  const seedsOf = (arm: string): (number | null)[] => (arm === NO_TRAINING ? [null] : [...o.seeds]);
  const stat = (arm: string, seq: string): Record<string, MeanSd> =>
    Object.fromEntries(ABLATION_METRICS.map((k) => [k, meanSd(seedsOf(arm).map((s) => value(arm, s, seq, k)).filter((v): v is number => v !== undefined))]));
  const allArms = rows.some((r) => r.arm === NO_TRAINING) ? [NO_TRAINING, ...o.arms] : [...o.arms];
  const arms: ArmTable[] = allArms.map((arm) => ({
    arm,
    seeds: seedsOf(arm).length,
    perSequence: Object.fromEntries(o.sequences.map((s) => [s, stat(arm, s)])),
    combined: stat(arm, 'COMBINED_SEQ'),
  }));
  const canCi = o.sequences.length >= minSequences;
  const compared = o.arms.filter((a) => a !== reference);
  const draft = compared.map((arm, ai) => {
    const perSequence: Record<string, Record<string, MeanSd>> = {};
    const bySeqMeans: Record<string, number[]> = {};
    for (const s of o.sequences) {
      perSequence[s] = {};
      for (const k of ABLATION_METRICS) {
        const ds = o.seeds.flatMap((seed) => {
          const a = value(arm, seed, s, k);
          const b = value(reference, seed, s, k);
          return a === undefined || b === undefined ? [] : [a - b];
        });
        perSequence[s][k] = meanSd(ds);
        (bySeqMeans[k] ??= []).push(perSequence[s][k].mean);
      }
    }
    const boot = Object.fromEntries(
      ABLATION_METRICS.map((k, mi) => {
        const xs = (bySeqMeans[k] ?? []).filter((x) => Number.isFinite(x));
        return [k, canCi && xs.length >= minSequences ? bootstrapMean(xs, resamples, (o.seed ?? 0) + 7919 * ai + mi) : null];
      }),
    );
    return { arm, perSequence, bySeqMeans, boot };
  });
  const differences: ArmDifference[] = draft.map((d, ai) => ({
    arm: d.arm,
    versus: reference,
    perSequence: d.perSequence,
    overSequences: Object.fromEntries(
      ABLATION_METRICS.map((k) => {
        const b = d.boot[k];
        const ps = draft.map((x) => x.boot[k]?.p ?? 1);
        const pHolm = b ? holm(ps)[ai]! : null;
        const better = (lo: number, hi: number): boolean => (LOWER_IS_BETTER.has(k) ? hi < 0 : lo > 0);
        const summary: DifferenceSummary = {
          mean: meanSd((d.bySeqMeans[k] ?? []).filter((x) => Number.isFinite(x))).mean,
          ci95: b ? b.ci95 : null,
          p: b ? b.p : null,
          pHolm,
          improved: b ? better(b.ci95[0], b.ci95[1]) && pHolm! < 0.05 : null,
        };
        return [k, summary];
      }),
    ),
  }));
  const note = canCi
    ? `95 % percentile bootstrap over ${o.sequences.length} test sequences, ${resamples} resamples; Holm-corrected across ${compared.length} arm(s)`
    : `no CI: it needs at least ${minSequences} test sequences, got ${o.sequences.length}`;
  return {
    format: 'trackwright.ablation-report',
    version: 1,
    metrics: [...ABLATION_METRICS],
    primary: 'IDF1',
    reference,
    sequences: [...o.sequences],
    seeds: [...o.seeds],
    arms,
    differences,
    ci: { method: 'percentile bootstrap over sequences', resamples, minSequences, available: canCi, note },
  };
}
