// The start page: every project in the library, a form to create one, and open-by-path.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ProjectSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Lists projects; creating or opening one calls `onOpen`. */
export function ProjectList({ onOpen }: { onOpen: (p: ProjectSummary) => void }) {
  const api = useApi();
  const [projects, setProjects] = useState<ProjectSummary[]>();
  const [name, setName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setProjects(unwrap(await api.invoke('projects.list', {})));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);
  useEffect(() => {
    void refresh();
    return api.on('projects.changed', () => void refresh());
  }, [api, refresh]);

  const run = async (f: () => Promise<ProjectSummary>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onOpen(await f());
    } catch (e) {
      setError(errorMessage(e));
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  const create = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => unwrap(await api.invoke('projects.create', { name })));
  };
  const open = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => unwrap(await api.invoke('projects.open', { path: openPath })));
  };

  return (
    <div className="project-list">
      <section className="card">
        <h1>Projects</h1>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {projects === undefined ? (
          <p className="muted">Loading…</p>
        ) : projects.length === 0 ? (
          <div>
            <p className="muted">No projects yet. Create one below, open an existing .tw.sqlite file, or start from the sample.</p>
            <button disabled={busy} onClick={() => void run(async () => unwrap(await api.invoke('projects.createSample', {})))}>
              {busy ? 'Working…' : 'Create the sample project'}
            </button>
          </div>
        ) : (
          <table className="table" aria-label="Projects">
            <thead>
              <tr>
                <th>Name</th>
                <th>Last opened</th>
                <th>File</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.path} className={p.available ? '' : 'missing'}>
                  <td>
                    <button className="link" disabled={!p.available || busy} onClick={() => void run(async () => unwrap(await api.invoke('projects.open', { path: p.path })))}>
                      {p.name}
                    </button>
                  </td>
                  <td>{when(p.lastOpenedMs)}</td>
                  <td className="path" title={p.path}>
                    {p.path}
                    {!p.available && <span className="badge">missing</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="row">
        <form className="card grow" onSubmit={create}>
          <h2>New project</h2>
          <label>
            Name
            <input name="project-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. MOT17 pedestrians" required />
          </label>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Create project
          </button>
        </form>
        <form className="card grow" onSubmit={open}>
          <h2>Open a project file</h2>
          <label>
            Path of a .tw.sqlite file
            <input name="project-path" value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder="/data/projects/mot17.tw.sqlite" required />
          </label>
          <button type="submit" disabled={busy || openPath.trim() === ''}>
            Open
          </button>
        </form>
      </div>
    </div>
  );
}
