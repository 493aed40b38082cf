// A tuning study: ask a sampler for parameters, evaluate them with a callback (the caller wires
// HOTA/IDF1/MOTA and storage), record the trial, repeat. The state is the list of finished trials:
// trial n's parameters depend only on (seed, n, the trials before n), so a study resumed from its
// stored trials continues exactly as an uninterrupted run would.
import { createRng } from './rng';
import { checkSpace, sampleUniform, type ParamValue, type Params, type SearchSpace } from './space';
import { TPE_DEFAULTS, suggestTpe, type TpeOptions } from './tpe';

/** A finished trial. `value` is the objective as returned; NaN marks a failed trial. */
export interface Trial {
  readonly number: number;
  readonly params: Params;
  readonly value: number;
}

/** What to search and how. */
export interface StudyOptions {
  readonly space: SearchSpace;
  readonly sampler: 'random' | 'tpe';
  readonly seed: number;
  /** Whether larger objective values are better (HOTA, IDF1, MOTA: maximize). */
  readonly direction: 'maximize' | 'minimize';
  readonly tpe?: TpeOptions;
  /** Parameters for trial 0 instead of a sample (e.g. the official defaults), as Optuna's enqueue_trial. */
  readonly firstParams?: Params;
}

/** The objective: parameters in, value out (a thrown error or NaN marks the trial failed). */
export type Objective = (params: Params, trialNumber: number) => number | Promise<number>;

/** The parameters of the next trial given the finished ones. */
export function suggest(o: StudyOptions, trials: readonly Trial[]): Params {
  const errors = checkSpace(o.space);
  if (errors.length) throw new Error(`invalid search space: ${errors.join('; ')}`);
  const n = trials.length;
  if (n === 0 && o.firstParams) return o.firstParams;
  const rng = createRng(o.seed, n);
  if (o.sampler === 'random') {
    const out: Record<string, ParamValue> = {};
    for (const [name, d] of Object.entries(o.space)) out[name] = sampleUniform(d, rng);
    return out;
  }
  const sign = o.direction === 'maximize' ? 1 : -1;
  return suggestTpe(o.space, trials.map((t) => ({ params: t.params, score: sign * t.value })), rng, o.tpe ?? TPE_DEFAULTS);
}

/** The best finished trial (first on ties), or undefined. */
export function bestTrial(o: Pick<StudyOptions, 'direction'>, trials: readonly Trial[]): Trial | undefined {
  let best: Trial | undefined;
  for (const t of trials) {
    if (!Number.isFinite(t.value)) continue;
    if (!best || (o.direction === 'maximize' ? t.value > best.value : t.value < best.value)) best = t;
  }
  return best;
}

/**
 * Runs trials until `nTrials` are finished, starting from `history` (resume). Calls `onTrial` after
 * each; stops early when `signal` is aborted. Returns every finished trial, history included.
 */
export async function runStudy(
  o: StudyOptions,
  objective: Objective,
  run: { nTrials: number; history?: readonly Trial[]; onTrial?: (t: Trial, all: readonly Trial[]) => void; signal?: { readonly aborted: boolean } },
): Promise<Trial[]> {
  const trials = [...(run.history ?? [])];
  trials.forEach((t, i) => {
    if (t.number !== i) throw new Error(`history trial ${i} has number ${t.number}`);
  });
  while (trials.length < run.nTrials && !run.signal?.aborted) {
    const number = trials.length;
    const params = suggest(o, trials);
    let value: number;
    try {
      value = await objective(params, number);
    } catch {
      value = NaN;
    }
    const t: Trial = { number, params, value: typeof value === 'number' ? value : NaN };
    trials.push(t);
    run.onTrial?.(t, trials);
  }
  return trials;
}
