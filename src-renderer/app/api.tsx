// React access to the API client and to app-wide facts (app.info, the tfjs backend).
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../src-shared/ipc/client';
import type { AppInfo, BackendInfo } from '../../src-shared/ipc/schemas';

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the API client to the tree. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client. */
export function useApi(): ApiClient {
  const c = useContext(ApiContext);
  if (!c) throw new Error('useApi outside ApiProvider');
  return c;
}

/** app.info, with the backend kept current by the `app.backend` event. */
export function useAppInfo(): { info: AppInfo | undefined; backend: BackendInfo; error: string | undefined } {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo>();
  const [backend, setBackend] = useState<BackendInfo>({ state: 'probing' });
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    const off = api.on('app.backend', (b) => live && setBackend(b));
    void api.invoke('app.info', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setInfo(r.value);
        // The event may have fired before we subscribed; the info carries the latest state.
        setBackend((b) => (b.state === 'probing' ? r.value.backend : b));
      } else setError(r.error.message);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { info, backend, error };
}
