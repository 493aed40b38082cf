// Request fragments shared by the channel groups.
import { z } from 'zod';
import { PathSchema } from '../schemas';

/** Every project-scoped request names its project file. */
export const projectRef = { project: PathSchema };
/** A sequence by id or by name. */
export const SequenceRefSchema = z.union([z.number().int().min(1), z.string().min(1)]);
/** The empty request. */
export const none = z.object({}).strict();
/** Encoded image bytes. */
export const ImageBytesSchema = z.object({ mime: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes') });
