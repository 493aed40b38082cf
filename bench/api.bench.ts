// API plumbing: a call through browser mode (HTTP on loopback) against the same call dispatched
// in-process (the CLI's path). The ratio is the transport's overhead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../src-main/compose';
import { startHost } from '../src-main/host/server';
import { dispatch } from '../src-main/services/api';
import { type Bench, medianMs } from './harness';

export const apiBench: Bench = {
  name: 'API round trip',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'tw-bench-'));
    const backend = createBackend({ dataDir: dir, version: 'bench', probeBackend: async () => ({ state: 'failed', message: 'bench' }) });
    for (let i = 0; i < 20; i++) backend.services.projects.create({ name: `p${i}` });
    const host = await startHost({ handlers: backend.handlers, events: backend.events, rendererDir: dir });
    try {
      const N = 200;
      const inProcess = await medianMs(async () => {
        for (let i = 0; i < N; i++) await dispatch(backend.handlers, 'projects.list', {}, { transport: 'cli' });
      });
      const overHttp = await medianMs(async () => {
        for (let i = 0; i < N; i++) {
          const r = await fetch(`http://127.0.0.1:${host.port}/api/projects.list`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${host.token}` },
            body: '{}',
          });
          await r.text();
        }
      });
      return [
        { name: 'projects.list, in-process dispatch', value: (inProcess / N) * 1000, unit: 'µs/call', anchor: 'itself' },
        {
          name: 'projects.list over browser-mode HTTP',
          value: (overHttp / N) * 1000,
          unit: 'µs/call',
          anchor: 'in-process dispatch',
          ratio: overHttp / inProcess,
        },
      ];
    } finally {
      await host.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
