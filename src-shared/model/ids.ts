// Branded ids: a ProjectId cannot be passed where a SequenceId is expected, though both are strings.
import { z } from 'zod';

/** A project's stable id (a UUID written into the project file when it is created). */
export const ProjectIdSchema = z.uuid().brand<'ProjectId'>();
/** A project's stable id. */
export type ProjectId = z.infer<typeof ProjectIdSchema>;

/** Brands a string known to be a project id (ids read back from the store). */
export const asProjectId = (s: string): ProjectId => s as ProjectId;
