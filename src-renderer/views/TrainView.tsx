// Placeholder while the Train view is being built (issue 9).
import type { SequenceSummary } from '../../src-shared/ipc/schemas';

/** The Train view of a project. */
export function TrainView(_props: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  return <p className="muted">Not built yet.</p>;
}
