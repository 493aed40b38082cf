// The handler map: one entry per API channel, each delegating to a service.
import type { Handlers } from './api';
import type { AppService } from './app';
import type { ProjectsService } from './projects';

/** The services the handlers delegate to. */
export interface Services {
  readonly app: AppService;
  readonly projects: ProjectsService;
}

/** Builds the handler map over the services. */
export function createHandlers(s: Services): Handlers {
  return {
    'app.info': (_req, ctx) => s.app.info(ctx.transport),
    'projects.list': () => s.projects.list(),
    'projects.create': (req) => s.projects.create(req),
    'projects.open': (req) => s.projects.open(req),
    'projects.forget': (req) => s.projects.forget(req),
  };
}
