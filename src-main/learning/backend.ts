// Chooses the TensorFlow.js backend once per worker (ARCHITECTURE.md §3): CUDA through
// @tensorflow/tfjs-node-gpu when it loads, else @tensorflow/tfjs-node, else WebAssembly (SIMD), else cpu.
import * as tf from '@tensorflow/tfjs';
import type { TfBackendName } from '../../src-shared/ipc/schemas';
import { registerTrainableConv2dGradient } from './conv2dGrad';
import { registerFastMatMulGradient } from './matMulGrad';

/** The backend in use and why the ones before it were skipped. */
export interface SelectedBackend {
  readonly name: TfBackendName;
  readonly detail: string;
}

type Attempt = { name: TfBackendName; load: () => Promise<string> };

const attempts: readonly Attempt[] = [
  {
    name: 'tensorflow-gpu',
    load: async () => {
      await import('@tensorflow/tfjs-node-gpu' as string);
      return 'tensorflow';
    },
  },
  {
    name: 'tensorflow',
    load: async () => {
      await import('@tensorflow/tfjs-node' as string);
      return 'tensorflow';
    },
  },
  {
    name: 'wasm',
    load: async () => {
      await import('@tensorflow/tfjs-backend-wasm');
      return 'wasm';
    },
  },
  { name: 'cpu', load: async () => 'cpu' },
];

function firstLine(e: unknown): string {
  if ((e as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND') return 'not installed';
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.slice(0, 160);
}

/**
 * Loads the first backend that works (or exactly `override`) and makes it tfjs's current backend.
 * Throws only when the override fails or nothing, not even cpu, initialises.
 */
export async function selectBackend(override?: TfBackendName): Promise<SelectedBackend> {
  const skipped: string[] = [];
  for (const a of attempts) {
    if (override !== undefined && a.name !== override) continue;
    try {
      const tfName = await a.load();
      if (!(await tf.setBackend(tfName))) throw new Error(`tfjs backend '${tfName}' did not initialise`);
      await tf.ready();
      // wasm has no Conv2DBackpropFilter kernel and cpu's is very slow: train through forward convs
      // instead (ENVIRONMENT.md). The tensorflow backends keep their native gradient kernels.
      // Likewise BatchMatMul's stock gradient uses transpose flags, which wasm runs ~10× slower (matMulGrad.ts).
      if (a.name === 'wasm' || a.name === 'cpu') {
        registerTrainableConv2dGradient();
        registerFastMatMulGradient();
      }
      const why = override !== undefined ? ' (set by override)' : skipped.length ? ` (skipped: ${skipped.join('; ')})` : '';
      return { name: a.name, detail: `tfjs backend '${tf.getBackend()}'${why}` };
    } catch (e) {
      if (override !== undefined) throw new Error(`tfjs backend ${override} requested but unavailable: ${firstLine(e)}`);
      skipped.push(`${a.name}: ${firstLine(e)}`);
    }
  }
  throw new Error(`no tfjs backend initialised (${skipped.join('; ')})`);
}
