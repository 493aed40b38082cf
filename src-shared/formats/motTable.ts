// MOTChallenge text rows as columns (typed arrays), the shape every importer, exporter, metric and
// tracker reads. Column meanings follow ../shared/PRODUCT.md §6 and TrackEval's MotChallenge2DBox:
//   1 frame (1-based)  2 id  3-6 bb_left, bb_top, width, height (pixels)  7 conf
//   8-10: GT of MOT16/17/20: class id, visibility; MOT15 GT, detections and results: x, y, z (-1 when unused).

/** Which kind of file a table came from: ground truth, detections or tracker results. */
export type MotKind = 'gt' | 'det' | 'res';

/**
 * How a GT file lays out columns 8-10: `class-visibility` (MOT16/17/20: class id 1-13, visibility 0-1)
 * or `world` (MOT15: 3-D position, -1 when unknown). Detections and results always use `world`.
 */
export type GtLayout = 'class-visibility' | 'world';

/** Boxes as columns, the in-memory shape of every box list (files, stored tiles, tracker output). */
export interface BoxColumns {
  readonly count: number;
  readonly frame: Int32Array;
  readonly id: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly h: Float64Array;
  readonly conf: Float64Array;
  /** Column 8: class id (GT, class-visibility layout) or world x. */
  readonly c8: Float64Array;
  /** Column 9: visibility (GT, class-visibility layout) or world y. */
  readonly c9: Float64Array;
  /** Column 10: world z. */
  readonly c10: Float64Array;
}

/** Rows of one MOT text file as columns. Absent trailing columns are NaN. */
export interface MotTable extends BoxColumns {
  readonly kind: MotKind;
  /** The file's column count (every data line has it). */
  readonly columns: number;
  /** 1-based line number in the source file of each row (0 for rows made in the app). */
  readonly line: Int32Array;
}

/** An empty table with room for `capacity` rows (fill, then `sliceTable` to the count). */
export function allocTable(kind: MotKind, columns: number, capacity: number): MotTable & { count: number } {
  return {
    kind,
    columns,
    count: 0,
    frame: new Int32Array(capacity),
    id: new Int32Array(capacity),
    x: new Float64Array(capacity),
    y: new Float64Array(capacity),
    w: new Float64Array(capacity),
    h: new Float64Array(capacity),
    conf: new Float64Array(capacity),
    c8: new Float64Array(capacity).fill(NaN),
    c9: new Float64Array(capacity).fill(NaN),
    c10: new Float64Array(capacity).fill(NaN),
    line: new Int32Array(capacity),
  };
}

/** A copy of the table with its arrays trimmed to `count` rows (or to the rows `order` lists, in that order). */
export function sliceTable(t: MotTable, count: number, order?: Int32Array | number[]): MotTable {
  if (order) {
    const pick = <A extends Int32Array | Float64Array>(a: A): A => {
      const out = new (a.constructor as new (n: number) => A)(order.length);
      for (let i = 0; i < order.length; i++) out[i] = a[order[i]!]!;
      return out;
    };
    return {
      ...t,
      count: order.length,
      frame: pick(t.frame),
      id: pick(t.id),
      x: pick(t.x),
      y: pick(t.y),
      w: pick(t.w),
      h: pick(t.h),
      conf: pick(t.conf),
      c8: pick(t.c8),
      c9: pick(t.c9),
      c10: pick(t.c10),
      line: pick(t.line),
    };
  }
  return {
    ...t,
    count,
    frame: t.frame.slice(0, count),
    id: t.id.slice(0, count),
    x: t.x.slice(0, count),
    y: t.y.slice(0, count),
    w: t.w.slice(0, count),
    h: t.h.slice(0, count),
    conf: t.conf.slice(0, count),
    c8: t.c8.slice(0, count),
    c9: t.c9.slice(0, count),
    c10: t.c10.slice(0, count),
    line: t.line.slice(0, count),
  };
}

/** Row order by (frame, id), stable: the canonical order of GT and result files. */
export function frameIdOrder(t: MotTable): Int32Array {
  const idx = new Int32Array(t.count);
  for (let i = 0; i < t.count; i++) idx[i] = i;
  return idx.sort((a, b) => t.frame[a]! - t.frame[b]! || t.id[a]! - t.id[b]! || a - b);
}

/** Row order by frame, keeping file order within a frame: the canonical order of detection files. */
export function frameOrder(t: MotTable): Int32Array {
  const idx = new Int32Array(t.count);
  for (let i = 0; i < t.count; i++) idx[i] = i;
  return idx.sort((a, b) => t.frame[a]! - t.frame[b]! || a - b);
}
