import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';

/** The API view of a sequence. */
export function sequenceSummary(store: ProjectStore, s: SequenceRow): SequenceSummary {
  return {
    id: s.id,
    name: s.name,
    frameCount: s.frameCount,
    fps: s.fps,
    width: s.width,
    height: s.height,
    sourceKind: s.sourceKind,
    sourcePath: s.sourcePath,
    hasFrames: s.framesDir !== null,
    benchmark: (s.benchmark as SequenceSummary['benchmark']) ?? null,
    gtLayout: s.gtLayout,
    trackCount: store.boxes.tracks(s.id).length,
    boxCount: store.boxes.count(s.id),
    sets: store.sets.list(s.id),
  };
}
