// The ID-switch review queue (PRODUCT.md §4 items 1 and 6): an evaluation's stored switch events read
// back and checked, each sequence taken from its newest re-evaluation when the annotations were fixed
// since (eval.refresh child runs), then filtered by type and sequence and ranked by IDF1 impact or frame.
import type { RefreshConfig } from '../ipc/contract/review';
import { compareNatural } from '../util/naturalSort';
import type { NewIdKind, SwitchType } from './idSwitches';

/** One switch event of the queue: what the stored SwitchEvent says, with its sequence and a stable key. */
export interface QueueEvent {
  readonly key: string;
  readonly sequence: string;
  readonly frame: number;
  readonly gtId: number;
  readonly prevTrackerId: number;
  readonly newTrackerId: number;
  readonly lastMatchedFrame: number;
  readonly gap: number;
  readonly type: SwitchType;
  readonly partnerGtId: number | null;
  readonly mutual: boolean;
  readonly kind: NewIdKind;
  /** Other GT objects near the switching one at the switch frame, nearest first. */
  readonly nearbyGtIds: readonly number[];
  /** IDTP gained if the switch were undone (analysis/idtpCost.ts). */
  readonly idtpCost: number;
}

/** One evaluation's stored results (runs.get with events). */
export interface StoredEvaluation {
  readonly metrics: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly events: Readonly<Record<string, readonly unknown[]>>;
}

/** One sequence of the review: metrics and events, and the re-evaluation they come from (if any). */
export interface SequenceReview {
  readonly sequence: string;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly events: readonly QueueEvent[];
  readonly refreshedBy: { readonly runId: number; readonly revision: number | null } | null;
}

const KINDS: readonly string[] = ['own', 'recycled', 'fresh'];

/** Reads one sequence's stored events (fragmentations are skipped); throws naming the bad event and field. */
export function parseSwitchEvents(sequence: string, raw: readonly unknown[], where: string): QueueEvent[] {
  const out: QueueEvent[] = [];
  raw.forEach((item, i) => {
    const bad = (field: string, expected: string): never => {
      const v = (item as Record<string, unknown> | null)?.[field];
      throw new Error(`${where}, ${sequence}, event ${i + 1}: ${field} is ${JSON.stringify(v) ?? 'missing'}, expected ${expected}`);
    };
    if (typeof item !== 'object' || item === null) throw new Error(`${where}, ${sequence}, event ${i + 1}: not an object`);
    const e = item as Record<string, unknown>;
    if (e['kind'] === 'fragmentation') return;
    const num = (f: string): number => (typeof e[f] === 'number' && Number.isFinite(e[f]) ? (e[f] as number) : bad(f, 'a number'));
    const type = e['type'];
    if (type !== 1 && type !== 2 && type !== 3) bad('type', '1, 2 or 3');
    const partner = e['partnerGtId'];
    if (partner !== null && typeof partner !== 'number') bad('partnerGtId', 'a number or null');
    if (typeof e['mutual'] !== 'boolean') bad('mutual', 'true or false');
    if (typeof e['kind'] !== 'string' || !KINDS.includes(e['kind'])) bad('kind', 'own, recycled or fresh');
    const nearby = e['nearby'];
    if (!Array.isArray(nearby) || nearby.some((n) => typeof (n as { gtId?: unknown } | null)?.gtId !== 'number')) bad('nearby', 'a list of {gtId}');
    const ev = { frame: num('frame'), gtId: num('gtId'), prevTrackerId: num('prevTrackerId'), newTrackerId: num('newTrackerId') };
    out.push({
      key: `${sequence}:${ev.frame}:${ev.gtId}:${ev.prevTrackerId}:${ev.newTrackerId}`,
      sequence,
      ...ev,
      lastMatchedFrame: num('lastMatchedFrame'),
      gap: num('gap'),
      type: type as SwitchType,
      partnerGtId: partner as number | null,
      mutual: e['mutual'] as boolean,
      kind: e['kind'] as NewIdKind,
      nearbyGtIds: (nearby as { gtId: number }[]).map((n) => n.gtId),
      idtpCost: num('idtpCost'),
    });
  });
  return out;
}

/** A child run as runs.get lists it (what the merge reads). */
export interface ChildRun {
  readonly id: number;
  readonly state: string;
  readonly config: unknown;
}

/**
 * A refresh child run's config (eval.refresh), or undefined for any other child (tuning trials, ...).
 * A plain check rather than the zod schema: the renderer bundle stays free of zod.
 */
