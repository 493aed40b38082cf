// The non-zero box IoUs of one timestep (TrackEval `_calculate_box_ious`, see boxIou.ts) without testing
// every GT × tracker pair: tracker boxes are bucketed by left edge into columns half as wide as the widest
// tracker box, so for a GT box only the columns covering (gx0 − widest, gx1) can hold a box that overlaps
// it. Every other pair has no horizontal overlap, so its IoU is exactly 0 in TrackEval too; candidates are
// checked on both axes with TrackEval's own corner sums (x + w, y + h) before the full IoU.
import type { MotTable } from '../formats/motTable';
import { iouXywh } from './boxIou';

/** Sparse IoUs of a timestep: for raw GT a (0-based in the frame), entries start[a] .. start[a+1]-1. */
export class FrameIou {
  start = new Int32Array(64);
  /** Tracker box index within the frame, ascending per GT. */
  col = new Int32Array(256);
  val = new Float64Array(256);
  #cellStart = new Int32Array(64);
  #cellOf = new Int32Array(64);
  #inCell = new Int32Array(64);
  #x1 = new Float64Array(64);
  #y0 = new Float64Array(64);
  #y1 = new Float64Array(64);

  /** Computes the IoUs of gt rows gtRows[g0 .. g0+ng) against tracker rows trRows[t0 .. t0+nt). */
  compute(gt: MotTable, gtRows: Int32Array, g0: number, ng: number, tr: MotTable, trRows: Int32Array, t0: number, nt: number): void {
    if (this.start.length < ng + 1) this.start = new Int32Array((ng + 1) * 2);
    if (this.#inCell.length < nt) {
      this.#inCell = new Int32Array(nt * 2);
      this.#cellOf = new Int32Array(nt * 2);
      this.#x1 = new Float64Array(nt * 2);
      this.#y0 = new Float64Array(nt * 2);
      this.#y1 = new Float64Array(nt * 2);
    }
    const { x: tx, y: ty, w: tw, h: th } = tr;
    const x1 = this.#x1;
    const y0 = this.#y0;
    const y1 = this.#y1;
    let minX = Infinity;
    let maxX = -Infinity;
    let maxW = 0;
    for (let b = 0; b < nt; b++) {
      const r = trRows[t0 + b]!;
      const x = tx[r]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (tw[r]! > maxW) maxW = tw[r]!;
      x1[b] = x + tw[r]!;
      y0[b] = ty[r]!;
      y1[b] = ty[r]! + th[r]!;
    }
    // Columns of width maxW/2 over [minX, maxX]; tracker boxes listed per column in index order.
    const inv = 2 / (maxW > 0 ? maxW : 1);
    const cells = nt === 0 ? 0 : Math.floor((maxX - minX) * inv) + 1;
    if (this.#cellStart.length < cells + 2) this.#cellStart = new Int32Array((cells + 2) * 2);
    const cellStart = this.#cellStart;
    const cellOf = this.#cellOf;
    const inCell = this.#inCell;
    cellStart.fill(0, 0, cells + 2);
    for (let b = 0; b < nt; b++) {
      const c = Math.floor((tx[trRows[t0 + b]!]! - minX) * inv);
      cellOf[b] = c;
      cellStart[c + 2]!++;
    }
    for (let c = 0; c < cells; c++) cellStart[c + 2] = cellStart[c + 2]! + cellStart[c + 1]!;
    for (let b = 0; b < nt; b++) inCell[cellStart[cellOf[b]! + 1]!++] = b;
    let n = 0;
    this.start[0] = 0;
    const { x: gxs, y: gys, w: gws, h: ghs } = gt;
    for (let a = 0; a < ng; a++) {
      const rg = gtRows[g0 + a]!;
      const gx = gxs[rg]!, gy = gys[rg]!, gw = gws[rg]!, gh = ghs[rg]!;
      const gx1 = gx + gw;
      const gy1 = gy + gh;
      // Column range, widened by a hair against rounding (never narrowed): boxes outside it have x0 <= gx − maxW
      // (so x0 + w <= gx) or x0 >= gx1.
      const lo = (gx - maxW - minX) * inv;
      const hi = (gx1 - minX) * inv;
      const c0 = Math.max(0, Math.floor(lo - 1e-9 * (1 + Math.abs(lo))));
      const c1 = Math.min(cells - 1, Math.floor(hi + 1e-9 * (1 + Math.abs(hi))));
      const first = n;
      for (let k = c0 <= c1 ? cellStart[c0]! : 0, kEnd = c0 <= c1 ? cellStart[c1 + 1]! : 0; k < kEnd; k++) {
        const b = inCell[k]!;
        // No overlap on one axis means IoU 0 in TrackEval too: skip without the full computation.
        if (x1[b]! <= gx || y1[b]! <= gy || y0[b]! >= gy1) continue;
        const rt = trRows[t0 + b]!;
        if (tx[rt]! >= gx1) continue;
        const v = iouXywh(gx, gy, gw, gh, tx[rt]!, ty[rt]!, tw[rt]!, th[rt]!);
        if (!(v > 0)) continue;
        if (n === this.col.length) {
          const c = new Int32Array(n * 2);
          c.set(this.col);
          this.col = c;
          const w = new Float64Array(n * 2);
          w.set(this.val);
          this.val = w;
        }
        // Keep this GT's entries sorted by tracker index.
        let j = n++;
        while (j > first && this.col[j - 1]! > b) {
          this.col[j] = this.col[j - 1]!;
          this.val[j] = this.val[j - 1]!;
          j--;
        }
        this.col[j] = b;
        this.val[j] = v;
      }
      this.start[a + 1] = n;
    }
  }
}
