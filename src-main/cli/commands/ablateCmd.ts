import type { AblationReport, MeanSd } from '../../../src-shared/learning/ablationReport';
import type { Command } from '../command';
import { call, CliError, intOption, table } from '../command';
import { waitForJob } from '../jobWait';
import { backendOption, sequenceList } from './trainCmd';

const ARMS = ['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'] as const;
/** MPN arms (METHODS.md §2.6, §1.10). */
const MPN_LABELS: Record<string, string> = { baseline: 'MPN B0 (class-balanced BCE)', unitrack: 'MPN B1 (BCE + UniTrack)' };
const LABELS: Record<string, string> = { none: 'no training (colour histograms)', baseline: 'baseline (CE + triplet)', unitrack: '+ UniTrack', contrastive: '+ contrastive (FDTA)', both: '+ both', deepmot: '+ DeepMOT' };

const ms = (x: MeanSd | undefined, digits = 3): string => (!x || !Number.isFinite(x.mean) ? '–' : x.n > 1 ? `${x.mean.toFixed(digits)}±${x.sd.toFixed(digits)}` : x.mean.toFixed(digits));
const signed = (x: number, digits = 4): string => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** The report as text: one row per arm (COMBINED_SEQ, mean ± sd over seeds), then the differences to the baseline. */
export function ablationLines(r: AblationReport, labels: Record<string, string> = LABELS): string[] {
  const lines = [`Arms on ${r.sequences.join(', ')} (mean ± sd over seeds ${r.seeds.join(', ')}; switch types per 1000 GT boxes):`];
  const cols = ['HOTA', 'AssA', 'IDF1', 'MOTA', 'IDSW', 'type1Per1k', 'type2Per1k', 'type3Per1k'];
  lines.push(...table(['ARM', 'HOTA', 'AssA', 'IDF1', 'MOTA', 'IDSW', 'T1/1k', 'T2/1k', 'T3/1k'], r.arms.map((a) => [labels[a.arm] ?? a.arm, ...cols.map((k) => ms(a.combined[k], k === 'IDSW' ? 1 : 3))])));
  lines.push('', `Paired differences to ${r.reference} (same seeds), mean over sequences; ${r.ci.note}:`);
  const diffCols = ['IDF1', 'HOTA', 'IDSW'];
  lines.push(
    ...table(
      ['ARM', ...diffCols.map((k) => `Δ${k}`), ...(r.ci.available ? ['95% CI ΔIDF1', 'improved'] : [])],
      r.differences.map((d) => {
        const p = d.overSequences['IDF1']!;
        return [labels[d.arm] ?? d.arm, ...diffCols.map((k) => signed(d.overSequences[k]!.mean, k === 'IDSW' ? 1 : 4)), ...(r.ci.available ? [p.ci95 ? `[${signed(p.ci95[0])}, ${signed(p.ci95[1])}]` : '–', p.improved ? 'yes' : 'no'] : [])];
      }),
    ),
  );
  for (const s of r.sequences) {
    lines.push('', `${s}: ΔIDF1 per arm (mean ± sd over seeds): ${r.differences.map((d) => `${d.arm} ${ms(d.perSequence[s]?.['IDF1'], 4)}`).join(', ')}`);
  }
  return lines;
}

