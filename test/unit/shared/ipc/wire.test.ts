import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../../../../src-shared/ipc/wire';

describe('wire codec', () => {
  it('base64 matches Node for every length 0..64 and random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps typed arrays, including views into larger buffers', () => {
    const big = new Float64Array([1, 2, 3.5, -0, Number.MAX_VALUE]);
    const view = new Int16Array(new Int16Array([9, -7, 5, 3]).buffer, 2, 2);
    const out = decodeWire(encodeWire({ a: big, nested: [{ v: view }], f: new Float32Array([0.1]) })) as {
      a: Float64Array;
      nested: { v: Int16Array }[];
      f: Float32Array;
    };
    expect(out.a).toBeInstanceOf(Float64Array);
    expect(Array.from(out.a)).toEqual([1, 2, 3.5, -0, Number.MAX_VALUE]);
    expect(out.nested[0]!.v).toBeInstanceOf(Int16Array);
    expect(Array.from(out.nested[0]!.v)).toEqual([-7, 5]);
    expect(out.f[0]).toBe(Math.fround(0.1));
  });

  it('passes plain JSON through and rejects malformed text', () => {
    const v = { ok: true, value: { s: 'x', n: [1, null, { b: false }] } };
    expect(decodeWire(encodeWire(v))).toEqual(v);
    expect(() => decodeWire('{bad')).toThrow(SyntaxError);
    expect(() => base64ToBytes('ab$d')).toThrow(/invalid base64 character at 2/);
  });
});
