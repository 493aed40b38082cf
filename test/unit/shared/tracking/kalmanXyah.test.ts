// ByteTrack's [cx, cy, a, h] filter. Hand-checked initiate/predict for h = 100:
//   position std 2 * (1/20) * 100 = 10 -> variance 100; velocity std 10 * (1/160) * 100 = 6.25 -> 39.0625;
//   predict adds the velocity variance and Q = (100/20)^2 = 25: 100 + 39.0625 + 25 = 164.0625.
// The update is compared with the textbook K = P H' S^-1 (S = H P H' + R) computed by plain inversion.
import { describe, expect, it } from 'vitest';
import { BYTETRACK_NOISE, CHI2INV95, XyahKalman, tlwhToXyah, xyahToTlwh } from '../../../../src-shared/tracking/kalmanXyah';
import { invert } from '../../../../src-shared/tracking/linalg';

describe('XyahKalman (ByteTrack)', () => {
  it('uses std weights 1/20 and 1/160', () => {
    expect(BYTETRACK_NOISE).toEqual({ stdWeightPosition: 1 / 20, stdWeightVelocity: 1 / 160 });
    expect(CHI2INV95[4]).toBe(9.4877);
  });

  it('converts tlwh <-> xyah as STrack does', () => {
    const z = tlwhToXyah([10, 20, 30, 60], 0, new Float64Array(4));
    expect(Array.from(z)).toEqual([25, 50, 0.5, 60]);
    expect(Array.from(xyahToTlwh(Float64Array.of(25, 50, 0.5, 60, 0, 0, 0, 0), new Float64Array(4)))).toEqual([10, 20, 30, 60]);
  });

  it('initiate and predict by hand', () => {
    const kf = new XyahKalman();
    const mean = new Float64Array(8);
    const cov = new Float64Array(64);
    kf.initiate([50, 80, 0.4, 100], mean, cov);
    expect(Array.from(mean)).toEqual([50, 80, 0.4, 100, 0, 0, 0, 0]);
    expect([cov[0], cov[9], cov[18], cov[27], cov[36], cov[63]]).toEqual([100, 100, 1e-2 * 1e-2, 100, 39.0625, 39.0625]);
    kf.predict(mean, cov);
    expect(cov[0]).toBe(164.0625);
    expect(cov[4]).toBe(39.0625); // position-velocity covariance after one step
  });

  it('update agrees with K = P H^T S^-1', () => {
    const kf = new XyahKalman();
    const mean = new Float64Array(8);
    const cov = new Float64Array(64);
    kf.initiate([50, 80, 0.4, 100], mean, cov);
    kf.predict(mean, cov);
    const m0 = Array.from(mean);
    const c0 = Array.from(cov);
    const S = Array.from(kf.project(mean, cov, new Float64Array(16)));
    const SI = invert(Float64Array.from(S), 4);
    const z = [53, 78, 0.41, 104];
    const K = Array.from({ length: 32 }, (_, k) => {
      const i = Math.floor(k / 4), j = k % 4;
      let s = 0;
      for (let q = 0; q < 4; q++) s += c0[i * 8 + q]! * SI[q * 4 + j]!;
      return s;
    });
    kf.update(mean, cov, z);
    for (let i = 0; i < 8; i++) {
      let s = m0[i]!;
      for (let j = 0; j < 4; j++) s += K[i * 4 + j]! * (z[j]! - m0[j]!);
      expect(mean[i]).toBeCloseTo(s, 9);
    }
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) {
      let s = c0[i * 8 + j]!;
      for (let p = 0; p < 4; p++) for (let q = 0; q < 4; q++) s -= K[i * 4 + p]! * S[p * 4 + q]! * K[j * 4 + q]!;
      expect(cov[i * 8 + j]).toBeCloseTo(s, 7);
    }
  });

  it('gating distance is 0 at the mean and grows with the offset', () => {
    const kf = new XyahKalman();
    const mean = new Float64Array(8);
    const cov = new Float64Array(64);
    kf.initiate([50, 80, 0.4, 100], mean, cov);
    const d = kf.gatingDistance(mean, cov, Float64Array.of(50, 80, 0.4, 100, 60, 80, 0.4, 100, 80, 80, 0.4, 100), 3);
    // S[0][0] = 100 + (100/20)^2 = 125: an x offset of 10 gives 100 / 125.
    expect(d[0]).toBe(0);
    expect(d[1]).toBeCloseTo(100 / 125, 12);
    expect(d[2]).toBeCloseTo(900 / 125, 12);
  });
});
