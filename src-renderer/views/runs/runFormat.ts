// How runs read in the history, the details and the comparison: durations, times, a one-line summary
// of each kind's configuration, headline figures, and which numbers are better when lower. Pure (tested
// in test/unit/renderer/runFormat.test.ts).
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const list = (x: unknown): string => (Array.isArray(x) ? (x.length <= 2 ? x.join(', ') : `${x[0]} +${x.length - 1}`) : '');

/** "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const total = Math.round(s);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

/** A run's wall time: start to finish, or to `nowMs` while it runs. */
export function runDurationMs(r: Pick<RunSummary, 'startedMs' | 'finishedMs' | 'state'>, nowMs: number): number | null {
  if (r.startedMs === null) return null;
  if (r.finishedMs !== null) return r.finishedMs - r.startedMs;
  return r.state === 'running' ? nowMs - r.startedMs : null;
}

/** "just now", "5 min ago", "3 h ago", else the local date and time. */
export function formatWhen(ms: number, nowMs: number): string {
  const ago = nowMs - ms;
  if (ago < 45_000) return 'just now';
  if (ago < 3_600_000) return `${Math.round(ago / 60_000)} min ago`;
  if (ago < 86_400_000) return `${Math.round(ago / 3_600_000)} h ago`;
  const d = new Date(ms);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** True for an embedding-diagnostics run (a child of a training run, kind eval). */
export function isDiagnostics(r: Pick<RunSummary, 'config'>): boolean {
  return obj(r.config)['diagnostics'] === 'embeddings';
}

/** 'reid' or 'mpn' for a training run (older runs have no model field: reid). */
export function trainModel(r: Pick<RunSummary, 'config'>): 'reid' | 'mpn' {
  const c = obj(r.config);
  return c['model'] === 'mpn' || obj(c['request'])['model'] === 'mpn' ? 'mpn' : 'reid';
}

/** A one-line summary of what a run was asked to do. */
export function configSummary(r: Pick<RunSummary, 'kind' | 'config'>): string {
  const c = obj(r.config);
  switch (r.kind) {
    case 'eval':
      if (isDiagnostics(r)) return `embeddings of run ${c['modelRunId']} on ${c['sequence']}, k = ${c['gap']}`;
      return `${c['resultSet'] ?? '?'} on ${list(c['sequences'])} (${c['benchmark'] ?? '?'})`;
    case 'track':
      return `${c['tracker'] ?? '?'} on ${c['detectionSet'] ?? '?'} · ${list(c['sequences'])}${num(c['modelRunId']) ? ` · model run ${c['modelRunId']}` : ''}`;
    case 'tune':
      return `${c['tracker'] ?? '?'} for ${c['metric'] ?? '?'}, ${c['trials'] ?? '?'} trials (${c['sampler'] ?? 'tpe'})`;
    case 'train': {
      const q = obj(c['request']);
      const lr = num(q['learningRate']);
      const model = trainModel(r) === 'mpn' ? 'MPN · ' : '';
      return `${model}${c['loss'] ?? q['loss'] ?? '?'} · ${q['steps'] ?? '?'} steps${lr ? ` · lr ${lr}` : ''} · ${list(c['trainSequences'])}${c['detectionSet'] ? ` · ${c['detectionSet']}` : ''}${num(c['resumedFrom']) ? ` · resumes run ${c['resumedFrom']}` : ''}`;
    }
    case 'ablate':
      return `${list(c['arms'])} · ${Array.isArray(c['seeds']) ? c['seeds'].length : '?'} seeds · ${c['steps'] ?? '?'} steps · test ${list(c['testSequences'])}`;
  }
}

/** The numeric figures of a run's summary, nested objects flattened ("losses.total", "arms.baseline.IDF1"). */
export function summaryFigures(r: Pick<RunSummary, 'summary'>): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (x: Obj, prefix: string, depth: number): void => {
    for (const [k, v] of Object.entries(x)) {
      if (num(v) !== undefined) {
        if (!(depth > 0 && k === 'step')) out[prefix + k] = v as number;
      } else if (depth < 2 && v && typeof v === 'object' && !Array.isArray(v)) walk(v as Obj, `${prefix}${k}.`, depth + 1);
    }
  };
  walk(obj(r.summary), '', 0);
  return out;
}

/** The few figures the history table shows for a run. */
export function headline(r: Pick<RunSummary, 'kind' | 'summary' | 'config'>): [string, string][] {
  const f = summaryFigures(r);
  const pct = (v: number | undefined): string => (v === undefined ? '–' : (100 * v).toFixed(1));
  const pick = (keys: readonly [string, string, (v: number | undefined) => string][]): [string, string][] => keys.filter(([k]) => f[k] !== undefined).map(([k, label, fmt]) => [label, fmt(f[k])]);
  const fixed = (d: number) => (v: number | undefined) => (v === undefined ? '–' : v.toFixed(d));
  switch (r.kind) {
    case 'eval':
      if (isDiagnostics(r)) return pick([['auc', 'AUC', fixed(3)], ['rank1', 'rank-1', pct], ['interMean', 'inter', fixed(2)], ['sameMean', 'same', fixed(2)]]);
      return pick([['HOTA', 'HOTA', pct], ['IDF1', 'IDF1', pct], ['MOTA', 'MOTA', pct], ['IDSW', 'IDSW', fixed(0)]]);
    case 'track':
      return pick([['rows', 'boxes', fixed(0)]]);
    case 'tune':
      return pick([['best', String(obj(r.summary)['metric'] ?? 'best'), pct], ['defaults', 'defaults', pct]]);
    case 'train':
      return pick([['losses.total', 'loss', fixed(4)], ['steps', 'steps', fixed(0)], ['cropsPerSec', 'crops/s', fixed(0)]]);
    case 'ablate':
      return Object.keys(f)
        .filter((k) => k.startsWith('deltaIDF1.'))
        .map((k) => [`ΔIDF1 ${k.slice(10)}`, `${f[k]! >= 0 ? '+' : ''}${(100 * f[k]!).toFixed(1)}`]);
  }
}

/** Figures where lower is better (counts of errors, losses, durations). */
export function lowerIsBetter(key: string): boolean {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return key.startsWith('losses.') || /^(IDSW|Frag|ML|CLR_FN|CLR_FP|IDFN|IDFP|type[123](Per1k)?|durationMs|interMean|interAbove09)$/.test(last);
}
