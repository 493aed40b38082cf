// Hash routes, so a reload keeps the user where they were: `#/` (projects) or `#/project?path=...`.
import { useEffect, useState } from 'react';

/** Where the app is. */
export type Route = { page: 'projects' } | { page: 'project'; path: string };

/** Parses a location hash. */
export function parseRoute(hash: string): Route {
  const m = /^#\/project\?(.*)$/.exec(hash);
  const path = m ? new URLSearchParams(m[1]).get('path') : null;
  return path ? { page: 'project', path } : { page: 'projects' };
}

/** The hash of a route. */
export function routeHash(r: Route): string {
  return r.page === 'project' ? `#/project?${new URLSearchParams({ path: r.path }).toString()}` : '#/';
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
