// Tracker output as a MOT result table (rows in output order; full precision, canonical writer).
import { allocTable, sliceTable, type MotTable } from '../formats/motTable';
import type { ResultRow } from './sequence';

/** Result rows as a `res` table: frame, id, tlwh, score, -1 -1 -1. */
export function resultTable(rows: readonly ResultRow[]): MotTable {
  const t = allocTable('res', 10, rows.length);
  for (const r of rows) {
    const i = t.count++;
    t.frame[i] = r.frame;
    t.id[i] = r.box.id;
    t.x[i] = r.box.tlwh[0]!;
    t.y[i] = r.box.tlwh[1]!;
    t.w[i] = r.box.tlwh[2]!;
    t.h[i] = r.box.tlwh[3]!;
    t.conf[i] = r.box.score;
    t.c8[i] = -1;
    t.c9[i] = -1;
    t.c10[i] = -1;
  }
  return sliceTable(t, t.count);
}
