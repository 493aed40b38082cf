// `trackwright track --project FILE ...`: tracking as a job on a project's detection set (track.start),
// the result written as a result set of the project; with --eval, that set evaluated (eval.start) and
// its metrics stored and printed. The only way to run the MPN graph tracker, whose model is a training
// run of the project (--tracker mpn --model RUNID).
import { parseParam, TRACKER_KINDS, type TrackerKind } from '../../../src-shared/tracking/registry';
import type { CommandContext } from '../command';
import { call, CliError, intOption, table } from '../command';
import { waitForJob } from '../jobWait';
import { sequenceList } from './trainCmd';

/** Trackers of the project form: the file form's and the MPN. */
export const PROJECT_TRACKERS = [...TRACKER_KINDS, 'mpn'] as const;

/** The MPN's parameters (services/runs/mpnTrack.ts checks them). */
const MPN_PARAMS = ['threshold', 'minTrackLength', 'interpolate'];

/** A --param value for `tracker`: the registry's parser, or for the MPN a number or a boolean. */
function parseTrackerParam(tracker: (typeof PROJECT_TRACKERS)[number], key: string, raw: string): number | boolean | string {
  if (tracker !== 'mpn') {
    const r = parseParam(tracker, key, raw);
    if ('error' in r) throw new CliError(r.error, 2);
    return r.value;
  }
  if (!MPN_PARAMS.includes(key)) throw new CliError(`unknown mpn parameter ${JSON.stringify(key)} (${MPN_PARAMS.join(', ')})`, 2);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new CliError(`--param ${key} needs a number, got ${JSON.stringify(raw)}`, 2);
  return n;
}

const pct = (x: unknown): string => (typeof x === 'number' && Number.isFinite(x) ? (100 * x).toFixed(3) : '–');

/** Runs the project form; `values` are the track command's parsed options. */
export async function trackInProject(values: Record<string, unknown>, ctx: CommandContext): Promise<number> {
  const project = values['project'] as string;
  const tracker = values['tracker'] as string | undefined;
  if (!tracker) throw new CliError('track needs --tracker (see: trackwright track --help)', 2);
  if (!(PROJECT_TRACKERS as readonly string[]).includes(tracker)) throw new CliError(`unknown tracker ${JSON.stringify(tracker)} (${PROJECT_TRACKERS.join(', ')})`, 2);
  const kind = tracker as TrackerKind | 'mpn';
  const detectionSet = values['dets'] as string | undefined;
  if (!detectionSet) throw new CliError('track --project needs --dets NAME (a detection set of the project)', 2);
  for (const k of ['out', 'seqinfo', 'det-file', 'format', 'preset'] as const) {
    if (values[k] !== undefined) throw new CliError(`--${k} applies to detection files; with --project the result is a result set (write it out with trackwright export --project FILE --sequence S --source res:NAME --out FILE.txt)`, 2);
  }
  const model = intOption('model', values['model'], 1);
  if (kind === 'mpn' && model === undefined) throw new CliError('--tracker mpn needs --model RUNID (an MPN training run: trackwright train --model mpn)', 2);
  if (model !== undefined && kind !== 'mpn' && kind !== 'appearance') throw new CliError('--model applies to the mpn and appearance trackers', 2);
  const params: Record<string, number | boolean | string> = {};
  for (const kv of (values['param'] as string[] | undefined) ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new CliError(`--param needs key=value, got ${JSON.stringify(kv)}`, 2);
    params[kv.slice(0, eq)] = parseTrackerParam(kind, kv.slice(0, eq), kv.slice(eq + 1));
  }
  const sequences = sequenceList(values['sequences']);
  const resultSet = values['result-set'] as string | undefined;
  await call(ctx, 'projects.open', { path: project });
  const job = await call(ctx, 'track.start', {
    project,
    detectionSet,
    tracker: kind,
    ...(sequences ? { sequences } : {}),
    ...(Object.keys(params).length ? { params } : {}),
    ...(model !== undefined ? { modelRunId: model } : {}),
    ...(resultSet !== undefined ? { resultSet } : {}),
  });
  ctx.info(`tracking run ${job.runId} started`);
  const end = await waitForJob(ctx, job.jobId, { everyMs: 2000 });
  if (end.state === 'failed') throw new CliError(`tracking run ${job.runId} failed: ${end.error?.message ?? 'unknown error'}`);
  const run = (await call(ctx, 'runs.get', { project, runId: job.runId })).run;
  const s = run.summary as { resultSet?: string; rows: number; sequences: number; tracks?: number; durationMs: number };
  if (end.state === 'cancelled' || !s.resultSet) {
    ctx.out(`tracking run ${job.runId} ${end.state}; no result set written`);
    return 1;
  }
  ctx.out(`run ${job.runId} succeeded: result set ${s.resultSet}, ${s.rows} rows${s.tracks !== undefined ? `, ${s.tracks} tracks` : ''} on ${s.sequences} sequence(s), ${(s.durationMs / 1000).toFixed(1)} s on ${run.backend ?? 'the main'} backend`);
  if (!values['eval']) return 0;
  const ev = await call(ctx, 'eval.start', { project, resultSet: s.resultSet, ...(sequences ? { sequences } : {}) });
  ctx.info(`evaluation run ${ev.runId} started`);
  const evEnd = await waitForJob(ctx, ev.jobId, { everyMs: 2000 });
  if (evEnd.state !== 'succeeded') throw new CliError(`evaluation run ${ev.runId} ${evEnd.state}: ${evEnd.error?.message ?? ''}`);
  const metrics = (await call(ctx, 'runs.get', { project, runId: ev.runId })).metrics;
  const names = Object.keys(metrics).sort((a, b) => (a === 'COMBINED_SEQ' ? 1 : b === 'COMBINED_SEQ' ? -1 : a.localeCompare(b)));
  ctx.out(`evaluation run ${ev.runId} (metrics stored with it):`);
  for (const l of table(['SEQUENCE', 'HOTA', 'IDF1', 'MOTA', 'IDSW'], names.map((n) => [n, pct(metrics[n]!['HOTA']), pct(metrics[n]!['IDF1']), pct(metrics[n]!['MOTA']), String(metrics[n]!['IDSW'] ?? '–')]))) ctx.out(l);
  return 0;
}

/** The project form's usage lines of `trackwright track --help`. */
export const TRACK_PROJECT_USAGE = `  trackwright track --project FILE --tracker NAME --dets SET [--sequences S,...] [--model RUNID]
                    [--param key=value ...] [--result-set NAME] [--eval]`;

/** The project form's explanation, at the end of `trackwright track --help`. */
export const TRACK_PROJECT_HELP = `With --project, tracking runs as a job on the project's detection set SET and writes a result set
(default name <tracker>-run<id>); --eval then evaluates it against the annotations and stores the metrics.

  --project FILE      the project file
  --tracker NAME      ${PROJECT_TRACKERS.join(' | ')}
  --dets SET          the detection set's name
  --model RUNID       mpn: an MPN training run (required); appearance: a training run whose CNN embeds crops
  --sequences S,...   sequences to track (default: every sequence with the detection set)
  --result-set NAME   name of the result set to write
  --eval              evaluate the result set (HOTA, IDF1, MOTA, IDSW per sequence) and store the metrics
  --param key=value   as above; the MPN takes threshold (rounding threshold on edge probabilities,
                      default 0.5), minTrackLength (default 2) and interpolate (fill gaps, default true)`;
