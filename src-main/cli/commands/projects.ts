import type { Command } from '../command';
import { call, CliError, table } from '../command';

/** `trackwright projects list|create|open|forget`. */
export const projectsCommand: Command = {
  name: 'projects',
  summary: 'List, create, open (add to the list) or forget project files',
  help: `Usage:
  trackwright projects list [--json]
  trackwright projects create NAME [--dir FOLDER]
  trackwright projects open FILE.tw.sqlite
  trackwright projects forget FILE.tw.sqlite

A project is one SQLite file (*.tw.sqlite). New projects go to <data-dir>/projects unless --dir is given.
"forget" takes a project off the list; the file stays where it is.

  --dir FOLDER     folder for the new project file
  --json           machine-readable output (list)`,
  options: { dir: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, pos, ctx) {
    const [sub, arg, ...extra] = pos;
    if (extra.length) throw new CliError(`unexpected argument ${JSON.stringify(extra[0])}`, 2);
    const need = (what: string): string => {
      if (!arg) throw new CliError(`projects ${sub} needs ${what} (see: trackwright projects --help)`, 2);
      return arg;
    };
    switch (sub) {
      case 'list': {
        const list = await call(ctx, 'projects.list', {});
        if (values['json']) ctx.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) ctx.out('No projects yet. Create one: trackwright projects create NAME');
        else
          for (const l of table(
            ['NAME', 'LAST OPENED', 'FILE'],
            list.map((p) => [p.name, new Date(p.lastOpenedMs).toISOString().slice(0, 16).replace('T', ' '), p.available ? p.path : `${p.path} (missing)`]),
          ))
            ctx.out(l);
        return 0;
      }
      case 'create': {
        const dir = values['dir'] as string | undefined;
        const p = await call(ctx, 'projects.create', { name: need('a NAME'), ...(dir !== undefined ? { directory: dir } : {}) });
        ctx.out(p.path);
        return 0;
      }
      case 'open': {
        const p = await call(ctx, 'projects.open', { path: need('a FILE') });
        ctx.out(`${p.name}: ${p.path}`);
        return 0;
      }
      case 'forget': {
        const r = await call(ctx, 'projects.forget', { path: need('a FILE') });
        ctx.out(r.forgotten ? 'forgotten' : 'was not listed');
        return 0;
      }
      case undefined:
        throw new CliError('projects needs a subcommand: list, create, open or forget', 2);
      default:
        throw new CliError(`unknown subcommand projects ${sub} (list, create, open, forget)`, 2);
    }
  },
};
