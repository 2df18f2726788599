// GDB beside the workbench: the switch that makes the session's OpenOCD serve GDB on a
// 127.0.0.1 port, and, while served, the two things to paste: the GDB command and a VS
// Code Cortex-Debug launch.json. Switching while connected restarts OpenOCD (it fixes
// its ports at start); the panel says so.
import { useEffect, useState } from 'react';
import type { GdbSwitchState } from '../../../shared/gdb';
import type { ErrorValue } from '../../../shared/errors';
import { useStore } from '../../store';
import { currentApi, describeError } from '../../store/actions';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. a page over plain http from another host): select-and-copy fallback.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function GdbSection() {
  const state = useStore((s) => s.status.state);
  const servedPort = useStore((s) => s.status.gdbPort);
  const profileId = useStore((s) => s.status.profileId);
  const [gdb, setGdb] = useState<GdbSwitchState | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [portText, setPortText] = useState('');

  // Re-read on every connection change: the port, the ELF and the SVD come with it.
  useEffect(() => {
    let live = true;
    void currentApi()
      .gdbState()
      .then((r) => {
        if (!live) return;
        if (r.ok) setGdb(r.value);
      });
    return () => {
      live = false;
    };
  }, [state, servedPort, profileId]);

  const toggle = async (enabled: boolean): Promise<void> => {
    const text = portText.trim();
    const port = text === '' ? undefined : Number(text);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      setError({ kind: 'ValidationError', message: `GDB port '${text}' must be 1..65535 (or empty for a free port)` });
      return;
    }
    const before = gdb;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    setGdb({ ...(gdb ?? {}), enabled }); // the switch moves at once; a restart may take a while
    const r = await currentApi().setGdb(port === undefined ? { enabled } : { enabled, port });
    setBusy(false);
    if (!r.ok) {
      setGdb(before);
      setError(r.error);
      return;
    }
    setGdb(r.value);
    if (r.value.reconnected) setNotice(`OpenOCD was restarted to ${enabled ? 'open' : 'close'} the GDB port (it fixes its ports at start).`);
  };

  const copy = async (what: string, pick: (g: GdbSwitchState) => string | undefined): Promise<void> => {
    // Fresh: the ELF in the launch configuration is the last one flashed, maybe since the last read.
    const r = await currentApi().gdbState();
    const g = r.ok ? r.value : gdb;
    if (r.ok) setGdb(r.value);
    const text = g ? pick(g) : undefined;
    if (text === undefined) return;
    setNotice((await copyText(text)) ? `Copied ${what}.` : `Could not copy ${what}: select it and copy by hand.`);
  };

  const enabled = gdb?.enabled ?? false;
  return (
    <div className="gdb-section" data-testid="gdb-section">
      <h3>GDB</h3>
      <label className="switch">
        <input type="checkbox" data-testid="gdb-switch" checked={enabled} disabled={busy || gdb === undefined} onChange={(e) => void toggle(e.target.checked)} />{' '}
        Serve GDB on 127.0.0.1
      </label>{' '}
      <label className="muted">
        port{' '}
        <input
          className="mono w-port"
          data-testid="gdb-port-input"
          placeholder={gdb?.port !== undefined ? String(gdb.port) : 'free'}
          value={portText}
          disabled={busy || enabled}
          size={6}
          onChange={(e) => setPortText(e.target.value)}
        />
      </label>
      {busy ? <span className="muted"> {state === 'connected' ? 'restarting OpenOCD…' : 'saving…'}</span> : null}
      {enabled && servedPort === undefined && state !== 'connected' ? <p className="muted">GDB will be served from the next Connect.</p> : null}
      {servedPort !== undefined && gdb?.command ? (
        <div className="gdb-served">
          <p>
            GDB port <span className="mono" data-testid="gdb-port">{servedPort}</span>{' '}
            <span className="muted">(open to every local user while on)</span>
          </p>
          <div className="gdb-copy-row">
            <code data-testid="gdb-command">{gdb.command}</code>{' '}
            <button type="button" data-testid="gdb-copy-command" onClick={() => void copy('the GDB command', (g) => g.command)}>Copy</button>
          </div>
          <details>
            <summary>
              VS Code Cortex-Debug launch.json{' '}
              <button type="button" data-testid="gdb-copy-launch" onClick={() => void copy('the launch configuration', (g) => g.launchJson)}>Copy</button>
            </summary>
            <pre className="mono" data-testid="gdb-launch-json">{gdb.launchJson}</pre>
          </details>
        </div>
      ) : null}
      {notice ? <p className="muted" data-testid="gdb-notice">{notice}</p> : null}
      {error ? (
        <div className="failure" role="alert" data-testid="gdb-error">
          <pre>{describeError(error)}</pre>
        </div>
      ) : null}
    </div>
  );
}
