// Search spaces for parameter tuning: floats and integers (optionally on a log scale) and categorical
// choices, as Optuna's distributions (FloatDistribution, IntDistribution, CategoricalDistribution).
import type { Rng } from './rng';

/** One parameter's range. */
export type ParamDef =
  | { readonly kind: 'float'; readonly low: number; readonly high: number; readonly log?: boolean }
  | { readonly kind: 'int'; readonly low: number; readonly high: number; readonly log?: boolean }
  | { readonly kind: 'categorical'; readonly choices: readonly (string | number | boolean)[] };

/** Parameters by name. */
export type SearchSpace = Readonly<Record<string, ParamDef>>;

/** A sampled value. */
export type ParamValue = number | string | boolean;

/** Sampled values by name. */
export type Params = Readonly<Record<string, ParamValue>>;

/** Problems with a space (empty when valid). */
export function checkSpace(space: SearchSpace): string[] {
  const errors: string[] = [];
  for (const [name, d] of Object.entries(space)) {
    if (d.kind === 'categorical') {
      if (d.choices.length === 0) errors.push(`${name}: no choices`);
      continue;
    }
    if (!(Number.isFinite(d.low) && Number.isFinite(d.high) && d.low <= d.high)) errors.push(`${name}: needs finite low <= high`);
    if (d.log && !(d.low > 0)) errors.push(`${name}: a log scale needs low > 0`);
    if (d.kind === 'int' && !(Number.isInteger(d.low) && Number.isInteger(d.high))) errors.push(`${name}: int bounds must be whole numbers`);
  }
  return errors;
}

/** The internal (search) coordinate of a numeric definition: [low, high] or [log low, log high]; ints widened by 0.5. */
export function internalRange(d: Extract<ParamDef, { kind: 'float' | 'int' }>): [number, number] {
  const lo = d.kind === 'int' ? d.low - 0.5 : d.low;
  const hi = d.kind === 'int' ? d.high + 0.5 : d.high;
  return d.log ? [Math.log(Math.max(lo, d.low * 0.5)), Math.log(hi)] : [lo, hi];
}

/** Maps an internal coordinate back to a value of the definition (ints rounded and clamped). */
export function fromInternal(d: Extract<ParamDef, { kind: 'float' | 'int' }>, x: number): number {
  const v = d.log ? Math.exp(x) : x;
  if (d.kind === 'int') return Math.min(d.high, Math.max(d.low, Math.round(v)));
  return Math.min(d.high, Math.max(d.low, v));
}

/** The internal coordinate of a value. */
export function toInternal(d: Extract<ParamDef, { kind: 'float' | 'int' }>, v: number): number {
  return d.log ? Math.log(v) : v;
}

/** One value drawn uniformly (in the internal coordinate). */
export function sampleUniform(d: ParamDef, rng: Rng): ParamValue {
  if (d.kind === 'categorical') return d.choices[Math.min(d.choices.length - 1, Math.floor(rng.next() * d.choices.length))]!;
  const [lo, hi] = internalRange(d);
  return fromInternal(d, lo + (hi - lo) * rng.next());
}
