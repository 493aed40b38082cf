// Runs scipy.optimize.linear_sum_assignment (test/fixtures/scipy/lsap.py) as the oracle for the LAP port.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './built';

const SCRIPT = join(ROOT, 'test', 'fixtures', 'scipy', 'lsap.py');

/** True when `python3` can import scipy here. */
export function hasScipy(): boolean {
  const r = spawnSync('python3', ['-c', 'import scipy.optimize'], { encoding: 'utf8' });
  return r.status === 0;
}

/** One matrix for scipy. */
export interface ScipyCase {
  readonly rows: number;
  readonly cols: number;
  readonly maximize?: boolean;
  readonly cost: readonly number[];
}

/** scipy's answer: rowToCol (-1 = unassigned) or the ValueError message. */
export type ScipyAnswer = { rowToCol: number[] } | { error: string };

/** Solves every case with scipy in one python3 process. Infinity travels as JSON's non-standard Infinity. */
export function scipySolve(cases: readonly ScipyCase[]): ScipyAnswer[] {
  const input = JSON.stringify(cases, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `__${v}__` : v)).replace(
    /"__(-?Infinity|NaN)__"/g,
    '$1',
  );
  const r = spawnSync('python3', [SCRIPT, 'solve'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`lsap.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ScipyAnswer[];
}
