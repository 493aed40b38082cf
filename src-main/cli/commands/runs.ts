import type { Command } from '../command';
import { call, CliError, table } from '../command';

const when = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
const num = (x: unknown): string => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(4)) : '');

/** `trackwright runs`. */
export const runsCommand: Command = {
  name: 'runs',
  summary: 'List the run history of a project, or show one run',
  help: `Usage:
  trackwright runs --project FILE [--kind eval|track|tune|train|ablate] [--json]
  trackwright runs --project FILE --show RUNID [--json]

  --project FILE   the project file
  --kind KIND      only runs of this kind
  --show RUNID     one run: its configuration, summary, metrics per sequence and children
  --json           machine-readable output`,
  options: { project: { type: 'string' }, kind: { type: 'string' }, show: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    if (!project) throw new CliError('runs needs --project FILE', 2);
    await call(ctx, 'projects.open', { path: project });
    if (v['show'] !== undefined) {
      const runId = Number(v['show']);
      if (!Number.isInteger(runId) || runId < 1) throw new CliError(`--show needs a run id, got ${JSON.stringify(v['show'])}`, 2);
      const r = await call(ctx, 'runs.get', { project, runId });
      if (v['json']) return ctx.out(JSON.stringify(r, null, 2)), 0;
      ctx.out(`run ${r.run.id}: ${r.run.kind} · ${r.run.state} · ${r.run.title}`);
      ctx.out(`config: ${JSON.stringify(r.run.config)}`);
      if (r.run.summary) ctx.out(`summary: ${JSON.stringify(r.run.summary)}`);
      if (r.run.error) ctx.out(`error: ${JSON.stringify(r.run.error)}`);
      const seqs = Object.keys(r.metrics);
      if (seqs.length) {
        const fields = ['HOTA', 'DetA', 'AssA', 'MOTA', 'IDF1', 'IDSW', 'Frag'];
        for (const l of table(['SEQUENCE', ...fields], seqs.map((s) => [s, ...fields.map((f) => num(r.metrics[s]![f]))]))) ctx.out(l);
      }
      if (r.children.length) ctx.out(`${r.children.length} child runs`);
      if (r.artifacts.length) ctx.out(`artifacts: ${r.artifacts.map((a) => `${a.name} (${a.bytes} bytes)`).join(', ')}`);
      return 0;
    }
    const kind = v['kind'] as 'eval' | undefined;
    const list = await call(ctx, 'runs.list', { project, ...(kind ? { kind } : {}) });
    if (v['json']) return ctx.out(JSON.stringify(list, null, 2)), 0;
    if (list.length === 0) return ctx.out('No runs yet.'), 0;
    for (const l of table(
      ['ID', 'KIND', 'STATE', 'STARTED', 'TITLE', 'SUMMARY'],
      list.map((r) => [String(r.id), r.kind, r.state, when(r.startedMs ?? r.createdMs), r.title, r.summary ? Object.entries(r.summary as Record<string, unknown>).filter(([, x]) => typeof x === 'number').slice(0, 4).map(([k, x]) => `${k} ${num(x)}`).join(' · ') : '']),
    ))
      ctx.out(l);
    return 0;
  },
};
