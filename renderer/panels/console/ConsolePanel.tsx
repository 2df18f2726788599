// The OpenOCD console: the live log in an xterm terminal, and a TCL prompt
// under it (Enter sends over RPC, Up/Down walk the history).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import '@xterm/xterm/css/xterm.css';
import { mountTerminal } from '../../console/terminal';
import { loadTerminal } from '../../console/console-sink';
import { useStore } from '../../store';
import { runCommand } from '../../store/actions';

export function ConsolePanel() {
  const termRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  // Position while walking the history: history.length means "the line being typed".
  const cursor = useRef<number | null>(null);
  const draft = useRef('');
  const connected = useStore((s) => s.status.state === 'connected');
  // A supervisor's view-only page reads the log but cannot type commands (main refuses them too).
  const viewOnly = useStore((st) => st.access === 'view');

  useEffect(() => {
    // The store's console text waited in console-sink until this chunk (and xterm) loaded.
    void loadTerminal();
    return termRef.current ? mountTerminal(termRef.current) : undefined;
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const history = useStore.getState().commandHistory;
    if (e.key === 'Enter') {
      e.preventDefault();
      const cmd = text;
      setText('');
      cursor.current = null;
      void runCommand(cmd);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (history.length === 0) return;
      if (cursor.current === null) {
        draft.current = text;
        cursor.current = history.length;
      }
      const next = Math.min(history.length, Math.max(0, cursor.current + (e.key === 'ArrowUp' ? -1 : 1)));
      cursor.current = next;
      setText(next === history.length ? draft.current : (history[next] ?? ''));
    }
  };

  return (
    <section className="panel console-panel" aria-label="Console">
      <h2>Console</h2>
      <div className="terminal-host" data-testid="console" ref={termRef} />
      <label className="prompt">
        <span className="prompt-sign">tcl&gt;</span>
        <input
          data-testid="console-input"
          value={text}
          spellCheck={false}
          autoComplete="off"
          disabled={viewOnly}
          placeholder={viewOnly ? 'View only: commands are not accepted from this page' : connected ? 'OpenOCD command, e.g. targets, reset halt, mdw 0x08000000 4' : 'Connect first, then type OpenOCD commands here'}
          onChange={(e) => {
            setText(e.target.value);
            cursor.current = null;
          }}
          onKeyDown={onKeyDown}
        />
      </label>
    </section>
  );
}
