// eval.start, track.start and tune.start: read the project's data, start the worker through the job
// runner, and store what comes back (metrics and events per sequence, result sets, trials).
import { join } from 'node:path';
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import type { EvaluatePayload, EvaluateResult, JobSequence, TrackPayload, TrackResult, TuneProgress, TunePayload, TuneResult } from '../../../src-shared/jobs/messages';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import type { MotTable } from '../../../src-shared/formats/motTable';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { sequenceTables, tableBuffers } from '../evaluation/projectTables';
import { exportRows } from '../exports/exportMot';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';
import { isMpnRun } from '../training/mpnArtifacts';
import { startMpnTrack } from './mpnTrack';

/** Headline fields a history table shows. */
const HEADLINE = ['HOTA', 'DetA', 'AssA', 'MOTA', 'IDF1', 'IDSW', 'Frag'] as const;

function headline(fields: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(HEADLINE.map((k) => [k, fields[k]!]));
}

/** Starts evaluation, tracking and tuning jobs. */
export class JobsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly runner: JobRunner,
    private readonly workersDir: URL | undefined,
  ) {}

  #worker(name: string): URL {
    if (!this.workersDir) fail('unsupported', 'this build has no worker entries (run npm run build)');
    return new URL(`${name}.js`, this.workersDir);
  }

  /** The sequences a job runs on: the given ones, or every sequence that has the needed set. */
  #sequences(store: ProjectStore, refs: readonly (number | string)[] | undefined, set: { kind: 'det' | 'res'; name: string }, needGt: boolean): SequenceRow[] {
    const seqs = refs
      ? refs.map((r) => resolveSequence(store, r))
      : store.sequences.list().filter((s) => store.sets.find(s.id, set.kind, set.name) && (!needGt || store.boxes.count(s.id) > 0));
    if (seqs.length === 0) fail('not_found', `No sequence has a ${set.kind === 'det' ? 'detection' : 'result'} set named ${set.name}${needGt ? ' and annotations' : ''}`);
    for (const s of seqs) {
      if (!store.sets.find(s.id, set.kind, set.name)) fail('not_found', `${s.name} has no ${set.kind === 'det' ? 'detection' : 'result'} set named ${set.name}`);
      if (needGt && store.boxes.count(s.id) === 0) fail('invalid_request', `${s.name} has no annotations to evaluate against`);
    }
    return seqs;
  }

  startEval(r: Req<'eval.start'>): Res<'eval.start'> {
    const store = this.projects.store(r.project);
    const seqs = this.#sequences(store, r.sequences, { kind: 'res', name: r.resultSet }, true);
    const benchmark = (r.benchmark ?? seqs.find((s) => s.benchmark)?.benchmark ?? 'MOT17') as Benchmark;
    const tables = seqs.map((s) => sequenceTables(store, s, { kind: 'res', name: r.resultSet }));
    const payload: EvaluatePayload = {
      benchmark,
      doPreproc: r.preprocess ?? true,
      sequences: tables.map((t) => ({ name: t.name, seqLength: t.seqLength, fps: t.fps, gtHasClassVisibility: t.gtHasClassVisibility ?? true, gt: t.gt, tracker: t.tracker })),
    };
    const job = this.runner.start(store, {
      kind: 'eval',
      title: r.title ?? `Evaluate ${r.resultSet} on ${seqs.length === 1 ? seqs[0]!.name : `${seqs.length} sequences`}`,
      config: { resultSet: r.resultSet, sequences: seqs.map((s) => s.name), benchmark, preprocess: payload.doPreproc },
      worker: this.#worker('evaluate.worker'),
      payload,
      transfer: tableBuffers(tables.flatMap((t) => [t.gt, t.tracker])),
      describeProgress: (p) => {
        const q = p as { done: number; total: number; name: string };
        return { done: q.done, total: q.total, message: `evaluated ${q.name}` };
      },
      onFinished: (res: EvaluateResult, runId) => {
        for (const s of res.sequences) {
          store.runs.putSequence(runId, s.name, { ...s.fields, perAlpha: s.perAlpha }, s.switches ? [...s.switches.events, ...s.switches.fragmentations.map((f) => ({ ...f, kind: 'fragmentation' }))] : []);
        }
        store.runs.putSequence(runId, 'COMBINED_SEQ', { ...res.combined.fields, perAlpha: res.combined.perAlpha });
        const types = { type1: 0, type2: 0, type3: 0 };
        for (const s of res.sequences) for (const e of s.switches?.events ?? []) types[`type${e.type}` as keyof typeof types]++;
        return { ...headline(res.combined.fields), ...types, resultSet: r.resultSet };
      },
    });
    return { jobId: job.jobId, runId: job.runId };
  }

  startTrack(r: Req<'track.start'>): Res<'track.start'> {
    const store = this.projects.store(r.project);
    const seqs = this.#sequences(store, r.sequences, { kind: 'det', name: r.detectionSet }, false);
    const setName = r.resultSet;
    if (setName) for (const s of seqs) if (store.sets.find(s.id, 'res', setName)) fail('conflict', `${s.name} already has a result set named ${setName}`);
    if (r.tracker === 'mpn') return startMpnTrack(store, r, seqs, this.runner, this.#worker('mpnTrack.worker'), Date.now);
    let weights: TrackPayload['weights'];
    if (r.modelRunId !== undefined) {
      if (r.tracker !== 'appearance') fail('invalid_request', 'a model run only applies to the appearance tracker');
      if (isMpnRun(store.runs.get(r.modelRunId)?.config)) fail('invalid_request', `modelRunId: run ${r.modelRunId} is an MPN training run; use it with tracker mpn`);
      const a = store.runs.artifact(r.modelRunId, 'weights');
      if (!a) fail('not_found', `Run ${r.modelRunId} has no trained weights`);
      weights = { manifest: JSON.stringify(a.meta), data: a.data };
    }
    const sequences: JobSequence[] = seqs.map((s) => ({
      name: s.name,
      seqLength: s.frameCount,
      fps: s.fps,
      gtHasClassVisibility: s.gtLayout === 'class-visibility',
      dets: exportRows(store, s, { kind: 'det', name: r.detectionSet }).table,
      ...(r.tracker === 'appearance' ? { frameFiles: this.#frameFiles(store, s) } : {}),
    }));
    const payload: TrackPayload = { sequences, tracker: r.tracker, params: r.params ?? {}, official: r.officialPreset ?? false, ...(weights ? { weights } : {}) };
    const job = this.runner.start(store, {
      kind: 'track',
      title: r.title ?? `${r.tracker} on ${r.detectionSet} (${seqs.length === 1 ? seqs[0]!.name : `${seqs.length} sequences`})`,
      config: { tracker: r.tracker, params: payload.params, officialPreset: payload.official, detectionSet: r.detectionSet, sequences: seqs.map((s) => s.name), modelRunId: r.modelRunId ?? null },
      worker: this.#worker('track.worker'),
      payload,
      transfer: tableBuffers(sequences.map((s) => s.dets!)),
      describeProgress: (p) => {
        const q = p as { done: number; total: number; name: string };
        return { done: q.done, total: q.total, message: `tracking ${q.name}` };
      },
      onFinished: (res: TrackResult, runId) => {
        const name = setName ?? `${r.tracker}-run${runId}`;
        let rows = 0;
        for (const out of res.sequences) {
          const seq = seqs.find((s) => s.name === out.name)!;
          store.sets.insert({ sequenceId: seq.id, kind: 'res', name, originKind: 'produced', origin: { runId, tracker: r.tracker, params: payload.params, detectionSet: r.detectionSet }, columns: 10, createdMs: Date.now() }, out.rows);
          rows += out.rows.count;
        }
        return { resultSet: name, rows, sequences: res.sequences.length, durationMs: Math.round(res.durationMs) };
      },
    });
    return { jobId: job.jobId, runId: job.runId };
  }

  startTune(r: Req<'tune.start'>): Res<'tune.start'> {
    const store = this.projects.store(r.project);
    const seqs = this.#sequences(store, r.sequences, { kind: 'det', name: r.detectionSet }, true);
    let history: TunePayload['history'] = [];
    if (r.resumeRunId !== undefined) {
      const a = store.runs.artifact(r.resumeRunId, 'trials');
      const prev = store.runs.get(r.resumeRunId);
      if (!a || !prev) fail('not_found', `Run ${r.resumeRunId} is not a tuning run with stored trials`);
      const cfg = prev.config as { tracker?: string; metric?: string; seed?: number; sampler?: string };
      if (cfg.tracker !== r.tracker || cfg.metric !== r.metric) fail('invalid_request', `Run ${r.resumeRunId} tuned ${cfg.tracker} for ${cfg.metric}; resume it with the same tracker and metric`);
      history = JSON.parse(new TextDecoder().decode(a.data)) as TunePayload['history'];
    }
    const benchmark = (seqs.find((s) => s.benchmark)?.benchmark ?? 'MOT17') as Benchmark;
    const tables = seqs.map((s) => ({ seq: s, gt: exportRows(store, s, { kind: 'gt' }).table, dets: exportRows(store, s, { kind: 'det', name: r.detectionSet }).table }));
    const payload: TunePayload = {
      sequences: tables.map((t) => ({ name: t.seq.name, seqLength: t.seq.frameCount, fps: t.seq.fps, gtHasClassVisibility: t.seq.gtLayout === 'class-visibility', gt: t.gt, dets: t.dets })),
      tracker: r.tracker,
      metric: r.metric,
      trials: r.trials,
      sampler: r.sampler ?? 'tpe',
      seed: r.seed ?? 0,
      benchmark,
      history,
    };
    const buffers: MotTable[] = tables.flatMap((t) => [t.gt, t.dets]);
    const job = this.runner.start(store, {
      kind: 'tune',
      title: r.title ?? `Tune ${r.tracker} for ${r.metric} (${r.trials} trials)`,
      config: { tracker: r.tracker, metric: r.metric, trials: r.trials, sampler: payload.sampler, seed: payload.seed, detectionSet: r.detectionSet, sequences: seqs.map((s) => s.name), resumedFrom: r.resumeRunId ?? null },
      worker: this.#worker('tune.worker'),
      payload,
      transfer: tableBuffers(buffers),
      onProgress: (p, runId) => {
        const q = p as TuneProgress;
        store.transaction(() => {
          const child = store.runs.insert({ jobId: `${runId}-trial-${q.trial.number}`, parentId: runId, kind: 'tune', title: `trial ${q.trial.number}`, config: q.trial.params, createdMs: Date.now() });
          store.runs.update(child, { state: Number.isFinite(q.trial.value) ? 'succeeded' : 'failed', finishedMs: Date.now(), summary: { [r.metric]: q.trial.value, ...headline(q.metrics) } });
        });
      },
      describeProgress: (p) => {
        const q = p as TuneProgress;
        const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(4));
        return { done: q.done, total: q.total, message: `trial ${q.trial.number}: ${r.metric} ${f(q.trial.value)} (best ${f(q.best?.value)})`, detail: { trial: q.trial, best: q.best } };
      },
      onFinished: (res: TuneResult, runId) => {
        store.runs.putArtifact(runId, 'trials', new TextEncoder().encode(JSON.stringify(res.trials)), { count: res.trials.length }, Date.now());
        const baseline = res.trials[0];
        return { metric: r.metric, best: res.best?.value ?? null, bestParams: res.best?.params ?? null, bestTrial: res.best?.number ?? null, defaults: baseline?.value ?? null, trials: res.trials.length };
      },
    });
    return { jobId: job.jobId, runId: job.runId };
  }

  #frameFiles(store: ProjectStore, s: SequenceRow): string[] {
    if (!s.framesDir) fail('invalid_request', `${s.name} has no frame images: the appearance tracker needs them`);
    const files = store.sequences.frameFiles(s.id);
    const out = new Array<string>(s.frameCount).fill('');
    for (const f of files) out[f.frame - 1] = join(s.framesDir, f.file);
    return out;
  }
}
