// Composition root for every entry (Electron, browser mode, CLI): store -> services -> jobs -> handlers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendInfo } from '../src-shared/ipc/schemas';
import { probeTfBackend } from './jobs/backendProbe';
import { JobRunner } from './jobs/JobRunner';
import type { Handlers } from './services/api';
import { AppService } from './services/app';
import { EventBus } from './services/events';
import { createHandlers, type Services } from './services/handlers';
import { TransferService } from './services/imports/transferService';
import { MediaService } from './services/media/mediaService';
import { ProjectsService } from './services/projects';
import { JobsService } from './services/runs/jobsService';
import { RefreshService } from './services/runs/refreshService';
import { RunsService } from './services/runs/runsService';
import { SampleService } from './services/sample/sampleService';
import { SequencesService } from './services/sequences/sequencesService';
import { DiagnosticsService } from './services/training/embeddingDiagnostics';
import { TrainingService } from './services/training/trainingService';
import { openLibrary } from './store/library/libraryFile';
import type { SqliteOptions } from './store/sqlite';

/** How to build a backend. */
export interface BackendOptions {
  /** Where the library and (by default) new projects live. */
  readonly dataDir: string;
  readonly version: string;
  readonly sqlite?: SqliteOptions;
  /** The folder of the built worker entries (`out/main/`); needed to probe the tfjs backend. */
  readonly workersDir?: URL;
  /** Replaces the worker probe (tests). */
  readonly probeBackend?: () => Promise<BackendInfo>;
}

/** Everything the transports need. */
export interface Backend {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly services: Services;
  /** Probes the tfjs backend in a worker (once; later calls return the same answer). */
  probeBackend(): Promise<BackendInfo>;
  /** The job runner (workers of evaluation, tracking, tuning and training runs). */
  readonly runner: JobRunner;
  /** Closes every database (stop jobs first: `await runner.stopAll()`). */
  close(): void;
}

/** Opens the library in `dataDir` and wires the services. */
export function createBackend(o: BackendOptions): Backend {
  mkdirSync(o.dataDir, { recursive: true });
  const sqlite = o.sqlite ?? {};
  const library = openLibrary(join(o.dataDir, 'library.sqlite'), sqlite);
  const events = new EventBus();
  const app = new AppService(o.version, o.dataDir, events);
  const projects = new ProjectsService(library, join(o.dataDir, 'projects'), sqlite, Date.now, (reason) => events.emit('projects.changed', { reason }));
  const runner = new JobRunner({ progress: (e) => events.emit('jobs.progress', e), finished: (e) => events.emit('jobs.finished', e) });
  const services: Services = {
    app,
    projects,
    sequences: new SequencesService(projects),
    transfer: new TransferService(projects, events),
    media: new MediaService(projects),
    sample: new SampleService(projects, join(o.dataDir, 'projects')),
    runs: new RunsService(projects, runner),
    jobs: new JobsService(projects, runner, o.workersDir),
    refresh: new RefreshService(projects, runner, o.workersDir),
    training: new TrainingService(projects, runner, o.workersDir),
    diagnostics: new DiagnosticsService(projects, runner, o.workersDir),
  };
  const probe =
    o.probeBackend ??
    (o.workersDir
      ? () => probeTfBackend(o.workersDir!)
      : () => Promise.resolve<BackendInfo>({ state: 'failed', message: 'no worker folder given' }));
  let probing: Promise<BackendInfo> | undefined;
  return {
    handlers: createHandlers(services),
    events,
    services,
    runner,
    probeBackend: () => (probing ??= app.startBackendProbe(probe)),
    close() {
      projects.close();
      library.close();
    },
  };
}
