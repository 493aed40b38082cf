// tfjs helpers for learning tests: backend selection as the workers do it, and a leak check
// (ARCHITECTURE.md §5: every learning test ends with numTensors back where it started).
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { selectBackend } from '../../src-main/learning/backend';
import type { TfBackendName } from '../../src-shared/ipc/schemas';

/** Selects `name` once for the file (wasm by default: fast convolutions) and checks every test for leaked tensors. */
export function useTfBackend(name: TfBackendName = 'wasm'): void {
  let before = 0;
  beforeAll(async () => {
    tf.env().set('IS_TEST', true); // keeps tfjs's "install the node backend" banner out of the output
    await selectBackend(name);
  }, 60_000);
  beforeEach(() => {
    before = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(tf.memory().numTensors, 'tensors leaked by this test').toBe(before);
  });
}
