// ByteTrack's constant-velocity Kalman filter (ifzhang/ByteTrack yolox/tracker/kalman_filter.py, from
// Deep SORT): state [cx, cy, a, h, vcx, vcy, va, vh], measurement [cx, cy, a, h] (a = w / h), noise
// proportional to the box height through std_weight_position 1/20 and std_weight_velocity 1/160.
// Operations are in place on caller-owned buffers (mean: 8, covariance: 8×8 row-major). The
// covariance starts diagonal and F only couples each coordinate with its velocity, so it stays
// block-diagonal ((cx, vcx), (cy, vcy), (a, va), (h, vh)) with exact zeros elsewhere, also in the
// reference's dense products; the blocks are computed with the operations left of those products, in
// their order, which gives numpy's doubles.
import { cholesky } from './linalg';

/** chi-square 0.95 quantiles by degrees of freedom (kalman_filter.py `chi2inv95`), for Mahalanobis gating. */
export const CHI2INV95: Readonly<Record<number, number>> = { 1: 3.8415, 2: 5.9915, 3: 7.8147, 4: 9.4877, 5: 11.07, 6: 12.592, 7: 14.067, 8: 15.507, 9: 16.919 };

/** Noise weights of the xyah filter. */
export interface XyahNoise {
  /** kalman_filter.py `_std_weight_position` = 1 / 20. */
  readonly stdWeightPosition: number;
  /** kalman_filter.py `_std_weight_velocity` = 1 / 160. */
  readonly stdWeightVelocity: number;
}

/** ByteTrack's (and Deep SORT's) weights. */
export const BYTETRACK_NOISE: XyahNoise = { stdWeightPosition: 1 / 20, stdWeightVelocity: 1 / 160 };

/** tlwh -> xyah as STrack.tlwh_to_xyah: cx = x + w/2, cy = y + h/2, a = w / h. */
export function tlwhToXyah(tlwh: ArrayLike<number>, at: number, out: Float64Array, outAt = 0): Float64Array {
  const w = tlwh[at + 2]!;
  const h = tlwh[at + 3]!;
  out[outAt] = tlwh[at]! + w / 2;
  out[outAt + 1] = tlwh[at + 1]! + h / 2;
  out[outAt + 2] = w / h;
  out[outAt + 3] = h;
  return out;
}

/** mean -> tlwh as STrack.tlwh: w = a h, x = cx - w/2, y = cy - h/2. */
export function xyahToTlwh(mean: ArrayLike<number>, out: Float64Array, outAt = 0): Float64Array {
  const w = mean[2]! * mean[3]!;
  const h = mean[3]!;
  out[outAt] = mean[0]! - w / 2;
  out[outAt + 1] = mean[1]! - h / 2;
  out[outAt + 2] = w;
  out[outAt + 3] = h;
  return out;
}

/** The xyah Kalman filter; stateless apart from its noise weights and scratch space. */
export class XyahKalman {
  readonly #wp: number;
  readonly #wv: number;
  readonly #s = new Float64Array(16);
  readonly #l = new Float64Array(16);
  readonly #d = new Float64Array(4);

  constructor(noise: XyahNoise = BYTETRACK_NOISE) {
    this.#wp = noise.stdWeightPosition;
    this.#wv = noise.stdWeightVelocity;
  }

  /** `initiate`: mean = [z, 0, 0, 0, 0], covariance = diag(std²) with std from the box height. */
  initiate(z: ArrayLike<number>, mean: Float64Array, cov: Float64Array): void {
    const h = z[3]!;
    for (let i = 0; i < 4; i++) mean[i] = z[i]!;
    mean.fill(0, 4, 8);
    cov.fill(0, 0, 64);
    const p = 2 * this.#wp * h;
    const v = 10 * this.#wv * h;
    const std = [p, p, 1e-2, p, v, v, 1e-5, v];
    for (let i = 0; i < 8; i++) cov[i * 9] = std[i]! * std[i]!;
  }

