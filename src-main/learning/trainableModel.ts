// The ReID CNN plus the training heads an arm needs, as tfjs variables under stable names, with
// conversion to and from plain weights (checkpoints, results, initial weights).
import * as tf from '@tensorflow/tfjs';
import { type ReidWeights, packWeights, unpackWeights } from './modelWeights';
import { type HeadSpec, type ParamSpec, type ParamTensors, type ReidConfig, backboneParamSpecs, headParamSpecs, initParamValues } from './reidModel';
import type { TrainConfig } from './trainTypes';

/** Variables by parameter name, in spec order. */
export interface TrainableModel {
  readonly config: ReidConfig;
  readonly heads: HeadSpec;
  readonly specs: readonly ParamSpec[];
  readonly vars: ReadonlyMap<string, tf.Variable>;
  readonly params: ParamTensors;
}

/** Heads of an arm: ID classifier always; projection head for IA arms; dustbin logit for UniTrack arms. */
export function headsFor(cfg: TrainConfig, numIdentities: number): HeadSpec {
  const ut = cfg.loss === 'unitrack' || cfg.loss === 'both';
  return { classes: numIdentities, projection: cfg.loss === 'contrastive' || cfg.loss === 'both', ...(ut ? { dustbinInit: cfg.unitrack.dustbinInit } : {}) };
}

/**
 * Creates the variables: seeded per name (METHODS.md §6.2-3: identical backbone and heads across arms),
 * then overwritten by `initial` where it has a tensor of the same name and shape.
 */
export function createTrainableModel(config: ReidConfig, heads: HeadSpec, seed: number, initial?: ReidWeights): TrainableModel {
  const specs = [...backboneParamSpecs(config), ...headParamSpecs(config, heads)];
  const values = initParamValues(specs, seed);
  if (initial) {
    for (const [name, v] of unpackWeights(initial)) {
      const cur = values.get(name);
      if (cur && cur.length === v.length) values.set(name, Float32Array.from(v));
    }
  }
  const vars = new Map<string, tf.Variable>();
  const params: Record<string, tf.Tensor> = {};
  for (const s of specs) {
    const v = tf.tidy(() => tf.variable(tf.tensor(values.get(s.name)!, [...s.shape]), true));
    vars.set(s.name, v);
    params[s.name] = v;
  }
  return { config, heads, specs, vars, params };
}

/** Current values as plain weights (with heads unless `backboneOnly`). */
export function exportWeights(m: TrainableModel, backboneOnly = false): ReidWeights {
  const specs = backboneOnly ? backboneParamSpecs(m.config) : m.specs;
  const values = new Map(specs.map((s) => [s.name, Float32Array.from(m.vars.get(s.name)!.dataSync())]));
  return packWeights(m.config, specs, values, backboneOnly ? undefined : m.heads);
}

/** Overwrites every variable from weights with the same parameter list. */
export function importWeights(m: TrainableModel, w: ReidWeights): void {
  const values = unpackWeights(w);
  tf.tidy(() => {
    for (const s of m.specs) {
      const v = values.get(s.name);
      if (!v) throw new Error(`checkpoint lacks parameter ${s.name}`);
      m.vars.get(s.name)!.assign(tf.tensor(v, [...s.shape]));
    }
  });
}

/** Frees the variables. */
export function disposeModel(m: TrainableModel): void {
  tf.dispose([...m.vars.values()]);
}
