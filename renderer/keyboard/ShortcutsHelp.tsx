// "?" (or the palette's "Keyboard shortcuts"): every key the workbench answers, listed
// from the same table the key handler uses (shortcuts.ts), so the list cannot drift.
import { useEffect, useSyncExternalStore } from 'react';
import { SHORTCUTS } from './shortcuts';

let open = false;
const listeners = new Set<() => void>();
export function setShortcutsHelpOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}
export function shortcutsHelpOpen(): boolean {
  return open;
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function ShortcutsHelp() {
  const isOpen = useSyncExternalStore(subscribe, () => open);
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setShortcutsHelpOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);
  if (!isOpen) return null;
  return (
    <div className="palette-backdrop" onMouseDown={() => setShortcutsHelpOpen(false)}>
      <div className="palette shortcuts-help" data-testid="shortcuts-help" role="dialog" aria-label="Keyboard shortcuts" onMouseDown={(e) => e.stopPropagation()}>
        <div className="shortcuts-head">
          <strong>Keyboard shortcuts</strong>
          <button type="button" data-testid="shortcuts-close" onClick={() => setShortcutsHelpOpen(false)}>Close</button>
        </div>
        <table className="regs">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id} data-testid="shortcut-row" data-id={s.id}>
                <td><kbd>{s.label}</kbd></td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Run-control keys act while a target is connected, from any field. In the registers table, click a value; Enter writes, Escape cancels. In the hex view, arrows, Page Up / Down and Home / End move the selection; a hex digit starts a new value, Enter writes it.</p>
      </div>
    </div>
  );
}
