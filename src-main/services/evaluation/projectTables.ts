// A project's sequences as evaluation input: the annotations as GT (boxes marked outside are not GT)
// and a result set as the tracker, in the canonical order export writes (frame, id) — so a run's
// numbers are the ones TrackEval gives on the exported files.
import type { SequenceTables } from '../../../src-shared/evaluation/evaluate';
import type { MotTable } from '../../../src-shared/formats/motTable';
import { fail } from '../../../src-shared/ipc/result';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { exportRows } from '../exports/exportMot';

/** GT and one set of a sequence as tables; `kind` 'det' reads a detection set. */
export function sequenceTables(store: ProjectStore, seq: SequenceRow, set: { kind: 'res' | 'det'; name: string }): SequenceTables {
  const gt = exportRows(store, seq, { kind: 'gt' }).table;
  if (gt.count === 0) fail('invalid_request', `${seq.name} has no annotations to evaluate against`);
  const tracker = exportRows(store, seq, set).table;
  return { name: seq.name, gt, tracker, seqLength: seq.frameCount, fps: seq.fps, gtHasClassVisibility: seq.gtLayout === 'class-visibility' };
}

/** The buffers of tables, to transfer (not copy) them to a worker. */
export function tableBuffers(tables: readonly MotTable[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of tables) for (const a of [t.frame, t.id, t.x, t.y, t.w, t.h, t.conf, t.c8, t.c9, t.c10, t.line]) out.add(a.buffer as ArrayBuffer);
  return [...out];
}
