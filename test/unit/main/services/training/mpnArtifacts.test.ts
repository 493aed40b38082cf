// MPN run artifacts and tracker parameters, hand-checked: a checkpoint survives the store's byte layout
// (weights | Adam m | Adam v | JSON, read back from an unaligned buffer); foreign formats are refused;
// the MPN tracker's params are checked field by field.
import { describe, expect, it } from 'vitest';
import { decodeMpnCheckpoint, encodeMpnCheckpoint, isMpnRun } from '../../../../../src-main/services/training/mpnArtifacts';
import { mpnTrackParams } from '../../../../../src-main/services/runs/mpnTrack';
import type { MpnCheckpointWire } from '../../../../../src-shared/learning/mpnWire';

const checkpoint: MpnCheckpointWire = {
  format: 'trackwright.mpn-checkpoint',
  version: 1,
  config: { loss: 'unitrack', steps: 9 },
  step: 3,
  weights: { manifest: { format: 'trackwright.mpn-weights', version: 1, config: { features: { kind: 'none', dim: 1 }, targetFps: 6 }, entries: [{ name: 'w', shape: [3], offset: 0 }] }, data: Float32Array.of(0.5, -1.25, 3) },
  optimizer: { t: 3, m: Float32Array.of(0.1, 0.2, 0.3), v: Float32Array.of(1, 2, 4) },
  lambdaState: [0.6, 0.4],
  curves: [{ step: 3, losses: { total: 1.5 }, edges: 10, stepMs: 2 }],
  validation: [{ step: 3, metrics: { bce: 0.7 } }],
};

describe('MPN checkpoints', () => {
  it('round-trip through the stored bytes, also from an unaligned buffer', () => {
    const { meta, data } = encodeMpnCheckpoint(checkpoint);
    // 3 floats × 3 arrays × 4 bytes, then the JSON tail.
    expect(new TextDecoder().decode(data.subarray(36))).toBe(JSON.stringify({ curves: checkpoint.curves, validation: checkpoint.validation }));
    const unaligned = new Uint8Array(data.byteLength + 1).subarray(1);
    unaligned.set(data);
    expect(decodeMpnCheckpoint(JSON.parse(JSON.stringify(meta)), unaligned)).toEqual(checkpoint);
  });

  it('refuses another format', () => {
    const { meta, data } = encodeMpnCheckpoint(checkpoint);
    expect(() => decodeMpnCheckpoint({ ...(meta as object), format: 'trackwright.train-checkpoint' }, data)).toThrow(/not a trackwright.mpn-checkpoint v1/);
  });

  it('tells MPN runs by their config', () => {
    expect(isMpnRun({ model: 'mpn' })).toBe(true);
    expect(isMpnRun({ model: 'reid' })).toBe(false);
    expect(isMpnRun(null)).toBe(false);
  });
});

describe('mpnTrackParams', () => {
  it('takes threshold, minTrackLength and interpolate, and names the field it refuses', () => {
    expect(mpnTrackParams(undefined)).toEqual({});
    expect(mpnTrackParams({ threshold: 0.6, minTrackLength: 3, interpolate: false })).toEqual({ threshold: 0.6, minTrackLength: 3, interpolate: false });
    expect(() => mpnTrackParams({ threshold: 1 })).toThrow(/params\.threshold: .* in \(0, 1\), got 1/);
    expect(() => mpnTrackParams({ minTrackLength: 1.5 })).toThrow(/params\.minTrackLength: must be an integer ≥ 1, got 1\.5/);
    expect(() => mpnTrackParams({ interpolate: 'yes' })).toThrow(/params\.interpolate: must be true or false/);
    expect(() => mpnTrackParams({ maxAge: 3 })).toThrow(/params\.maxAge: the MPN tracker takes threshold, minTrackLength and interpolate/);
  });
});
