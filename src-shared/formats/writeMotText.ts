// Writes MOTChallenge text in Trackwright's canonical form: comma-separated, no spaces, numbers in
// JavaScript's shortest round-trip notation (so every value reads back bit-identical), '\n' line
// ends, one row per line. A file already in this form round-trips byte for byte.
import { AsciiWriter } from './asciiWriter';
import type { MotTable } from './motTable';

/** What to write. */
export interface WriteMotOptions {
  /** Column count (default: the table's own). Missing trailing values are written as -1. */
  readonly columns?: number;
  /** Rows to write, in this order (default: all, in table order). */
  readonly order?: ArrayLike<number>;
}

/** Serialises rows as MOT text bytes (ASCII). */
export function writeMotBytes(t: MotTable, opts: WriteMotOptions = {}): Uint8Array {
  const columns = opts.columns ?? t.columns;
  const n = opts.order ? opts.order.length : t.count;
  const w = new AsciiWriter(Math.max(1024, n * 48));
  const extra = (a: Float64Array, r: number): void => {
    const v = a[r]!;
    if (Number.isNaN(v)) w.int(-1);
    else w.decimal(v);
  };
  for (let i = 0; i < n; i++) {
    const r = opts.order ? opts.order[i]! : i;
    w.int(t.frame[r]!);
    w.byte(44);
    w.int(t.id[r]!);
    w.byte(44);
    w.decimal(t.x[r]!);
    w.byte(44);
    w.decimal(t.y[r]!);
    w.byte(44);
    w.decimal(t.w[r]!);
    w.byte(44);
    w.decimal(t.h[r]!);
    w.byte(44);
    w.decimal(t.conf[r]!);
    if (columns > 7) {
      w.byte(44);
      extra(t.c8, r);
    }
    if (columns > 8) {
      w.byte(44);
      extra(t.c9, r);
    }
    if (columns > 9) {
      w.byte(44);
      extra(t.c10, r);
    }
    w.byte(10);
  }
  return w.bytes();
}

/** Serialises rows as MOT text (a string; for large files prefer writeMotBytes). */
export function writeMotText(t: MotTable, opts: WriteMotOptions = {}): string {
  const bytes = writeMotBytes(t, opts);
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
