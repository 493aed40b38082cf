// Placeholder while the Review view is being built (issue 9).
import type { SequenceSummary } from '../../src-shared/ipc/schemas';

/** The Review view of a project. */
export function ReviewView(_props: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  return <p className="muted">Not built yet.</p>;
}
