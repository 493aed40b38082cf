// Benchmark harness: every figure is printed next to an anchor measured in the same run (or the
// target it is held to), because these machines are shared and noisy (ARCHITECTURE.md §6.9).

/** One printed line of a benchmark. */
export interface BenchRow {
  readonly name: string;
  /** The measured figure, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** What it is compared with, e.g. "in-process dispatch" or "target ≤ 2 s". */
  readonly anchor: string;
  /** value / anchor value (or a target ratio); undefined when only the figure is asked for. */
  readonly ratio?: number;
  /** Whether the target holds (undefined when there is no target). */
  readonly pass?: boolean;
}

/** A named group of measurements. */
export interface Bench {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Formats a number for the table. */
export function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3);
}
