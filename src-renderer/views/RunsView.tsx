// Placeholder while the Runs view is being built (issue 9).
import type { SequenceSummary } from '../../src-shared/ipc/schemas';

/** The Runs view of a project. */
export function RunsView(_props: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  return <p className="muted">Not built yet.</p>;
}
