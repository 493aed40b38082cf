// Detection → GT assignment of METHODS.md §0.2, shared by every training loss: per frame, Hungarian on
// cost 1 − IoU (continuous IoU, no "+1 pixel") with pairs of IoU < 0.5 forbidden. A matched detection
// takes the GT identity and quality q = IoU; an unmatched one is a false positive (−1).
import { linearSumAssignment } from '../assignment/lap';

/** Cost of a forbidden pair: far above any sum of allowed costs (each ≤ 1), so the solver first
 *  maximises the number of allowed pairs and then minimises their cost; forbidden picks are dropped. */
const FORBIDDEN = 1e6;

/** Continuous IoU of two xyxy boxes (union floored at 1e-9, METHODS.md §0.3-6). */
export function iouXyxy(a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number {
  const iw = Math.min(a[4 * i + 2]!, b[4 * j + 2]!) - Math.max(a[4 * i]!, b[4 * j]!);
  const ih = Math.min(a[4 * i + 3]!, b[4 * j + 3]!) - Math.max(a[4 * i + 1]!, b[4 * j + 1]!);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const areaA = (a[4 * i + 2]! - a[4 * i]!) * (a[4 * i + 3]! - a[4 * i + 1]!);
  const areaB = (b[4 * j + 2]! - b[4 * j]!) * (b[4 * j + 3]! - b[4 * j + 1]!);
  return inter / Math.max(areaA + areaB - inter, 1e-9);
}

/** One frame's assignment: for each detection its GT row (−1 unmatched) and the pair's IoU (0 unmatched). */
export interface GtMatch {
  readonly gtOfDet: Int32Array;
  readonly iou: Float32Array;
}

/** Matches `nd` detections to `ng` GT boxes (both xyxy, 4 values each) with IoU ≥ `minIou` (§0.2). */
export function matchToGt(det: ArrayLike<number>, nd: number, gt: ArrayLike<number>, ng: number, minIou = 0.5): GtMatch {
  const gtOfDet = new Int32Array(nd).fill(-1);
  const iou = new Float32Array(nd);
  if (nd === 0 || ng === 0) return { gtOfDet, iou };
  const cost = new Float64Array(nd * ng);
  const ious = new Float64Array(nd * ng);
  for (let i = 0; i < nd; i++) {
    for (let j = 0; j < ng; j++) {
      const v = iouXyxy(det, i, gt, j);
      ious[i * ng + j] = v;
      cost[i * ng + j] = v >= minIou ? 1 - v : FORBIDDEN;
    }
  }
  const a = linearSumAssignment(cost, nd, ng);
  for (let i = 0; i < nd; i++) {
    const j = a.rowToCol[i]!;
    if (j >= 0 && ious[i * ng + j]! >= minIou) {
      gtOfDet[i] = j;
      iou[i] = ious[i * ng + j]!;
    }
  }
  return { gtOfDet, iou };
}
