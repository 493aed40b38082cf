// An AnnotationView over a real project store, so editing commands are tested against main's own
// edit semantics (what the renderer's model mirrors).
import type { AnnotationView } from '../../src-shared/editing/view';
import type { BoxRecord } from '../../src-shared/model/edits';
import type { ProjectStore } from '../../src-main/store/project/projectStore';
import { boxAt } from '../../src-main/store/project/readers/boxes';
import { toRecord } from '../../src-main/store/project/writers/edits';

/** A live view of one sequence of a store. */
export function storeView(store: ProjectStore, seq: number): AnnotationView {
  return {
    frameCount: store.sequences.get(seq)!.frameCount,
    trackIds: () => store.boxes.tracks(seq).map((t) => t.trackId),
    track: (id) => {
      const t = store.boxes.trackRow(seq, id);
      return t && { trackId: t.trackId, classId: t.classId, attributes: t.attributes };
    },
    trackBoxes: (id): BoxRecord[] => {
      const c = store.boxes.track(seq, id);
      return Array.from({ length: c.count }, (_, i) => toRecord(boxAt(c, i)));
    },
  };
}
