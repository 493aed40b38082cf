// The training form as data (pure; tested in test/unit/renderer/trainRequest.test.ts): its state, the
// train.start / ablate.start request it makes (or the reason it cannot), and the state that resumes a
// stored run (same loss, sequences, detection set, seed, learning rate and window; more steps).
import type { ApiRequest } from '../../../src-shared/ipc/contract';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { TfBackendName } from '../../../src-shared/ipc/schemas';
import type { LossArm } from '../../../src-shared/learning/trainWire';

/** Which model a run trains: the appearance CNN or the MPN graph tracker. */
export type TrainModel = 'reid' | 'mpn';

/** The losses each model takes (METHODS.md §6.1: MPN has no DeepMOT or contrastive arm here). */
export const LOSSES_FOR: Readonly<Record<TrainModel, readonly LossArm[]>> = {
  reid: ['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'],
  mpn: ['baseline', 'unitrack'],
};

/** Losses that use UniTrack's window. */
export const WINDOWED: readonly LossArm[] = ['unitrack', 'both'];

/** What the form holds (numbers as typed). */
export interface TrainFormState {
  readonly mode: 'train' | 'ablate';
  readonly model: TrainModel;
  readonly loss: LossArm;
  readonly arms: readonly LossArm[];
  readonly steps: string;
  readonly learningRate: string;
  readonly window: string;
  readonly seed: string;
  readonly seeds: string;
  readonly trainSequences: readonly string[];
  readonly validationSequences: readonly string[];
  readonly testSequences: readonly string[];
  /** '' = the annotations' own boxes. */
  readonly detectionSet: string;
  readonly backend: '' | TfBackendName;
  /** MPN: a reid training run whose CNN gives node features ('' = colour histograms). */
  readonly featureRunId: string;
  readonly title: string;
  /** Resuming this run (from its checkpoint at `resumeStep`). */
  readonly resumeRunId?: number | undefined;
  readonly resumeStep?: number | undefined;
}

/** A fresh form. */
export const EMPTY_FORM: TrainFormState = {
  mode: 'train',
  model: 'reid',
  loss: 'unitrack',
  arms: ['baseline', 'unitrack', 'contrastive'],
  steps: '500',
  learningRate: '',
  window: '',
  seed: '0',
  seeds: '1, 2, 3',
  trainSequences: [],
  validationSequences: [],
  testSequences: [],
  detectionSet: '',
  backend: '',
  featureRunId: '',
  title: '',
};

function int(text: string, what: string, min: number, max: number): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(v) || v < min || v > max) throw new Error(`${what} must be a whole number from ${min} to ${max} (got "${text}")`);
  return v;
}

/** The request the form makes; throws an Error saying what to fix. */
export function buildRequest(project: string, f: TrainFormState): { channel: 'train.start'; request: ApiRequest<'train.start'> } | { channel: 'ablate.start'; request: ApiRequest<'ablate.start'> } {
  if (f.trainSequences.length === 0) throw new Error('pick at least one training sequence');
  const steps = int(f.steps, 'steps', 1, 1_000_000);
  const common = { project, ...(f.backend ? { backend: f.backend } : {}), ...(f.title.trim() ? { title: f.title.trim() } : {}) };
  const model = f.model === 'mpn' ? { model: 'mpn' as const } : {};
  if (f.mode === 'ablate') {
    if (f.testSequences.length === 0) throw new Error('pick at least one test sequence for the ablation');
    if (!f.detectionSet) throw new Error('an ablation tracks the test sequences: pick a detection set');
    const arms = f.arms.filter((a) => LOSSES_FOR[f.model].includes(a));
    if (!arms.includes('baseline') || arms.length < 2) throw new Error('an ablation compares arms with the baseline: tick baseline and at least one more');
    const seeds = f.seeds.split(/[\s,]+/).filter(Boolean).map((s) => int(s, 'each seed', -2_147_483_648, 2_147_483_647));
    if (seeds.length < 1 || seeds.length > 10) throw new Error('give 1 to 10 seeds');
    return { channel: 'ablate.start', request: { ...common, ...model, trainSequences: [...f.trainSequences], testSequences: [...f.testSequences], detectionSet: f.detectionSet, arms, steps, seeds } };
  }
  if (!LOSSES_FOR[f.model].includes(f.loss)) throw new Error(`the ${f.model === 'mpn' ? 'MPN tracker' : 'appearance model'} does not train with the ${f.loss} loss`);
  if (f.resumeRunId !== undefined && f.resumeStep !== undefined && steps <= f.resumeStep) throw new Error(`run ${f.resumeRunId} already reached step ${f.resumeStep}: ask for more steps`);
  const lr = f.learningRate.trim();
  const learningRate = lr === '' ? undefined : Number(lr);
  if (learningRate !== undefined && !(Number.isFinite(learningRate) && learningRate > 0 && learningRate < 1)) throw new Error(`learning rate must be a number between 0 and 1 (got "${lr}")`);
  const window = f.window.trim() === '' || !WINDOWED.includes(f.loss) ? undefined : int(f.window, 'window', 2, 32);
  return {
    channel: 'train.start',
    request: {
      ...common,
      ...model,
      ...(f.model === 'mpn' && f.featureRunId ? { featureRunId: int(f.featureRunId, 'feature run', 1, Number.MAX_SAFE_INTEGER) } : {}),
      trainSequences: [...f.trainSequences],
      ...(f.validationSequences.length ? { validationSequences: [...f.validationSequences] } : {}),
      ...(f.detectionSet ? { detectionSet: f.detectionSet } : {}),
      loss: f.loss,
      steps,
      seed: int(f.seed, 'seed', -2_147_483_648, 2_147_483_647),
      ...(learningRate !== undefined ? { learningRate } : {}),
      ...(window !== undefined ? { window } : {}),
      ...(f.resumeRunId !== undefined ? { resumeRunId: f.resumeRunId } : {}),
    },
  };
}

type Obj = Record<string, unknown>;

/** The form that resumes training run `run` from its checkpoint at `step` (more steps than it reached). */
export function resumeForm(run: Pick<RunSummary, 'id' | 'kind' | 'config'>, step: number): TrainFormState {
  if (run.kind !== 'train') throw new Error(`run ${run.id} is a ${run.kind} run; only training runs resume`);
  const c = (run.config ?? {}) as Obj;
  const q = (c['request'] ?? {}) as Obj;
  const names = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const total = typeof q['steps'] === 'number' ? q['steps'] : step;
  const model: TrainModel = c['model'] === 'mpn' || q['model'] === 'mpn' ? 'mpn' : 'reid';
  return {
    ...EMPTY_FORM,
    model,
    // An MPN run's API loss is at the top (its request holds learning's name: bce | unitrack).
    loss: (typeof c['loss'] === 'string' ? c['loss'] : typeof q['loss'] === 'string' ? q['loss'] : 'baseline') as LossArm,
    steps: String(step < total ? total : 2 * total),
    learningRate: typeof q['learningRate'] === 'number' ? String(q['learningRate']) : '',
    window: typeof (q['unitrack'] as Obj | undefined)?.['window'] === 'number' ? String((q['unitrack'] as Obj)['window']) : '',
    seed: String(typeof q['seed'] === 'number' ? q['seed'] : 0),
    trainSequences: names(c['trainSequences']),
    validationSequences: names(c['validationSequences']),
    detectionSet: typeof c['detectionSet'] === 'string' ? c['detectionSet'] : '',
    featureRunId: typeof c['featureRunId'] === 'number' ? String(c['featureRunId']) : '',
    resumeRunId: run.id,
    resumeStep: step,
  };
}
