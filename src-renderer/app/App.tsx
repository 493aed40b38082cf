// The shell: header, the current page (projects or a project's workspace), the status bar.
import { useAppInfo } from './api';
import { useRoute } from './route';
import { StatusBar } from './StatusBar';
import { ProjectList } from '../panels/ProjectList';
import { Workspace } from './Workspace';

/** The whole app. */
export function App() {
  const [route, navigate] = useRoute();
  const { info, backend, error } = useAppInfo();
  return (
    <div className="app">
      <header className="app-header">
        <button className="brand" onClick={() => navigate({ page: 'projects' })} title="All projects">
          <img src="./favicon.png" alt="" width={20} height={20} />
          <span>Trackwright</span>
        </button>
        {route.page === 'project' && <span className="crumb">{route.path.split(/[\\/]/).pop()}</span>}
      </header>
      <main className="app-main">
        {route.page === 'projects' ? (
          <ProjectList onOpen={(p) => navigate({ page: 'project', path: p.path })} />
        ) : (
          <Workspace path={route.path} view={route.view ?? 'annotate'} focus={route.focus} onNavigate={(view, focus) => navigate({ page: 'project', path: route.path, view, focus })} onClose={() => navigate({ page: 'projects' })} />
        )}
      </main>
      <StatusBar info={info} backend={backend} error={error} />
    </div>
  );
}
