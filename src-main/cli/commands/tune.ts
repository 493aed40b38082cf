import type { Command } from '../command';
import { call, CliError, intOption, table } from '../command';
import { waitForJob } from '../jobWait';

/** `trackwright tune`. */
export const tuneCommand: Command = {
  name: 'tune',
  summary: "Search a tracker's parameters (TPE or random; seeded, resumable) to maximise HOTA, IDF1 or MOTA",
  help: `Usage: trackwright tune --project FILE --tracker sort|bytetrack|ocsort|iou --dets NAME --sequences S[,S...]
                        [--metric HOTA|IDF1|MOTA] [--trials N] [--sampler tpe|random] [--seed N] [--resume RUNID]

Runs the tracker with sampled parameters over the annotated sequences, evaluates each trial
(TrackEval-identical metrics) and keeps the best. Trial 0 is the tracker's official defaults, so the table
shows what tuning gained. Every trial is stored as a run; --resume continues a stopped tuning run.

  --project FILE      the project file
  --tracker KIND      sort, bytetrack, ocsort or iou
  --dets NAME         the detection set of the sequences (e.g. det)
  --sequences S,...   annotated sequences to tune on
  --metric M          HOTA (default), IDF1 or MOTA
  --trials N          trials to run in total (default 50)
  --sampler S         tpe (default) or random
  --seed N            sampler seed (default 0)
  --resume RUNID      continue this tuning run's trials`,
  options: {
    project: { type: 'string' },
    tracker: { type: 'string' },
    dets: { type: 'string' },
    sequences: { type: 'string' },
    metric: { type: 'string' },
    trials: { type: 'string' },
    sampler: { type: 'string' },
    seed: { type: 'string' },
    resume: { type: 'string' },
  },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    const tracker = v['tracker'] as string | undefined;
    const dets = v['dets'] as string | undefined;
    const seqs = (v['sequences'] as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!project || !tracker || !dets || !seqs?.length) throw new CliError('tune needs --project, --tracker, --dets and --sequences', 2);
    if (!['sort', 'bytetrack', 'ocsort', 'iou'].includes(tracker)) throw new CliError('--tracker must be sort, bytetrack, ocsort or iou', 2);
    const metric = ((v['metric'] as string | undefined) ?? 'HOTA').toUpperCase();
    if (!['HOTA', 'IDF1', 'MOTA'].includes(metric)) throw new CliError('--metric must be HOTA, IDF1 or MOTA', 2);
    const sampler = (v['sampler'] as string | undefined) ?? 'tpe';
    if (!['tpe', 'random'].includes(sampler)) throw new CliError('--sampler must be tpe or random', 2);
    await call(ctx, 'projects.open', { path: project });
    const resume = intOption('resume', v['resume'], 1);
    const job = await call(ctx, 'tune.start', {
      project,
      tracker: tracker as 'sort',
      detectionSet: dets,
      sequences: seqs.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      metric: metric as 'HOTA',
      trials: intOption('trials', v['trials'], 1, 10000) ?? 50,
      sampler: sampler as 'tpe',
      seed: intOption('seed', v['seed']) ?? 0,
      ...(resume !== undefined ? { resumeRunId: resume } : {}),
    });
    ctx.info(`tuning run ${job.runId} started`);
    const end = await waitForJob(ctx, job.jobId, { everyMs: 0 });
    if (end.state === 'failed') throw new CliError(end.error?.message ?? 'tuning failed');
    const run = await call(ctx, 'runs.get', { project, runId: job.runId });
    const trials = run.children
      .map((c) => ({ n: Number(c.title.replace('trial ', '')), value: (c.summary as Record<string, number>)[metric]!, params: c.config as Record<string, unknown> }))
      .sort((a, b) => b.value - a.value);
    ctx.out(`Best ${metric} so far (${trials.length} trials this run${end.state === 'cancelled' ? ', cancelled' : ''}):`);
    for (const l of table(['TRIAL', metric, 'PARAMETERS'], trials.slice(0, 10).map((t) => [String(t.n), t.value.toFixed(4), JSON.stringify(t.params)]))) ctx.out(l);
    const s = run.run.summary as { best: number | null; defaults: number | null };
    if (s.defaults !== null && s.best !== null) ctx.out(`official defaults: ${s.defaults.toFixed(4)}; best: ${s.best.toFixed(4)} (${s.best >= s.defaults ? '+' : ''}${(s.best - s.defaults).toFixed(4)})`);
    return end.state === 'succeeded' ? 0 : 1;
  },
};
