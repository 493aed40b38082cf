// Navigation inside a project's workspace: switch views and jump to a sequence, frame and tracks
// (what every "open in editor" link in the review queue, run comparison and history uses).
import { createContext, useContext } from 'react';
import type { Focus, View } from './route';

/** The workspace's navigation. */
export interface WorkspaceNav {
  /** The project file. */
  readonly project: string;
  readonly view: View;
  /** Shows `view`; with `focus`, also opens that sequence at that frame with those tracks selected. */
  go(view: View, focus?: Focus): void;
}

export const WorkspaceNavContext = createContext<WorkspaceNav | undefined>(undefined);

/** The enclosing workspace's navigation. */
export function useWorkspaceNav(): WorkspaceNav {
  const nav = useContext(WorkspaceNavContext);
  if (!nav) throw new Error('useWorkspaceNav outside a Workspace');
  return nav;
}
