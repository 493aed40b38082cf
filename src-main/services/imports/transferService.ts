// The import.* and export.* channels.
import { randomUUID } from 'node:crypto';
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import type { EventBus } from '../events';
import { exportBenchmark, exportFile } from '../exports/exportMot';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';
import { importFrameFolder, importVideo } from './importMedia';
import { importMotFolder } from './importMot';
import { importResultFolder, importTextFile } from './importTextFile';

/** Imports into and exports from projects. */
export class TransferService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly events: EventBus,
  ) {}

  importMot(r: Req<'import.mot'>): Promise<Res<'import.mot'>> {
    return importMotFolder(this.projects.store(r.project), r.path, { skipBadLines: r.skipBadLines ?? false });
  }

  importFrames(r: Req<'import.frames'>): Promise<Res<'import.frames'>> {
    return importFrameFolder(this.projects.store(r.project), r.folder, { ...(r.name ? { name: r.name } : {}), ...(r.fps ? { fps: r.fps } : {}) });
  }

  importVideo(r: Req<'import.video'>): Promise<Res<'import.video'>> {
    const jobId = randomUUID();
    const started = performance.now();
    let last = 0;
    return importVideo(this.projects.store(r.project), r.file, {
      ...(r.name ? { name: r.name } : {}),
      onProgress: (done, total, message) => {
        const now = performance.now();
        if (now - last < 200 && done < total) return; // throttle: a few events per second
        last = now;
        const rate = done / Math.max(1, now - started);
        this.events.emit('jobs.progress', { jobId, runId: 0, kind: 'import.video', project: r.project, done, total, message, etaMs: total > done && rate > 0 ? Math.round((total - done) / rate) : null });
      },
    });
  }

  importFile(r: Req<'import.file'>): Promise<Res<'import.file'>> {
    return importTextFile(this.projects.store(r.project), {
      sequence: r.sequence,
      kind: r.kind,
      file: r.file,
      ...(r.name ? { name: r.name } : {}),
      replace: r.replace ?? false,
      skipBadLines: r.skipBadLines ?? false,
    });
  }

  importResults(r: Req<'import.results'>): Promise<Res<'import.results'>> {
    return importResultFolder(this.projects.store(r.project), r.folder, { ...(r.name ? { name: r.name } : {}), skipBadLines: r.skipBadLines ?? false });
  }

  exportFile(r: Req<'export.file'>): Res<'export.file'> {
    const store = this.projects.store(r.project);
    return exportFile(store, resolveSequence(store, r.sequence), r.source, r.out, { overwrite: r.overwrite ?? false, check: r.check ?? false });
  }

  exportBenchmark(r: Req<'export.benchmark'>): Promise<Res<'export.benchmark'>> {
    const store = this.projects.store(r.project);
    const seqs = r.sequences ? r.sequences.map((s) => resolveSequence(store, s)) : store.sequences.list();
    const started = performance.now();
    return exportBenchmark(store, seqs, r.out, {
      ...(r.split ? { split: r.split } : {}),
      ...(r.benchmark ? { benchmark: r.benchmark } : {}),
      ...(r.trackerSets ? { trackerSets: r.trackerSets } : {}),
      overwrite: r.overwrite ?? false,
      check: r.check ?? false,
      ...(r.progressId
        ? {
            onProgress: (done: number, total: number, message: string) => {
              const rate = done / Math.max(1, performance.now() - started);
              this.events.emit('jobs.progress', { jobId: r.progressId!, runId: 0, kind: 'export', project: r.project, done, total, message, etaMs: total > done && rate > 0 ? Math.round((total - done) / rate) : null });
            },
          }
        : {}),
    });
  }
}
