// Which evaluation the review queue and the editor's switch markers show, per project: the one the user
// picked in the review view (kept in localStorage, so it survives a reload), else the latest.

const key = (project: string): string => `trackwright.review.run:${project}`;
const listeners = new Set<() => void>();

/** The evaluation run picked for `project`, if any. */
export function chosenRun(project: string, storage: Pick<Storage, 'getItem'> = localStorage): number | undefined {
  const v = storage.getItem(key(project));
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Picks (or, with undefined, forgets) the evaluation run of `project`; tells the listeners. */
export function chooseRun(project: string, runId: number | undefined, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  if (runId === undefined) storage.removeItem(key(project));
  else storage.setItem(key(project), String(runId));
  for (const l of listeners) l();
}

/** Calls `l` when a run is picked; returns the unsubscribe. */
export function onChosenRun(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
