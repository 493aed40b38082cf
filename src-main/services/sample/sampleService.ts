// The projects.createSample channel, and the first-run sample project.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectSummary } from '../../../src-shared/ipc/schemas';
import type { ProjectsService } from '../projects';
import { createSampleProject } from './sample';

/** Makes the sample project (a synthetic walking scene with GT and detections). */
export class SampleService {
  #running: Promise<ProjectSummary> | undefined;

  constructor(
    private readonly projects: ProjectsService,
    private readonly projectsDir: string,
  ) {}

  /** Creates the sample project in `directory` (default: the app's projects folder). */
  async create(directory = this.projectsDir): Promise<ProjectSummary> {
    // One at a time: a second click while it renders gets the same project.
    this.#running ??= createSampleProject(this.projects, directory).finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** On a first start (no project yet, no sample file), makes the sample in the background. */
  createIfFirstRun(): Promise<ProjectSummary | undefined> {
    if (this.projects.list().length > 0 || existsSync(join(this.projectsDir, 'Sample-synthetic-walkers.tw.sqlite'))) return Promise.resolve(undefined);
    return this.create().catch((e: unknown) => {
      console.error('[trackwright] could not create the sample project:', e);
      return undefined;
    });
  }
}
