import type { Command } from '../command';
import { call, CliError, table } from '../command';

/** `trackwright sequences`. */
export const sequencesCommand: Command = {
  name: 'sequences',
  summary: "List a project's sequences with their annotations and detection/result sets",
  help: `Usage: trackwright sequences --project FILE.tw.sqlite [--json]

  --project FILE   the project file
  --json           print the list as JSON`,
  options: { project: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    if (!project) throw new CliError('sequences needs --project FILE', 2);
    await call(ctx, 'projects.open', { path: project });
    const list = await call(ctx, 'sequences.list', { project });
    if (v['json']) {
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) ctx.out('No sequences yet. Add some: trackwright import --project FILE PATH');
    for (const l of table(
      ['ID', 'NAME', 'FRAMES', 'SIZE', 'FPS', 'TRACKS', 'BOXES', 'SETS'],
      list.map((s) => [
        String(s.id),
        s.name,
        `${s.frameCount}${s.hasFrames ? '' : '*'}`,
        `${s.width}x${s.height}`,
        String(Math.round(s.fps * 100) / 100),
        String(s.trackCount),
        String(s.boxCount),
        s.sets.map((x) => `${x.kind}:${x.name}`).join(', '),
      ]),
    ))
      ctx.out(l);
    if (list.some((s) => !s.hasFrames)) ctx.info('* no frame images');
    return 0;
  },
};
