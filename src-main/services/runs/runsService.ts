// The runs.* channels (history, details, artifacts, cancel, delete) and sets.rows.
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import { fail } from '../../../src-shared/ipc/result';
import type { JobRunner } from '../../jobs/JobRunner';
import type { RunRow } from '../../store/project/readers/runs';
import type { ProjectsService } from '../projects';

/** A stored run as the API shows it. */
export function runSummary(r: RunRow): RunSummary {
  return { ...r };
}

/** Run history and run details. */
export class RunsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly runner: JobRunner,
  ) {}

  list(r: Req<'runs.list'>): Res<'runs.list'> {
    const store = this.projects.store(r.project);
    return store.runs.list({ ...(r.kind ? { kind: r.kind } : {}), ...(r.parentId ? { parentId: r.parentId } : {}) }).map(runSummary);
  }

  get(r: Req<'runs.get'>): Res<'runs.get'> {
    const store = this.projects.store(r.project);
    const run = store.runs.get(r.runId);
    if (!run) fail('not_found', `No run ${r.runId} in ${r.project}`);
    return {
      run: runSummary(run),
      metrics: store.runs.metrics(run.id),
      events: r.events ? store.runs.events(run.id) : {},
      artifacts: store.runs.artifacts(run.id),
      children: store.runs.list({ parentId: run.id }).map(runSummary),
    };
  }

  artifact(r: Req<'runs.artifact'>): Res<'runs.artifact'> {
    const a = this.projects.store(r.project).runs.artifact(r.runId, r.name);
    if (!a) fail('not_found', `Run ${r.runId} has no artifact ${JSON.stringify(r.name)}`);
    // SQLite hands out a Node Buffer, whose toJSON would turn it into a number list on browser mode's
    // wire: answer a plain Uint8Array view of the same bytes.
    return { meta: a.meta, data: new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength) };
  }

  cancel(r: Req<'runs.cancel'>): Res<'runs.cancel'> {
    return { cancelled: this.runner.cancel(r.jobId) };
  }

  remove(r: Req<'runs.delete'>): Res<'runs.delete'> {
    const store = this.projects.store(r.project);
    const run = store.runs.get(r.runId);
    if (run && (run.state === 'running' || run.state === 'queued') && this.runner.whenDone(run.jobId)) {
      fail('conflict', `Run ${r.runId} is still running: cancel it first`);
    }
    return { deleted: store.transaction(() => store.runs.remove(r.runId)) };
  }

  setRows(r: Req<'sets.rows'>): Res<'sets.rows'> {
    const store = this.projects.store(r.project);
    const set = store.sets.get(r.setId);
    if (!set) fail('not_found', `No detection or result set ${r.setId}`);
    const b = store.sets.rows(set.id);
    return { count: b.count, frame: b.frame, id: b.id, x: b.x, y: b.y, w: b.w, h: b.h, conf: b.conf };
  }
}
