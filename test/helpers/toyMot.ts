// Tiny hand-made sequences for metric and analysis tests: boxes written as MOT text, then read through the
// same parser and TrackEval preprocessing as real files.
import { parseMotText } from '../../src-shared/formats/parseMotText';
import type { EvalData } from '../../src-shared/metrics/evalData';
import { isMotChallengeError, preprocessMotChallenge, type Benchmark } from '../../src-shared/metrics/motChallenge';

/** frame -> id -> box [x, y, w, h] (y, w, h default 100, 40, 100). */
export type ToyBoxes = Record<number, Record<number, number | readonly number[]>>;

/** MOT15-style text (10 columns, conf 1) for the boxes. */
export function toyText(boxes: ToyBoxes): string {
  const lines: string[] = [];
  for (const [f, ids] of Object.entries(boxes)) {
    for (const [id, b] of Object.entries(ids)) {
      const [x, y = 100, w = 40, h = 100] = typeof b === 'number' ? [b] : b;
      lines.push(`${f},${id},${x},${y},${w},${h},1,-1,-1,-1`);
    }
  }
  return lines.join('\n') + '\n';
}

/** EvalData for toy GT and tracker boxes (MOT15 conventions: no distractor preprocessing). */
export function toyData(gt: ToyBoxes, tr: ToyBoxes, seqLength = 10, benchmark: Benchmark = 'MOT15'): EvalData {
  const g = parseMotText(toyText(gt), { kind: 'gt', fileName: 'gt.txt', seqLength });
  const t = parseMotText(toyText(tr), { kind: 'res', fileName: 'res.txt', seqLength });
  if (g.errorCount || t.errorCount) throw new Error([...g.errors, ...t.errors].map((e) => e.message).join('\n'));
  const d = preprocessMotChallenge(g.table, t.table, { benchmark, doPreproc: true, seqLength });
  if (isMotChallengeError(d)) throw new Error(d.message);
  return d;
}

/** { f: { id: x } } for frames in `frames`. */
export function track(frames: Iterable<number>, id: number, x: (f: number) => number | readonly number[]): ToyBoxes {
  const out: ToyBoxes = {};
  for (const f of frames) out[f] = { [id]: x(f) };
  return out;
}

/** Merges toy box maps frame by frame. */
export function merge(...parts: ToyBoxes[]): ToyBoxes {
  const out: Record<number, Record<number, number | readonly number[]>> = {};
  for (const p of parts) for (const [f, ids] of Object.entries(p)) out[Number(f)] = { ...out[Number(f)], ...ids };
  return out;
}

/** 1..n. */
export const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);
