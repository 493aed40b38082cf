// Worker entry: selects the tfjs backend as a training worker would, and reports which one it got.
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendInfo, TfBackendName } from '../../src-shared/ipc/schemas';
import { selectBackend } from './backend';

const started = performance.now();
const override = (workerData as { override?: TfBackendName } | undefined)?.override;
let info: BackendInfo;
try {
  const b = await selectBackend(override);
  info = { state: 'ready', name: b.name, detail: b.detail, probeMs: Math.round(performance.now() - started) };
} catch (e) {
  info = { state: 'failed', message: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(info);
