// SEGGER RTT: search for the control block, pick an up-channel to stream, read its
// text (monospace, bounded scrollback, follows the newest line) and type into the
// down-channel of the same number.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hex } from '../../lib/numbers';
import { useStore } from '../../store';
import { rttOpen, rttRefreshChannels, rttSend, rttStart, rttStop } from '../../store/rtt-actions';
import { ErrorBox } from '../ErrorBox';

export function RttPanel() {
  const s = useStore(
    useShallow((st) => ({
      address: st.rttAddressText,
      size: st.rttSizeText,
      info: st.rttInfo,
      channel: st.rttChannel,
      text: st.rttText,
      input: st.rttInput,
      busy: st.rttBusy,
      error: st.rttError,
    })),
  );
  const connected = useStore((st) => st.status.state === 'connected');
  const view = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = view.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [s.text]);
  const off = !connected || s.busy;

  return (
    <section className="panel work-panel rtt-panel" data-testid="rtt-panel" aria-label="RTT">
      <div className="toolbar">
        <label>
          Search at <input data-testid="rtt-address" size={11} value={s.address} onChange={(e) => useStore.setState({ rttAddressText: e.target.value })} />
        </label>
        <label>
          size <input data-testid="rtt-size" size={8} value={s.size} onChange={(e) => useStore.setState({ rttSizeText: e.target.value })} />
        </label>
        <button type="button" data-testid="rtt-start" disabled={off} onClick={() => void rttStart()}>Start</button>
        <button type="button" data-testid="rtt-refresh" disabled={off || !s.info} onClick={() => void rttRefreshChannels()}>Channels</button>
        <button type="button" data-testid="rtt-stop" disabled={off || !s.info} onClick={() => void rttStop()}>Stop</button>
        <span className="spacer" />
        <span className="muted" data-testid="rtt-found">
          {s.info ? (s.info.controlBlock !== undefined ? `control block at ${hex(s.info.controlBlock)}` : 'no control block found yet') : ''}
        </span>
      </div>
      {s.error ? <ErrorBox error={s.error} testId="rtt-error" /> : null}
      {!connected ? <p className="muted">Connect to use RTT.</p> : null}
      {s.info ? (
        <div className="toolbar" data-testid="rtt-channels">
          <span className="muted">Up-channels:</span>
          {s.info.up.length === 0 ? <span className="muted">none</span> : null}
          {s.info.up.map((c) => (
            <button
              key={c.index}
              type="button"
              data-testid={`rtt-channel-${c.index}`}
              className={s.channel === c.index ? 'tab active' : 'tab'}
              disabled={off}
              onClick={() => void rttOpen(c.index)}
            >
              {c.index}: {c.name || '(unnamed)'} ({c.size} B)
            </button>
          ))}
        </div>
      ) : null}
      <pre ref={view} className="rtt-view" data-testid="rtt-text" style={{ fontFamily: 'monospace', overflow: 'auto', minHeight: '8em', maxHeight: '24em', whiteSpace: 'pre-wrap' }}>
        {s.text}
      </pre>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void rttSend();
        }}
      >
        <input
          data-testid="rtt-input"
          placeholder={s.channel === undefined ? 'open a channel to write to it' : `to down-channel ${s.channel}`}
          disabled={off || s.channel === undefined}
          value={s.input}
          onChange={(e) => useStore.setState({ rttInput: e.target.value })}
          style={{ flex: 1, fontFamily: 'monospace' }}
        />
        <button type="submit" data-testid="rtt-send" disabled={off || s.channel === undefined || s.input === ''}>Send</button>
      </form>
    </section>
  );
}
