import type { Command } from '../command';
import { call, CliError, intOption, table } from '../command';
import { waitForJob } from '../jobWait';
import { TF_BACKEND_NAMES, type TfBackendName } from '../../../src-shared/ipc/backendNames';

const LOSSES = ['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'] as const;

/** A comma-separated list of sequence names or ids. */
export function sequenceList(raw: unknown): (string | number)[] | undefined {
  const list = (raw as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
  return list?.length ? list.map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : undefined;
}

/** A --backend value, checked. */
export function backendOption(raw: unknown): TfBackendName | undefined {
  if (raw === undefined) return undefined;
  if (!(TF_BACKEND_NAMES as readonly string[]).includes(raw as string)) throw new CliError(`--backend must be one of ${TF_BACKEND_NAMES.join(', ')}`, 2);
  return raw as TfBackendName;
}

/** `trackwright train`. */
export const trainCommand: Command = {
  name: 'train',
  summary: "Fine-tune the appearance tracker's embedding CNN (baseline, UniTrack, FDTA contrastive, DeepMOT) or train the MPN graph tracker on annotated sequences",
  help: `Usage: trackwright train --project FILE --loss baseline|unitrack|contrastive|both|deepmot --train SEQ[,SEQ...] --steps N
                         [--model reid|mpn] [--val SEQ,...] [--dets NAME] [--lr X] [--seed N] [--window W]
                         [--features-run RUNID] [--graphs N]
                         [--backend tensorflow-gpu|tensorflow|wasm|cpu] [--resume RUNID] [--json]

Trains the ReID CNN of the appearance tracker on crops of the training sequences: detections of --dets
matched to the annotations (Hungarian, IoU >= 0.5), or the annotated boxes themselves when --dets is not
given. Every loss includes the baseline (identity cross-entropy + batch-hard triplet); unitrack adds the
UniTrack graph loss, contrastive the FDTA quality-aware InfoNCE, both adds the two, deepmot the DeepMOT
soft-MOTA/MOTP proxies (see README, "Training"). The run, its checkpoints, curves and final weights are
stored in the project; Ctrl+C cancels and keeps the last checkpoint, --resume continues from it.

With --model mpn it trains the MPN graph tracker instead (README, "Graph tracker (MPN)"): --loss baseline
is B0 (class-balanced BCE on the edges), unitrack is B1 (BCE + the UniTrack loss on edge flows); node
features are colour histograms of the frames, none for sequences without frames, or the CNN of an
appearance training run (--features-run). Track with it: trackwright track --tracker mpn --model RUNID.

  --project FILE   the project file
  --model M        reid (default: the appearance CNN) or mpn (the graph tracker; loss baseline or unitrack)
  --loss L         baseline, unitrack, contrastive, both or deepmot
  --train S,...    training sequences (names or ids)
  --val S,...      validation sequences (default: the last training sequence, or the last 20 % of a
                   single one after a 2 s gap)
  --dets NAME      detection set to train on (default: the annotations as detections)
  --steps N        optimisation steps in total (with --resume: the new total)
  --lr X           Adam learning rate (default 3e-4)
  --seed N         seed of initialisation, sampling and augmentation (default 0)
  --window W       UniTrack window length in frames (default 5; mpn: in sampled frames)
  --features-run R mpn: node features from this appearance training run's CNN
  --graphs N       mpn: clip graphs per step (default 8)
  --backend B      tfjs backend (default: the first that works: tensorflow-gpu, tensorflow, wasm, cpu)
  --resume RUNID   continue this training run from its last checkpoint
  --json           print the run's summary as JSON`,
  options: {
    project: { type: 'string' },
    loss: { type: 'string' },
    train: { type: 'string' },
    val: { type: 'string' },
    dets: { type: 'string' },
    steps: { type: 'string' },
    lr: { type: 'string' },
    seed: { type: 'string' },
    window: { type: 'string' },
    model: { type: 'string' },
    'features-run': { type: 'string' },
    graphs: { type: 'string' },
    backend: { type: 'string' },
    resume: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    if (!project) throw new CliError('train needs --project FILE', 2);
    const resume = intOption('resume', v['resume'], 1);
    const steps = intOption('steps', v['steps'], 1, 1_000_000);
    if (steps === undefined) throw new CliError('train needs --steps N', 2);
    const lr = v['lr'] === undefined ? undefined : Number(v['lr']);
    if (lr !== undefined && !(lr > 0)) throw new CliError(`--lr must be a number > 0, got ${JSON.stringify(v['lr'])}`, 2);
    const backend = backendOption(v['backend']);
    let model = v['model'] as string | undefined;
    if (model !== undefined && model !== 'reid' && model !== 'mpn') throw new CliError(`--model must be reid or mpn, got ${JSON.stringify(model)}`, 2);
    const featureRun = intOption('features-run', v['features-run'], 1);
    const graphs = intOption('graphs', v['graphs'], 1, 64);
    let loss = v['loss'] as string | undefined;
    if (loss !== undefined && !(LOSSES as readonly string[]).includes(loss)) throw new CliError(`--loss must be one of ${LOSSES.join(', ')}`, 2);
    await call(ctx, 'projects.open', { path: project });
    let train = sequenceList(v['train']);
    let dets = v['dets'] as string | undefined;
    if (resume !== undefined && (!loss || !train)) {
      // Resuming: what was not given comes from the run being resumed.
      const prev = (await call(ctx, 'runs.get', { project, runId: resume })).run.config as { model?: string; loss?: string; request?: { loss?: string }; trainSequences?: string[]; detectionSet?: string | null };
      model ??= prev.model;
      loss ??= prev.model === 'mpn' ? prev.loss : prev.request?.loss;
      train ??= prev.trainSequences;
      dets ??= prev.detectionSet ?? undefined;
    }
    if (!loss || !train) throw new CliError('train needs --loss and --train (or --resume RUNID)', 2);
    if (model === 'mpn' && loss !== 'baseline' && loss !== 'unitrack') throw new CliError(`--loss: the MPN trains with baseline (B0) or unitrack (B1), not ${loss}`, 2);
    if (model !== 'mpn' && (featureRun !== undefined || graphs !== undefined)) throw new CliError('--features-run and --graphs apply to --model mpn', 2);
    const val = sequenceList(v['val']);
    const seed = intOption('seed', v['seed']);
    const window = intOption('window', v['window'], 2, 32);
    const job = await call(ctx, 'train.start', {
      project,
      trainSequences: train,
      loss: loss as (typeof LOSSES)[number],
      steps,
      ...(val ? { validationSequences: val } : {}),
      ...(dets !== undefined ? { detectionSet: dets } : {}),
      ...(lr !== undefined ? { learningRate: lr } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(window !== undefined ? { window } : {}),
      ...(model === 'mpn' ? { model: 'mpn' as const } : {}),
      ...(featureRun !== undefined ? { featureRunId: featureRun } : {}),
      ...(graphs !== undefined ? { graphsPerStep: graphs } : {}),
      ...(backend ? { backend } : {}),
      ...(resume !== undefined ? { resumeRunId: resume } : {}),
    });
    ctx.info(`training run ${job.runId} started${resume !== undefined ? ` (resuming run ${resume})` : ''}`);
    const end = await waitForJob(ctx, job.jobId, { everyMs: 2000 });
    const run = await call(ctx, 'runs.get', { project, runId: job.runId });
    if (end.state === 'failed') throw new CliError(`training run ${job.runId} failed: ${end.error?.message ?? 'unknown error'}`);
    const s = run.run.summary as { steps: number; totalSteps: number; losses: Record<string, number> | null; validation: Record<string, number> | null; cropsPerSec?: number; edgesPerSec?: number; durationMs?: number; warnings?: string[] };
    if (v['json']) {
      ctx.out(JSON.stringify({ runId: job.runId, state: end.state, backend: run.run.backend, ...s }, null, 2));
      return end.state === 'succeeded' ? 0 : 1;
    }
    for (const w of s.warnings ?? []) ctx.info(`warning: ${w}`);
    const speed = model === 'mpn' ? `${(s.edgesPerSec ?? 0).toFixed(0)} edges/s` : `${(s.cropsPerSec ?? 0).toFixed(0)} crops/s`;
    ctx.out(`run ${job.runId} ${end.state}: ${s.steps}/${s.totalSteps} steps on ${run.run.backend ?? 'unknown'} backend, ${speed}, ${((s.durationMs ?? 0) / 1000).toFixed(1)} s`);
    if (s.losses) for (const l of table(['LOSS TERM', 'LAST STEP'], Object.entries(s.losses).map(([k, x]) => [k, x.toFixed(4)]))) ctx.out(l);
    if (s.validation) {
      const { step, ...m } = s.validation;
      ctx.out(`validation (step ${step}): ${Object.entries(m).map(([k, x]) => `${k} ${x.toFixed(4)}`).join(', ')}`);
    }
    const use = model === 'mpn' ? `MPN tracker: trackwright track --tracker mpn --model ${job.runId}` : `appearance tracker: modelRunId ${job.runId}`;
    ctx.out(end.state === 'cancelled' ? `resume with: trackwright train --project ${project} --resume ${job.runId} --steps ${s.totalSteps}` : `weights stored with run ${job.runId} (${use})`);
    return end.state === 'succeeded' ? 0 : 1;
  },
};
