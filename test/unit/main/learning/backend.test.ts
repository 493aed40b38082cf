// Backend choice for training: the default order, the override, and that choosing wasm or cpu makes
// convolutions trainable there (wasm has no Conv2DBackpropFilter kernel of its own).
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../../src-main/learning/backend';

tf.env().set('IS_TEST', true);
let before = 0;
beforeEach(() => {
  before = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors, 'tensors leaked by this test').toBe(before);
});

const convGrad = (): number[] =>
  tf.tidy(() => {
    const x = tf.ones([1, 5, 5, 2]) as tf.Tensor4D;
    const f = tf.ones([3, 3, 2, 1]) as tf.Tensor4D;
    return Array.from(tf.grad((w: tf.Tensor) => tf.sum(tf.conv2d(x, w as tf.Tensor4D, 2, 'same')))(f).dataSync());
  });

describe('selectBackend for training', () => {
  it('without an override takes the first backend that loads, in the order of ARCHITECTURE.md §3', async () => {
    const b = await selectBackend();
    const order = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];
    expect(order).toContain(b.name);
    // Every backend before the chosen one is listed as skipped, with its reason.
    for (const earlier of order.slice(0, order.indexOf(b.name))) expect(b.detail).toContain(`${earlier}: `);
  });

  it.each(['wasm', 'cpu'] as const)('override %s: conv2d has a filter gradient there', async (name) => {
    const b = await selectBackend(name);
    expect(b.name).toBe(name);
    expect(tf.getBackend()).toBe(name);
    // 1×5×5×2 ones, 3×3 filter, stride 2 'same' (pad 1): output taps at rows/cols 0, 2, 4; each filter
    // tap (a, b) sees 2, 3 or 2 in-image positions per axis (edge taps lose the padded row/column).
    const perAxis = [2, 3, 2];
    const want = perAxis.flatMap((r) => perAxis.flatMap((c) => [r * c, r * c]));
    expect(convGrad()).toEqual(want);
  });

  it('an unavailable override fails loudly instead of falling back', async () => {
    await expect(selectBackend('tensorflow-gpu')).rejects.toThrow(/tensorflow-gpu requested but unavailable/);
  });
});