  /** `predict` / one row of `multi_predict`: mean = F mean, covariance = F P Fᵀ + Q(h). */
  predict(mean: Float64Array, cov: Float64Array): void {
    const h = mean[3]!;
    const p = this.#wp * h;
    const v = this.#wv * h;
    for (let g = 0; g < 4; g++) {
      const pp = g * 9, pv = g * 9 + 4, vp = (g + 4) * 8 + g, vv = (g + 4) * 9;
      mean[g] = mean[g]! + mean[g + 4]!;
      // Rows: P[g] += P[g+4]; then columns: P[:, g] += P[:, g+4]; then + Q (diagonal).
      const a = cov[pp]! + cov[vp]!;
      const b = cov[pv]! + cov[vv]!;
      cov[pp] = a + b + (g === 2 ? 1e-2 * 1e-2 : p * p);
      cov[pv] = b;
      cov[vp] = cov[vp]! + cov[vv]!;
      cov[vv] = cov[vv]! + (g === 2 ? 1e-5 * 1e-5 : v * v);
    }
  }

  /** `project`: S = H P Hᵀ + diag(std²) into `s` (4×4); returns it. */
  project(mean: Float64Array, cov: Float64Array, s = this.#s): Float64Array {
    const p = this.#wp * mean[3]!;
    const pp = p * p;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) s[i * 4 + j] = cov[i * 8 + j]! + (i === j ? (i === 2 ? 1e-1 * 1e-1 : pp) : 0);
    return s;
  }

  /**
   * `update` with measurement z (xyah): mean += K (z - H mean), P -= K S Kᵀ with K from cho_solve.
   * S is diagonal (see the file comment), so the Cholesky factor is diag(sqrt(S_gg)) and cho_solve
   * divides twice by it: K[i][g] = (P[i][g] / l) / l.
   */
  update(mean: Float64Array, cov: Float64Array, z: ArrayLike<number>): void {
    const pw = this.#wp * mean[3]!;
    const rp = pw * pw;
    for (let g = 0; g < 4; g++) {
      const pp = g * 9, pv = g * 9 + 4, vp = (g + 4) * 8 + g, vv = (g + 4) * 9;
      const S = cov[pp]! + (g === 2 ? 1e-1 * 1e-1 : rp);
      const l = Math.sqrt(S);
      if (!(l > 0)) throw new Error('XyahKalman.update: projected covariance is not positive definite');
      const kp = cov[pp]! / l / l;
      const kv = cov[vp]! / l / l;
      const inn = z[g]! - mean[g]!;
      mean[g] = mean[g]! + inn * kp;
      mean[g + 4] = mean[g + 4]! + inn * kv;
      const tp = S * kp;
      const tv = S * kv;
      cov[pp] = cov[pp]! - kp * tp;
      cov[pv] = cov[pv]! - kp * tv;
      cov[vp] = cov[vp]! - kv * tp;
      cov[vv] = cov[vv]! - kv * tv;
    }
  }

  /** `gating_distance` (metric 'maha'): squared Mahalanobis distance of each xyah measurement row to the projected state. */
  gatingDistance(mean: Float64Array, cov: Float64Array, xyah: Float64Array, count: number, out = new Float64Array(count)): Float64Array {
    const L = cholesky(this.project(mean, cov), 4, this.#l);
    const d = this.#d;
    for (let m = 0; m < count; m++) {
      for (let i = 0; i < 4; i++) d[i] = xyah[m * 4 + i]! - mean[i]!;
      let sum = 0;
      for (let i = 0; i < 4; i++) {
        let s = d[i]!;
        for (let k = 0; k < i; k++) s -= L[i * 4 + k]! * d[k]!;
        d[i] = s / L[i * 4 + i]!;
        sum += d[i]! * d[i]!;
      }
      out[m] = sum;
    }
    return out;
  }
}
