import type { AppInfo, BackendInfo } from '../../src-shared/ipc/schemas';

function backendText(b: BackendInfo): string {
  switch (b.state) {
    case 'probing':
      return 'tfjs: probing…';
    case 'ready':
      return `tfjs: ${b.name}`;
    case 'failed':
      return 'tfjs: unavailable';
  }
}

/** The bottom bar: connection mode, tfjs backend (as the training workers see it), version. */
export function StatusBar({ info, backend, error }: { info: AppInfo | undefined; backend: BackendInfo; error: string | undefined }) {
  return (
    <footer className="status-bar" role="status">
      <span data-testid="status-mode">{error ? `offline: ${error}` : info ? (info.mode === 'electron' ? 'desktop' : 'browser mode') : 'connecting…'}</span>
      <span
        data-testid="status-backend"
        className={`backend backend-${backend.state}`}
        title={backend.state === 'ready' ? backend.detail : backend.state === 'failed' ? backend.message : 'choosing a backend in a worker'}
      >
        {backendText(backend)}
      </span>
      <span className="spacer" />
      {info && <span>Trackwright {info.version}</span>}
    </footer>
  );
}
