// The constant-velocity Kalman filter of SORT and OC-SORT: state [x, y, s, r, vx, vy, vs] (centre,
// area, aspect ratio w/h and the velocities of the first three), measurement [x, y, s, r].
// abewley/sort sort.py `KalmanBoxTracker` on filterpy's `KalmanFilter` (predict: x = Fx,
// P = FPFᵀ + Q; update: K = PHᵀ inv(HPHᵀ + R), Joseph form P = (I-KH)P(I-KH)ᵀ + KRKᵀ).
// F and H are 0/1 matrices and P0, Q, R diagonal, so P stays block-diagonal: the pairs (x, vx),
// (y, vy), (s, vs) and r never couple, and every cross entry is an exact 0 in the dense products
// too (each of its terms has a zero factor; S is diagonal, so inv(S) is exactly diag(1 / S_ii)). The
// filter is therefore computed per block with the operations that remain of the dense sums, in their
// order: the same doubles as numpy's dense products, about five times faster.

/** Diagonals of the noise matrices (all off-diagonal entries are 0 in the references). */
export interface XysrNoise {
  /** Measurement noise R (4). */
  readonly r: readonly number[];
  /** Initial covariance P (7). */
  readonly p0: readonly number[];
  /** Process noise Q (7). */
  readonly q: readonly number[];
}

/**
 * SORT's settings (sort.py `KalmanBoxTracker.__init__`, shared by OC-SORT's ocsort.py):
 * R[2:,2:] *= 10; P[4:,4:] *= 1000; P *= 10; Q[-1,-1] *= 0.01; Q[4:,4:] *= 0.01 — from identities,
 * evaluated in that order (so Q[6,6] is 0.01 × 0.01 in floating point).
 */
export const SORT_NOISE: XysrNoise = {
  r: [1, 1, 1 * 10, 1 * 10],
  p0: [1 * 10, 1 * 10, 1 * 10, 1 * 10, 1 * 1000 * 10, 1 * 1000 * 10, 1 * 1000 * 10],
  q: [1, 1, 1, 1, 1 * 0.01, 1 * 0.01, 1 * 0.01 * 0.01],
};

/** tlbr -> [x, y, s, r] (sort.py `convert_bbox_to_z`; OC-SORT adds `eps` = 1e-6 to h in the ratio). */
export function tlbrToXysr(tlbr: ArrayLike<number>, at: number, out: Float64Array, eps = 0): Float64Array {
  const w = tlbr[at + 2]! - tlbr[at]!;
  const h = tlbr[at + 3]! - tlbr[at + 1]!;
  out[0] = tlbr[at]! + w / 2;
  out[1] = tlbr[at + 1]! + h / 2;
  out[2] = w * h;
  out[3] = w / (h + eps);
  return out;
}

/** [x, y, s, r, ...] -> tlbr (sort.py `convert_x_to_bbox`: w = sqrt(s r), h = s / w); NaN when s r < 0. */
export function xysrToTlbr(x: ArrayLike<number>, out: Float64Array, at = 0): Float64Array {
  const w = Math.sqrt(x[2]! * x[3]!);
  const h = x[2]! / w;
  out[at] = x[0]! - w / 2;
  out[at + 1] = x[1]! - h / 2;
  out[at + 2] = x[0]! + w / 2;
  out[at + 3] = x[1]! + h / 2;
  return out;
}

/** A filterpy-equivalent Kalman filter for the [x, y, s, r] constant-velocity model. */
export class XysrKalman {
  /** State (7). */
  x = new Float64Array(7);
  /** Covariance (7×7, row-major; entries outside the (i, i+4) blocks stay 0). */
  P = new Float64Array(49);
  readonly #r: Float64Array;
  readonly #q: Float64Array;

  /** Starts at measurement `z` (x[:4] = z, velocities 0) with covariance diag(p0). */
  constructor(z: ArrayLike<number>, noise: XysrNoise = SORT_NOISE) {
    for (let i = 0; i < 4; i++) this.x[i] = z[i]!;
    for (let i = 0; i < 7; i++) this.P[i * 8] = noise.p0[i]!;
    this.#r = Float64Array.from(noise.r);
    this.#q = Float64Array.from(noise.q);
  }

  /** x = F x; P = F P Fᵀ + Q. */
  predict(): void {
    const x = this.x;
    const P = this.P;
    const q = this.#q;
    for (let g = 0; g < 3; g++) {
      const p = g * 8; // P[g][g]
      const pv = g * 7 + g + 4; // P[g][g+4]
      const vp = (g + 4) * 7 + g; // P[g+4][g]
      const vv = (g + 4) * 8; // P[g+4][g+4]
      x[g] = x[g]! + x[g + 4]!;
      // Rows: P[g] += P[g+4]; then columns: P[:, g] += P[:, g+4].
      const a = P[p]! + P[vp]!;
      const b = P[pv]! + P[vv]!;
      P[p] = a + b + q[g]!;
      P[pv] = b;
      P[vp] = P[vp]! + P[vv]!;
      P[vv] = P[vv]! + q[g + 4]!;
    }
    P[24] = P[24]! + q[3]!;
  }

  /** The filterpy update with measurement `z` = [x, y, s, r]. */
  update(z: ArrayLike<number>): void {
    const x = this.x;
    const P = this.P;
    const r = this.#r;
    for (let g = 0; g < 3; g++) {
      const p = g * 8, pv = g * 7 + g + 4, vp = (g + 4) * 7 + g, vv = (g + 4) * 8;
      const a = P[p]!, b = P[pv]!, c = P[vp]!, d = P[vv]!;
      const y = z[g]! - x[g]!;
      const si = 1 / (a + r[g]!); // inv(S) is diagonal
      const kp = a * si; // K[g][g]
      const kv = c * si; // K[g+4][g]
      x[g] = x[g]! + kp * y;
      x[g + 4] = x[g + 4]! + kv * y;
      // Joseph form with A = I - K H: A[g][g] = 1 - kp, A[g+4][g] = -kv.
      const app = 1 - kp;
      const avp = -kv;
      const bpp = app * a, bpv = app * b; // B = A P, row g
      const bvp = avp * a + c, bvv = avp * b + d; // row g+4
      const krp = kp * r[g]!, krv = kv * r[g]!;
      P[p] = bpp * app + krp * kp;
      P[pv] = bpp * avp + bpv + krp * kv;
      P[vp] = bvp * app + krv * kp;
      P[vv] = bvp * avp + bvv + krv * kv;
    }
    const a = P[24]!;
    const si = 1 / (a + r[3]!);
    const k = a * si;
    x[3] = x[3]! + k * (z[3]! - x[3]!);
    const app = 1 - k;
    P[24] = app * a * app + k * r[3]! * k;
  }

  /** Copies state and covariance (OC-SORT's `freeze`). */
  snapshot(): { x: Float64Array; P: Float64Array } {
    return { x: this.x.slice(), P: this.P.slice() };
  }

  /** Restores a snapshot (OC-SORT's `unfreeze`). */
  restore(s: { x: Float64Array; P: Float64Array }): void {
    this.x.set(s.x);
    this.P.set(s.P);
  }
}
