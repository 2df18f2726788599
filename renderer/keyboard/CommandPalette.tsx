// Ctrl+K / Cmd+K: a filterable list of every action (keyboard/commands.ts). Arrow keys
// move, Enter runs, Escape closes; commands that cannot run now are shown greyed out.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useStore } from '../store';
import { matchCommands, type PaletteCommand } from './commands';

let open = false;
const listeners = new Set<() => void>();
export function setPaletteOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function CommandPalette() {
  const isOpen = useSyncExternalStore(subscribe, () => open);
  if (!isOpen) return null;
  return <PaletteBody />;
}

function PaletteBody() {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const state = useStore();
  const list = matchCommands(query);
  const current = list[Math.min(index, list.length - 1)];
  useEffect(() => setIndex(0), [query]);

  const runCmd = (c: PaletteCommand | undefined): void => {
    if (!c || !c.enabled(state)) return;
    setPaletteOpen(false);
    c.run();
  };
  return (
    <div className="palette-backdrop" onMouseDown={() => setPaletteOpen(false)}>
      <div className="palette" data-testid="command-palette" role="dialog" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          data-testid="palette-input"
          placeholder="Type a command…"
          aria-label="Command"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setPaletteOpen(false);
            else if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, list.length - 1));
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') runCmd(current);
            else return;
            e.preventDefault();
          }}
        />
        <ul className="palette-list" role="listbox">
          {list.map((c) => {
            const enabled = c.enabled(state);
            return (
              <li
                key={c.id}
                role="option"
                aria-selected={c === current}
                aria-disabled={!enabled}
                data-testid="palette-item"
                data-id={c.id}
                className={`${c === current ? 'active' : ''}${enabled ? '' : ' disabled'}`}
                onMouseDown={() => runCmd(c)}
              >
                <span>{c.title}</span>
                {c.key ? <kbd>{c.key}</kbd> : null}
              </li>
            );
          })}
          {list.length === 0 ? <li className="muted">No command matches.</li> : null}
        </ul>
      </div>
    </div>
  );
}
