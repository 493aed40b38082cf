// The keyboard cheat sheet (?): every action with its keys, remappable, with conflicts shown.
import { useState } from 'react';
import { ACTIONS, conflicts, defaultKeyMap, normalizeChord, type ActionId, type KeyMap } from '../editor/shortcuts';

const show = (k: string): string => (k === ' ' ? 'Space' : k.replace(/\b([a-z])$/, (m) => m.toUpperCase()));

/** The cheat sheet and remapping dialog. */
export function ShortcutSheet({ keyMap, onChange, onClose }: { keyMap: KeyMap; onChange: (m: KeyMap) => void; onClose: () => void }) {
  const [editing, setEditing] = useState<ActionId>();
  const clashes = conflicts(keyMap);
  const clashOf = (id: ActionId): string | undefined => clashes.find((c) => c.actions.includes(id))?.chord;
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal card" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <p className="muted">CVAT/DIVE conventions. Click a key to change it, then press the new key (Esc keeps the old one).</p>
        {clashes.length > 0 && (
          <p className="error" role="alert">
            {clashes.map((c) => `${show(c.chord)} is bound to ${c.actions.map((a) => ACTIONS[a].label).join(' and ')}`).join('; ')}: neither runs until one is changed.
          </p>
        )}
        <table className="table shortcuts">
          <tbody>
            {(Object.keys(ACTIONS) as ActionId[]).map((id) => (
              <tr key={id} className={clashOf(id) ? 'conflict' : ''}>
                <td>{ACTIONS[id].label}</td>
                <td>
                  {editing === id ? (
                    <input
                      autoFocus
                      aria-label={`New key for ${ACTIONS[id].label}`}
                      placeholder="press a key"
                      onKeyDown={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        if (e.key === 'Escape') return setEditing(undefined);
                        if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
                        const chord = normalizeChord([e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey && e.key.length !== 1 ? 'Shift' : '', e.key].filter(Boolean).join('+'));
                        onChange({ ...keyMap, [id]: [chord] });
                        setEditing(undefined);
                      }}
                    />
                  ) : (
                    <button className="keys" onClick={() => setEditing(id)} title="Change">
                      {keyMap[id].map((k) => (
                        <kbd key={k}>{show(k)}</kbd>
                      ))}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button onClick={() => onChange(defaultKeyMap())}>Restore defaults</button>
          <span className="spacer" />
          <button className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
