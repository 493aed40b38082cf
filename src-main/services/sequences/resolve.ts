import { fail } from '../../../src-shared/ipc/result';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';

/** A sequence of the project by id or name; `not_found` otherwise. */
export function resolveSequence(store: ProjectStore, ref: number | string): SequenceRow {
  const s = typeof ref === 'number' ? store.sequences.get(ref) : store.sequences.byName(ref);
  if (!s) fail('not_found', `The project has no sequence ${JSON.stringify(ref)}`);
  return s;
}
