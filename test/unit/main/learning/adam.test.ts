// The plain-state Adam against tfjs's own tf.train.adam, and its state round trip.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Adam } from '../../../../src-main/learning/adam';
import { expectClose } from '../../../helpers/close';
import { useTfBackend } from '../../../helpers/tf';

useTfBackend('wasm');

const lossOf = (w: tf.Tensor, b: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.sub(tf.add(tf.mul(w, tf.tensor1d([1, -2, 3])), b), tf.tensor1d([0.5, 1, -1])))) as tf.Scalar;

describe('Adam', () => {
  it('takes the same steps as tf.train.adam and restores its state exactly', () => {
    const vars = (): tf.Variable[] => tf.tidy(() => [tf.variable(tf.tensor1d([0.1, 0.2, 0.3])), tf.variable(tf.scalar(0.5))]);
    const [w, b] = vars();
    const mine = new Map([['w', w!], ['b', b!]]);
    const ref = vars();
    const opt = new Adam(mine, { learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const tfOpt = tf.train.adam(0.05, 0.9, 0.999, 1e-8);
    try {
      for (let i = 0; i < 5; i++) {
        const { value, grads } = tf.variableGrads(() => lossOf(mine.get('w')!, mine.get('b')!));
        opt.apply({ w: grads[mine.get('w')!.name], b: grads[mine.get('b')!.name] });
        tf.dispose([value, ...Object.values(grads)]);
        tf.dispose(tfOpt.minimize(() => lossOf(ref[0]!, ref[1]!), true) ?? []);
      }
      // tfjs keeps β^t as float32 products, so 1 − β2^t differs in the 5th digit: compare to 1e-5.
      expectClose(mine.get('w')!.dataSync(), ref[0]!.dataSync(), 1e-5);
      expectClose(mine.get('b')!.dataSync(), ref[1]!.dataSync(), 1e-5);
      expect(Math.abs(mine.get('w')!.dataSync()[0]! - 0.1)).toBeGreaterThan(0.02); // it really moved
      const s = opt.state();
      expect(s.t).toBe(5);
      const copy = new Adam(mine, { learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      copy.load(structuredClone(s));
      expect(copy.state()).toEqual(s);
      copy.dispose();
    } finally {
      opt.dispose();
      tfOpt.dispose();
      tf.dispose([...mine.values(), ...ref]);
    }
  });
});
