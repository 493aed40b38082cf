// SORT's [x, y, s, r] filter. Hand-checked first step, then a long run compared with the textbook
// dense-matrix formulas of filterpy (x = Fx, P = FPF' + Q; K = PH' inv(HPH' + R), Joseph form),
// written out here with plain loops: the specialised code must give the same doubles.
import { describe, expect, it } from 'vitest';
import { SORT_NOISE, XysrKalman, tlbrToXysr, xysrToTlbr } from '../../../../src-shared/tracking/kalmanXysr';
import { invert } from '../../../../src-shared/tracking/linalg';

const mul = (a: number[], b: number[], n: number, m: number, p: number): number[] => {
  const out = new Array<number>(n * p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += a[i * m + k]! * b[k * p + j]!;
    out[i * p + j] = s;
  }
  return out;
};
const tr = (a: number[], n: number, m: number): number[] => Array.from({ length: n * m }, (_, k) => a[(k % n) * m + Math.floor(k / n)]!);
const F = Array.from({ length: 49 }, (_, k) => (k % 8 === 0 || k === 4 || k === 12 || k === 20 ? 1 : 0));
const H = Array.from({ length: 28 }, (_, k) => (k % 8 === 0 ? 1 : 0));
const diag = (d: readonly number[]): number[] => Array.from({ length: d.length * d.length }, (_, k) => (k % (d.length + 1) === 0 ? d[k / (d.length + 1)]! : 0));

describe('XysrKalman (SORT, filterpy semantics)', () => {
  it('has SORT noise settings, evaluated in its order', () => {
    expect(SORT_NOISE.r).toEqual([1, 1, 10, 10]);
    expect(SORT_NOISE.p0).toEqual([10, 10, 10, 10, 10000, 10000, 10000]);
    expect(SORT_NOISE.q[6]).toBe(0.01 * 0.01); // 0.00010000000000000002, not 1e-4
  });

  it('box conversions: centre, area, ratio and back', () => {
    const z = tlbrToXysr([10, 20, 40, 80], 0, new Float64Array(4));
    expect(Array.from(z)).toEqual([25, 50, 1800, 0.5]);
    expect(Array.from(xysrToTlbr(z, new Float64Array(4)))).toEqual([10, 20, 40, 80]);
    expect(tlbrToXysr([0, 0, 1, 1], 0, new Float64Array(4), 1e-6)[3]).toBe(1 / (1 + 1e-6));
  });

  it('first predict and update by hand', () => {
    const kf = new XysrKalman([25, 50, 1800, 0.5]);
    kf.predict();
    // P[0][0] = 10 + 10000 (velocity) + 1 (Q); P[0][4] = 10000; velocities unchanged at 0.
    expect(kf.P[0]).toBe(10011);
    expect(kf.P[4]).toBe(10000);
    expect(kf.P[4 * 8]).toBe(10000 + 0.01);
    expect(Array.from(kf.x)).toEqual([25, 50, 1800, 0.5, 0, 0, 0]);
    kf.update([27, 50, 1800, 0.5]);
    // Decoupled coordinates: x gains K = 10011 / (10011 + 1) of the innovation 2; vx gains 10000 / 10012 of it.
    expect(kf.x[0]).toBeCloseTo(25 + (2 * 10011) / 10012, 12);
    expect(kf.x[4]).toBeCloseTo((2 * 10000) / 10012, 12);
    expect(kf.x[1]).toBe(50);
  });

  it('matches the dense filterpy formulas bit for bit over 60 steps', () => {
    const z0 = [100, 200, 5000, 0.4];
    const kf = new XysrKalman(z0);
    let x = [...z0, 0, 0, 0];
    let P = diag(SORT_NOISE.p0);
    const Q = diag(SORT_NOISE.q);
    const R = diag(SORT_NOISE.r);
    for (let t = 1; t <= 60; t++) {
      kf.predict();
      x = mul(F, x, 7, 7, 1);
      P = mul(mul(F, P, 7, 7, 7), tr(F, 7, 7), 7, 7, 7).map((v, k) => v + Q[k]!);
      if (t % 7 === 3) continue; // a missed frame now and then
      const z = [100 + 3 * t + (t % 5), 200 - t, 5000 + 40 * t, 0.4 + 0.001 * (t % 3)];
      kf.update(z);
      const y = z.map((v, i) => v - mul(H, x, 4, 7, 1)[i]!);
      const PHT = mul(P, tr(H, 4, 7), 7, 7, 4);
      const S = mul(H, PHT, 4, 7, 4).map((v, k) => v + R[k]!);
      const K = mul(PHT, Array.from(invert(Float64Array.from(S), 4)), 7, 4, 4);
      x = x.map((v, i) => v + mul(K, y, 7, 4, 1)[i]!);
      const IKH = mul(K, H, 7, 4, 7).map((v, k) => (k % 8 === 0 ? 1 : 0) - v);
      const KRK = mul(mul(K, R, 7, 4, 4), tr(K, 7, 4), 7, 4, 7);
      P = mul(mul(IKH, P, 7, 7, 7), tr(IKH, 7, 7), 7, 7, 7).map((v, k) => v + KRK[k]!);
    }
    expect(Array.from(kf.x)).toEqual(x);
    expect(Array.from(kf.P)).toEqual(P);
  });

  it('snapshot and restore give back the exact state', () => {
    const kf = new XysrKalman([1, 2, 300, 0.5]);
    kf.predict();
    const s = kf.snapshot();
    kf.update([2, 2, 310, 0.5]);
    kf.restore(s);
    expect(Array.from(kf.x)).toEqual(Array.from(s.x));
    expect(Array.from(kf.P)).toEqual(Array.from(s.P));
  });
});
