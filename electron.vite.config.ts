// Builds main (Electron entry, CLI entry, worker entries), the sandboxed preload (CJS) and the renderer.
// Everything main-side also runs under plain Node (CLI, browser mode), so the main target is Node 20.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  optionalDependencies: Record<string, string>;
};
// electron-vite reads Electron's major version from node_modules/electron; where the optional
// electron package could not install (no binary download), take it from package.json instead.
process.env['ELECTRON_MAJOR_VER'] ??= (pkg.optionalDependencies['electron'] ?? '41').replace(/^\D*/, '').split('.')[0];

/** Worker entries: one per long-running kind of job (ARCHITECTURE.md §3). */
/** The build folder: out/, or $TRACKWRIGHT_OUT_DIR (a second build beside it; test/helpers/built.ts reads the same variable). */
const OUT = process.env['TRACKWRIGHT_OUT_DIR'] ?? 'out';

const workers = {
  'backendProbe.worker': 'src-main/learning/backendProbe.worker.ts',
  'evaluate.worker': 'src-main/workers/evaluate.worker.ts',
  'track.worker': 'src-main/workers/track.worker.ts',
  'tune.worker': 'src-main/workers/tune.worker.ts',
  'train.worker': 'src-main/workers/train.worker.ts',
  'ablate.worker': 'src-main/workers/ablate.worker.ts',
  'embeddings.worker': 'src-main/workers/embeddings.worker.ts',
  'mpn.worker': 'src-main/learning/mpn/mpn.worker.ts',
  'mpnTrain.worker': 'src-main/workers/mpnTrain.worker.ts',
  'mpnTrack.worker': 'src-main/workers/mpnTrack.worker.ts',
  'mpnAblate.worker': 'src-main/workers/mpnAblate.worker.ts',
};

export default defineConfig({
  main: {
    build: {
      target: 'node20.19',
      outDir: `${OUT}/main`,
      externalizeDeps: { include: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] },
      rolldownOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          cli: resolve('src-main/cli/main.ts'),
          ...Object.fromEntries(Object.entries(workers).map(([k, v]) => [k, resolve(v)])),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      // A sandboxed preload can require nothing but 'electron': bundle everything else.
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module.
      lib: { entry: resolve('src-main/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(`${OUT}/renderer`),
      emptyOutDir: true,
      minify: true,
      // One local bundle (React, Konva): loaded from disk or loopback, never over a network.
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
