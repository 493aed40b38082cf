// Training curves as the charts draw them (pure; tested in test/unit/renderer/trainSeries.test.ts): one
// point per step from live progress events (losses, λs/λt, crops/s) or from a run's stored curves
// (losses, λ, ms per step), merged by step, thinned for drawing.

/** One step's figures. */
export interface TrainPoint {
  readonly step: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaS?: number | undefined;
  readonly lambdaT?: number | undefined;
  /** Live progress only: crops/s (appearance CNN) or edges/s (MPN). */
  readonly cropsPerSec?: number | undefined;
  readonly edgesPerSec?: number | undefined;
  /** Stored curves only. */
  readonly stepMs?: number | undefined;
  /** An ablation arm's points carry their arm and seed. */
  readonly series?: string | undefined;
}

/** A validation point. */
export interface ValidationPoint {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

type Obj = Record<string, unknown>;
const finite = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

function numbers(x: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (x && typeof x === 'object') for (const [k, v] of Object.entries(x as Obj)) if (finite(v) !== undefined) out[k] = v as number;
  return out;
}

/** The point in a `jobs.progress` detail of a training (or ablation arm's) step, else undefined. */
export function pointFromDetail(detail: unknown): TrainPoint | undefined {
  const d = detail as Obj | null;
  if (!d || typeof d !== 'object' || d['phase'] !== 'train' || finite(d['step']) === undefined) return undefined;
  const series = typeof d['arm'] === 'string' ? `${d['arm']} (seed ${d['seed']})` : undefined;
  const edgesPerSec = finite(d['edgesPerSec']);
  return { step: d['step'] as number, losses: numbers(d['losses']), lambdaS: finite(d['lambdaS']), lambdaT: finite(d['lambdaT']), cropsPerSec: finite(d['cropsPerSec']), ...(edgesPerSec !== undefined ? { edgesPerSec } : {}), series };
}

/** Points from a stored `curves` artifact (an array of {step, losses, lambdaS?, lambdaT?, stepMs}). */
export function pointsFromCurves(curves: unknown): TrainPoint[] {
  if (!Array.isArray(curves)) throw new Error('the curves artifact is not a list of points');
  return curves.flatMap((c: Obj) => (finite(c?.['step']) === undefined ? [] : [{ step: c['step'] as number, losses: numbers(c['losses']), lambdaS: finite(c['lambdaS']), lambdaT: finite(c['lambdaT']), stepMs: finite(c['stepMs']) }]));
}

/** Validation points from a stored `validation` artifact. */
export function validationFrom(x: unknown): ValidationPoint[] {
  if (!Array.isArray(x)) return [];
  return x.flatMap((v: Obj) => (finite(v?.['step']) === undefined ? [] : [{ step: v['step'] as number, metrics: numbers(v['metrics']) }]));
}

/** `points` with `p` added (a point of the same series and step replaces the older one), in step order. */
export function addPoint(points: readonly TrainPoint[], p: TrainPoint): TrainPoint[] {
  const last = points[points.length - 1];
  if (last && last.series === p.series && last.step < p.step) return [...points, p];
  const out = points.filter((q) => !(q.series === p.series && q.step === p.step));
  out.push(p);
  return out.sort((a, b) => (a.series ?? '').localeCompare(b.series ?? '') || a.step - b.step);
}

/** Loss terms present in `points`: total first, then in order of appearance. */
export function lossTerms(points: readonly TrainPoint[]): string[] {
  const terms = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.losses)) terms.add(k);
  return [...terms].sort((a, b) => (a === 'total' ? -1 : b === 'total' ? 1 : 0));
}

/** At most `max` points, evenly spaced, always keeping the last (thousands of steps draw slowly). */
export function thin<T>(points: readonly T[], max = 1500): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(points[Math.round(k * stride)]!);
  return out;
}
