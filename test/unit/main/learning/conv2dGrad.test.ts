// The wasm-safe Conv2D gradient against tfjs's stock gradient on the cpu backend (1e-4) and against
// central finite differences, for strides 1–3, 'same'/'valid' and odd sizes.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { conv2dFilterGrad, conv2dInputGrad } from '../../../../src-main/learning/conv2dGrad';
import { expectClose } from '../../../helpers/close';
import { useTfBackend } from '../../../helpers/tf';

// Captured before selectBackend registers the replacement (the gradient registry is global).
const stock = tf.getGradient('Conv2D')!;
useTfBackend('wasm');

type Case = { h: number; w: number; cin: number; cout: number; k: number; s: number; pad: 'same' | 'valid' };
const CASES: Case[] = [
  { h: 9, w: 7, cin: 3, cout: 4, k: 3, s: 2, pad: 'same' },
  { h: 8, w: 6, cin: 2, cout: 5, k: 3, s: 2, pad: 'valid' },
  { h: 8, w: 8, cin: 4, cout: 3, k: 3, s: 1, pad: 'same' },
  { h: 10, w: 9, cin: 3, cout: 2, k: 5, s: 3, pad: 'valid' },
  { h: 11, w: 10, cin: 3, cout: 2, k: 5, s: 3, pad: 'same' },
  { h: 6, w: 6, cin: 2, cout: 3, k: 1, s: 2, pad: 'same' },
];

function inputs(c: Case, seed: number): { x: tf.Tensor4D; f: tf.Tensor4D; dy: tf.Tensor4D } {
  const x = tf.randomNormal([2, c.h, c.w, c.cin], 0, 1, 'float32', seed) as tf.Tensor4D;
  const f = tf.randomNormal([c.k, c.k, c.cin, c.cout], 0, 1, 'float32', seed + 1) as tf.Tensor4D;
  const yShape = tf.tidy(() => tf.conv2d(x, f, c.s, c.pad).shape);
  const dy = tf.randomNormal(yShape, 0, 1, 'float32', seed + 2) as tf.Tensor4D;
  return { x, f, dy };
}

describe('Conv2D gradient from forward convolutions', () => {
  it.each(CASES)('matches the stock cpu gradient to 1e-4 on wasm and cpu (%o)', async (c) => {
    const { x, f, dy } = inputs(c, 7);
    const attrs = { strides: c.s, pad: c.pad, dilations: 1, dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap;
    try {
      await tf.setBackend('cpu');
      const ref = stock.gradFunc(dy, [x, f], attrs) as Record<string, () => tf.Tensor>;
      const [refX, refF] = [ref['x']!(), ref['filter']!()];
      const want = [await refX.data(), await refF.data()];
      tf.dispose([refX, refF]);
      for (const backend of ['cpu', 'wasm']) {
        await tf.setBackend(backend);
        const gx = conv2dInputGrad(x.shape, dy, f, c.s, c.pad);
        const gf = conv2dFilterGrad(x, dy, f.shape, c.s, c.pad);
        // Through the registered gradient too: tf.grad must reach both inputs on this backend.
        const [tx, tfl] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad), dy)))([x, f]);
        try {
          expectClose(await gx.data(), want[0]!, 1e-4);
          expectClose(await gf.data(), want[1]!, 1e-4);
          expectClose(await tx!.data(), want[0]!, 1e-4);
          expectClose(await tfl!.data(), want[1]!, 1e-4);
        } finally {
          tf.dispose([gx, gf, tx!, tfl!]);
        }
      }
    } finally {
      await tf.setBackend('wasm');
      tf.dispose([x, f, dy]);
    }
  });

  it('agrees with central finite differences on wasm', () => {
    const c: Case = { h: 7, w: 6, cin: 2, cout: 3, k: 3, s: 2, pad: 'same' };
    const { x, f, dy } = inputs(c, 21);
    const loss = (a: tf.Tensor4D, b: tf.Tensor4D): number => tf.tidy(() => tf.sum(tf.mul(tf.conv2d(a, b, c.s, c.pad), dy)).dataSync()[0]!);
    const [gx, gf] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad), dy)))([x, f]);
    try {
      const h = 0.05; // the loss is linear in each argument, so only float32 rounding limits the check
      for (const [t, g] of [[x, gx!], [f, gf!]] as const) {
        const vals = t.dataSync();
        const grad = g.dataSync();
        for (const idx of [0, 5, 13, vals.length - 1]) {
          const plus = Float32Array.from(vals);
          const minus = Float32Array.from(vals);
          plus[idx]! += h;
          minus[idx]! -= h;
          const tp = tf.tensor4d(plus, t.shape);
          const tm = tf.tensor4d(minus, t.shape);
          const fd = t === x ? (loss(tp, f) - loss(tm, f)) / (2 * h) : (loss(x, tp) - loss(x, tm)) / (2 * h);
          tf.dispose([tp, tm]);
          expect(Math.abs(fd - grad[idx]!)).toBeLessThanOrEqual(2e-3 * Math.max(1, Math.abs(fd)));
        }
      }
    } finally {
      tf.dispose([x, f, dy, gx!, gf!]);
    }
  });
});