/** `trackwright ablate`. */
export const ablateCommand: Command = {
  name: 'ablate',
  summary: 'Compare losses fairly: train each arm with identical data, steps and seeds, then track and evaluate held-out sequences',
  help: `Usage: trackwright ablate --project FILE --train SEQ[,SEQ...] --test SEQ[,SEQ...] --dets NAME --steps N
                          [--arms baseline,unitrack,contrastive[,both][,deepmot]] [--seeds 1,2,3]
                          [--model reid|mpn] [--graphs N]
                          [--backend tensorflow-gpu|tensorflow|wasm|cpu] [--json]

The ablation protocol of METHODS.md §6.4: every arm (and seed) is trained on the same crops with the same
steps, seeds, augmentation and optimiser; each arm's weights then drive the appearance tracker, with the
same parameters, on the held-out --test sequences (detections from --dets), evaluated with HOTA, IDF1,
MOTA and ID switches by error type. The table shows every arm beside the untrained colour-histogram
tracker, then the paired differences to the baseline (same seeds); with 5 or more test sequences, a 95 %
bootstrap CI over sequences. One sequence given as both --train and --test is split in time (first 70 %
train, last 30 % test, 2 s gap apart), which lets the same people appear in both parts.
With --model mpn the MPN graph tracker is trained instead, arms baseline (B0: class-balanced BCE) and
unitrack (B1: BCE + UniTrack on edge flows); each arm's MPN tracks the test sequences (no untrained row).

  --project FILE   the project file
  --train S,...    training sequences
  --test S,...     held-out sequences (annotated, with frames and the detection set)
  --dets NAME      detection set used for training crops and for tracking
  --steps N        optimisation steps per arm and seed
  --arms A,...     arms to compare, baseline included (default baseline,unitrack,contrastive)
  --seeds N,...    training seeds (default 1,2,3)
  --model M        reid (default: the appearance CNN) or mpn (the graph tracker; default arms baseline,unitrack)
  --graphs N       mpn: clip graphs per step (default 8)
  --backend B      tfjs backend (default: the first that works)
  --json           print the whole report as JSON`,
  options: {
    project: { type: 'string' },
    train: { type: 'string' },
    test: { type: 'string' },
    dets: { type: 'string' },
    steps: { type: 'string' },
    arms: { type: 'string' },
    model: { type: 'string' },
    graphs: { type: 'string' },
    seeds: { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    const train = sequenceList(v['train']);
    const test = sequenceList(v['test']);
    const dets = v['dets'] as string | undefined;
    const steps = intOption('steps', v['steps'], 1, 1_000_000);
    if (!project || !train || !test || !dets || steps === undefined) throw new CliError('ablate needs --project, --train, --test, --dets and --steps', 2);
    const model = v['model'] as string | undefined;
    if (model !== undefined && model !== 'reid' && model !== 'mpn') throw new CliError(`--model must be reid or mpn, got ${JSON.stringify(model)}`, 2);
    const graphs = intOption('graphs', v['graphs'], 1, 64);
    if (graphs !== undefined && model !== 'mpn') throw new CliError('--graphs applies to --model mpn', 2);
    const arms = ((v['arms'] as string | undefined) ?? (model === 'mpn' ? 'baseline,unitrack' : 'baseline,unitrack,contrastive')).split(',').map((a) => a.trim()).filter(Boolean);
    for (const a of arms) if (!(ARMS as readonly string[]).includes(a)) throw new CliError(`unknown arm ${JSON.stringify(a)}: arms are ${ARMS.join(', ')}`, 2);
    if (arms.length < 2) throw new CliError('--arms needs at least two arms, baseline included', 2);
    const seeds = (v['seeds'] as string | undefined)?.split(',').map((s, i) => intOption(`seeds (item ${i + 1})`, s.trim())!);
    const backend = backendOption(v['backend']);
    await call(ctx, 'projects.open', { path: project });
    const job = await call(ctx, 'ablate.start', {
      project,
      trainSequences: train,
      testSequences: test,
      detectionSet: dets,
      arms: arms as (typeof ARMS)[number][],
      steps,
      ...(seeds ? { seeds } : {}),
      ...(model === 'mpn' ? { model: 'mpn' as const } : {}),
      ...(graphs !== undefined ? { graphsPerStep: graphs } : {}),
      ...(backend ? { backend } : {}),
    });
    ctx.info(`ablation run ${job.runId} started`);
    const end = await waitForJob(ctx, job.jobId, { everyMs: 2000 });
    if (end.state === 'failed') throw new CliError(`ablation run ${job.runId} failed: ${end.error?.message ?? 'unknown error'}`);
    if (end.state === 'cancelled') {
      ctx.out(`ablation run ${job.runId} cancelled; the arms trained so far are stored as its child runs`);
      return 1;
    }
    const a = await call(ctx, 'runs.artifact', { project, runId: job.runId, name: 'report' });
    const report = JSON.parse(new TextDecoder().decode(a.data)) as AblationReport & { protocol?: { warnings?: string[] } };
    if (v['json']) ctx.out(JSON.stringify(report, null, 2));
    else {
      for (const w of report.protocol?.warnings ?? []) ctx.info(`warning: ${w}`);
      for (const l of ablationLines(report, model === 'mpn' ? MPN_LABELS : LABELS)) ctx.out(l);
    }
    return 0;
  },
};
