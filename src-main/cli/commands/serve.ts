import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHost } from '../../host/server';
import type { Command } from '../command';
import { CliError, intOption } from '../command';

/** `trackwright serve`: browser mode. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the app to a web browser (browser mode), on 127.0.0.1 by default',
  help: `Usage: trackwright serve [--port N] [--host ADDR] [--allow-remote] [--data-dir DIR]

Serves the app and its API over HTTP + WebSocket and prints the URL to open. The URL carries a random
access token; requests without it are refused (401). Stop with Ctrl+C.

  --port N         port to listen on (default: a free port)
  --host ADDR      address to bind (default 127.0.0.1)
  --allow-remote   required to bind an address other machines can reach (e.g. 0.0.0.0 on a GPU
                   server); anyone with the URL can then read and change your projects. Prefer an SSH
                   tunnel: ssh -L 8700:127.0.0.1:8700 server, then serve --port 8700 on the server.
  --no-sample      do not create the sample project on a first start (an empty project list)`,
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, 'allow-remote': { type: 'boolean' }, 'no-sample': { type: 'boolean' } },
  async run(values, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const rendererDir = fileURLToPath(new URL('../renderer/', ctx.builtDir));
    if (!existsSync(`${rendererDir}/index.html`)) throw new CliError(`the renderer is not built (${rendererDir}): run npm run build`);
    const backend = ctx.backend();
    let host;
    try {
      const port = intOption('port', values['port'], 0, 65535);
      host = await startHost({
        handlers: backend.handlers,
        events: backend.events,
        rendererDir,
        media: (path, params) => backend.services.media.route(path, params),
        ...(values['host'] !== undefined ? { host: values['host'] as string } : {}),
        ...(port !== undefined ? { port } : {}),
        allowRemote: values['allow-remote'] === true,
      });
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError((e as Error).message);
    }
    if (host.warning) ctx.info(host.warning);
    void backend.probeBackend();
    if (!values['no-sample']) void backend.services.sample.createIfFirstRun();
    ctx.out(`Trackwright is running in browser mode: ${host.url}`);
    ctx.info('Open that URL in a browser. Press Ctrl+C to stop.');
    await ctx.untilStopped();
    await host.close();
    return 0;
  },
};
