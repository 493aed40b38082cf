import { z } from 'zod';
import { AppInfoSchema, DisplayNameSchema, PathSchema, ProjectSummarySchema } from '../schemas';
import { none } from './common';

/** App and project-library channels. */
export const projectChannels = {
  'app.info': { request: none, response: AppInfoSchema },
  'projects.list': { request: none, response: z.array(ProjectSummarySchema) },
  'projects.create': {
    request: z
      .object({
        name: DisplayNameSchema,
        /** Folder for the new file; default: the app's projects folder. */
        directory: PathSchema.optional(),
      })
      .strict(),
    response: ProjectSummarySchema,
  },
  'projects.open': { request: z.object({ path: PathSchema }).strict(), response: ProjectSummarySchema },
  'projects.createSample': {
    request: z.object({ directory: PathSchema.optional() }).strict(),
    response: ProjectSummarySchema,
  },
  'projects.forget': {
    request: z.object({ path: PathSchema }).strict(),
    response: z.object({ forgotten: z.boolean() }),
  },
} as const;
