import type { Command } from '../command';
import { call } from '../command';

/** `trackwright info`: version, data folder and the tfjs backend workers get. */
export const infoCommand: Command = {
  name: 'info',
  summary: 'Show the version, data folder and the TensorFlow.js backend in use',
  help: `Usage: trackwright info [--json] [--data-dir DIR]

Probes the TensorFlow.js backend in a worker, as training does (tfjs-node-gpu, tfjs-node, wasm, cpu),
and prints it with the version and the data folder.

  --json           print the app.info response as JSON`,
  options: { json: { type: 'boolean' } },
  async run(values, _pos, ctx) {
    await ctx.backend().probeBackend();
    const info = await call(ctx, 'app.info', {});
    if (values['json']) {
      ctx.out(JSON.stringify(info, null, 2));
      return 0;
    }
    const b = info.backend;
    ctx.out(`Trackwright ${info.version} (${info.platform})`);
    ctx.out(`data folder: ${info.dataDir}`);
    ctx.out(`tfjs backend: ${b.state === 'ready' ? `${b.name} — ${b.detail}, probed in ${b.probeMs} ms` : b.state === 'failed' ? `none (${b.message})` : 'probing'}`);
    return 0;
  },
};
