// Hash routes, so a reload keeps the user where they were: `#/` (projects) or
// `#/project?path=...&view=review&seq=3&frame=120&tracks=4,7` (a project's workspace, one of its views,
// optionally focused on a sequence, a frame and tracks: what "jump to this event" links to).
import { useEffect, useState } from 'react';

/** The workspace's views (tabs). */
export const VIEWS = ['annotate', 'review', 'runs', 'train'] as const;
/** A workspace view. */
export type View = (typeof VIEWS)[number];

/** Where to look in the editor: a sequence, a frame, selected tracks. */
export interface Focus {
  readonly sequence: number;
  readonly frame?: number | undefined;
  readonly tracks?: readonly number[] | undefined;
}

/** Where the app is. */
export type Route = { page: 'projects' } | { page: 'project'; path: string; view?: View | undefined; focus?: Focus | undefined };

const int = (v: string | null): number | undefined => (v !== null && /^\d+$/.test(v) ? Number(v) : undefined);

/** Parses a location hash. */
export function parseRoute(hash: string): Route {
  const m = /^#\/project\?(.*)$/.exec(hash);
  const q = new URLSearchParams(m?.[1] ?? '');
  const path = m ? q.get('path') : null;
  if (!path) return { page: 'projects' };
  const view = VIEWS.find((v) => v === q.get('view'));
  const sequence = int(q.get('seq'));
  const tracks = (q.get('tracks') ?? '').split(',').map(int).filter((t): t is number => t !== undefined);
  const focus = sequence === undefined ? undefined : { sequence, frame: int(q.get('frame')), tracks: tracks.length ? tracks : undefined };
  return { page: 'project', path, view, focus };
}

/** The hash of a route. */
export function routeHash(r: Route): string {
  if (r.page !== 'project') return '#/';
  const q = new URLSearchParams({ path: r.path });
  if (r.view && r.view !== 'annotate') q.set('view', r.view);
  if (r.focus) {
    q.set('seq', String(r.focus.sequence));
    if (r.focus.frame !== undefined) q.set('frame', String(r.focus.frame));
    if (r.focus.tracks?.length) q.set('tracks', r.focus.tracks.join(','));
  }
  return `#/project?${q.toString()}`;
}

/** The current route and a navigate function. */
export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (r) => void (window.location.hash = routeHash(r))];
}