export function refreshConfigOf(config: unknown): RefreshConfig | undefined {
  const c = config as Partial<Record<keyof RefreshConfig, unknown>> | null;
  if (!c || typeof c !== 'object') return undefined;
  const ok =
    typeof c.refreshOf === 'number' && typeof c.sequence === 'string' && (c.revision === null || typeof c.revision === 'number') &&
    typeof c.resultSet === 'string' && typeof c.benchmark === 'string' && typeof c.preprocess === 'boolean';
  return ok ? (c as RefreshConfig) : undefined;
}

/** The newest succeeded refresh child of each sequence: sequence -> {runId, revision}. */
export function latestRefreshes(children: readonly ChildRun[]): Map<string, { runId: number; revision: number | null }> {
  const out = new Map<string, { runId: number; revision: number | null }>();
  for (const c of children) {
    if (c.state !== 'succeeded') continue;
    const cfg = refreshConfigOf(c.config);
    if (!cfg) continue;
    const prev = out.get(cfg.sequence);
    if (!prev || prev.runId < c.id) out.set(cfg.sequence, { runId: c.id, revision: cfg.revision });
  }
  return out;
}

/**
 * Each sequence of the run (natural order), from its newest re-evaluation when there is one, else from
 * the run itself. `refreshed` maps a sequence to that re-evaluation's stored results.
 */
export function mergeEvaluation(
  runId: number,
  run: StoredEvaluation,
  refreshed: ReadonlyMap<string, { readonly runId: number; readonly revision: number | null; readonly evaluation: StoredEvaluation }>,
): SequenceReview[] {
  const names = Object.keys(run.metrics).filter((s) => s !== 'COMBINED_SEQ').sort(compareNatural);
  return names.map((sequence) => {
    const r = refreshed.get(sequence);
    const src = r?.evaluation ?? run;
    const metrics = src.metrics[sequence];
    if (!metrics) throw new Error(`run ${r?.runId ?? runId} has no metrics for ${sequence}`);
    return {
      sequence,
      metrics,
      events: parseSwitchEvents(sequence, src.events[sequence] ?? [], `run ${r?.runId ?? runId}`),
      refreshedBy: r ? { runId: r.runId, revision: r.revision } : null,
    };
  });
}

/** What the queue shows: one type or all, one sequence or all, in one order. */
export interface QueueQuery {
  readonly type: SwitchType | 'all';
  readonly sequence: string | null;
  readonly sort: 'impact' | 'frame';
}

const byPlace = (order: ReadonlyMap<string, number>) => (a: QueueEvent, b: QueueEvent): number =>
  (order.get(a.sequence) ?? 0) - (order.get(b.sequence) ?? 0) || a.frame - b.frame || a.gtId - b.gtId || a.newTrackerId - b.newTrackerId;

/** The events of `reviews` that match the query, sorted (impact: IDTP cost, largest first; ties by place). */
export function queryQueue(reviews: readonly SequenceReview[], q: QueueQuery): QueueEvent[] {
  const order = new Map(reviews.map((r, i) => [r.sequence, i]));
  const place = byPlace(order);
  const picked = reviews.filter((r) => q.sequence === null || r.sequence === q.sequence).flatMap((r) => r.events.filter((e) => q.type === 'all' || e.type === q.type));
  return picked.sort(q.sort === 'impact' ? (a, b) => b.idtpCost - a.idtpCost || place(a, b) : place);
}

/** Switch counts per type over the sequences shown (the type filter does not apply: the chart compares types). */
export function typeCounts(reviews: readonly SequenceReview[], sequence: string | null): Record<SwitchType, number> {
  const c: Record<SwitchType, number> = { 1: 0, 2: 0, 3: 0 };
  for (const r of reviews) if (sequence === null || r.sequence === sequence) for (const e of r.events) c[e.type]++;
  return c;
}

/**
 * The sequence's IDF1 gain (a fraction) if a switch costing `idtpCost` were undone: IDTP grows by the
 * cost and IDFN, IDFP shrink by it, so IDF1 = IDTP / (IDTP + (IDFP + IDFN)/2) gains cost / (IDTP +
 * (IDFP + IDFN)/2). Null when the metrics lack the identity counts.
 */
export function idf1Gain(idtpCost: number, metrics: Readonly<Record<string, unknown>>): number | null {
  const [tp, fp, fn] = ['IDTP', 'IDFP', 'IDFN'].map((k) => metrics[k]);
  if (typeof tp !== 'number' || typeof fp !== 'number' || typeof fn !== 'number') return null;
  const denom = tp + (fp + fn) / 2;
  return denom > 0 ? idtpCost / denom : null;
}

/** Where the selection goes when the queue changes: the same event if still there, else the same position. */
export function reselect(list: readonly QueueEvent[], key: string | undefined, index: number): number {
  if (list.length === 0) return -1;
  const same = key === undefined ? -1 : list.findIndex((e) => e.key === key);
  return same >= 0 ? same : Math.min(Math.max(index, 0), list.length - 1);
}
