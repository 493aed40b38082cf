// Box IoU exactly as TrackEval computes it (trackeval/datasets/_base_dataset.py `_calculate_box_ious`,
// box_format='xywh'): corners are x + w and y + h in float64, areas are (x1 - x0)·(y1 - y0) of those
// corners (not w·h, which can differ in the last bit), and degenerate boxes or unions give 0.
import { EPS } from './evalData';

/** IoU of box a and box b, both xywh (tlwh), with TrackEval's operations in TrackEval's order. */
export function iouXywh(ax: number, ay: number, aw: number, ah: number, bx: number, by: number, bw: number, bh: number): number {
  const ax1 = ax + aw;
  const ay1 = ay + ah;
  const bx1 = bx + bw;
  const by1 = by + bh;
  const iw = Math.min(ax1, bx1) - Math.max(ax, bx);
  if (!(iw > 0)) return 0;
  const ih = Math.min(ay1, by1) - Math.max(ay, by);
  if (!(ih > 0)) return 0;
  const intersection = iw * ih;
  const area1 = (ax1 - ax) * (ay1 - ay);
  const area2 = (bx1 - bx) * (by1 - by);
  const union = area1 + area2 - intersection;
  // intersection[area1 <= eps] = 0; intersection[area2 <= eps] = 0; intersection[union <= eps] = 0.
  if (area1 <= EPS || area2 <= EPS || union <= EPS) return 0;
  return intersection / union;
}
