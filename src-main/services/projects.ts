// Projects: create, open, list and forget project files; keeps one open handle per project.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { asProjectId } from '../../src-shared/model/ids';
import type { ProjectSummary } from '../../src-shared/ipc/schemas';
import { fail } from '../../src-shared/ipc/result';
import type { LibraryStore } from '../store/library/libraryFile';
import type { LibraryEntry } from '../store/library/readers';
import {
  createProjectFile,
  openProjectFile,
  PROJECT_FILE_SUFFIX,
} from '../store/project/projectFile';
import type { ProjectStore } from '../store/project/projectStore';
import type { SqliteOptions } from '../store/sqlite';

/** Turns a display name into a safe file stem: "MOT17 train / v2" -> "MOT17-train-v2". */
export function fileStemFor(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return stem || 'project';
}

function toSummary(e: LibraryEntry): ProjectSummary {
  return {
    id: asProjectId(e.uuid),
    name: e.name,
    path: e.path,
    createdMs: e.createdMs,
    lastOpenedMs: e.lastOpenedMs,
    available: existsSync(e.path),
  };
}

/** The projects service (channels `projects.*`). */
export class ProjectsService {
  readonly #open = new Map<string, ProjectStore>();

  constructor(
    private readonly library: LibraryStore,
    private readonly projectsDir: string,
    private readonly sqlite: SqliteOptions,
    private readonly now: () => number = Date.now,
    /** Told after every change to the list (the `projects.changed` event). */
    private readonly onChange: (reason: string) => void = () => undefined,
  ) {}

  /** Every project in the library, most recently opened first. */
  list(): ProjectSummary[] {
    return this.library.list().map(toSummary);
  }

  /** Creates a project file (in `directory`, default the app's projects folder) and lists it. */
  create(req: { name: string; directory?: string | undefined }, o: { silent?: boolean } = {}): ProjectSummary {
    const dir = req.directory === undefined ? this.projectsDir : this.absolute(req.directory);
    if (req.directory !== undefined && !existsSync(dir)) fail('not_found', `Folder ${dir} does not exist`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, fileStemFor(req.name) + PROJECT_FILE_SUFFIX);
    if (existsSync(path)) fail('conflict', `A project file already exists at ${path}; open it, or choose another name`);
    const createdMs = this.now();
    const project = createProjectFile(path, { uuid: randomUUID(), name: req.name, createdMs }, this.sqlite);
    this.#open.set(path, project);
    const entry: LibraryEntry = { path, uuid: project.meta.uuid, name: project.meta.name, createdMs, lastOpenedMs: createdMs };
    this.library.upsert(entry);
    if (!o.silent) this.onChange('created');
    return toSummary(entry);
  }

  /** Opens an existing project file (any path) and lists it. */
  open(req: { path: string }): ProjectSummary {
    const path = this.absolute(req.path);
    const project = this.handle(path);
    const entry: LibraryEntry = {
      path,
      uuid: project.meta.uuid,
      name: project.meta.name,
      createdMs: project.meta.createdMs,
      lastOpenedMs: this.now(),
    };
    this.library.upsert(entry);
    this.onChange('opened');
    return toSummary(entry);
  }

  /** Removes a project from the library; the file stays where it is. */
  forget(req: { path: string }): { forgotten: boolean } {
    const path = this.absolute(req.path);
    this.#open.get(path)?.close();
    this.#open.delete(path);
    const forgotten = this.library.remove(path);
    if (forgotten) this.onChange('forgotten');
    return { forgotten };
  }

  /** The open handle of a listed project file, opening it on first use. */
  handle(path: string): ProjectStore {
    let p = this.#open.get(path);
    if (!p) {
      p = openProjectFile(path, this.sqlite);
      // Runs left 'running' by a Trackwright process that has ended will never finish.
      const store = p;
      store.transaction(() => store.runs.failOrphans(this.now()));
      this.#open.set(path, p);
    }
    return p;
  }

  /** The open store of a project file given as typed by a user (relative paths from the cwd). */
  store(project: string): ProjectStore {
    return this.handle(this.absolute(project));
  }

  /** Tells listeners the list changed (after work that created a project silently). */
  announce(reason: string): void {
    this.onChange(reason);
  }

  /** True when the library lists this path. */
  isListed(path: string): boolean {
    return this.library.find(this.absolute(path)) !== undefined;
  }

  /** Closes every open project file. */
  close(): void {
    for (const p of this.#open.values()) p.close();
    this.#open.clear();
  }

  private absolute(p: string): string {
    return isAbsolute(p) ? resolve(p) : resolve(process.cwd(), p);
  }
}
