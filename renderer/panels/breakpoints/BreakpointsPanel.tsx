// Breakpoints and watchpoints (hardware by default; the free comparators shown), run
// control with keys (F5 resume, F6 halt, F10 step over, F11 step), run to an address,
// and what a hit looks like: target state, why it halted, PC and the core registers.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WatchKind } from '../../../shared/debug';
import { withKey } from '../../keyboard/shortcuts';
import { hex } from '../../lib/numbers';
import { useStore } from '../../store';
import { addBreakpoint, addWatchpoint, control, enablePoint, refreshDebugPoints, refreshHaltInfo, removePoint, runTo } from '../../store/debug-actions';
import { ErrorBox } from '../ErrorBox';
import { DisassemblyView } from '../disasm/DisassemblyView';
import '../peripherals/peripherals.css';

const ACCESS_LABEL: Record<WatchKind, string> = { r: 'read', w: 'write', a: 'access' };
const HIT_REGS = ['pc', 'lr', 'sp', 'r0', 'r1', 'r2', 'r3', 'r12', 'xPSR'];

export function BreakpointsPanel() {
  const s = useStore(
    useShallow((st) => ({ points: st.debugPoints, halt: st.haltInfo, busy: st.debugBusy, error: st.debugError, notice: st.debugNotice, controlBusy: st.controlBusy, registers: st.registers })),
  );
  const connected = useStore((st) => st.status.state === 'connected' && st.status.info.targetName !== undefined);
  const target = useStore((st) => st.status.target);
  const [bpText, setBpText] = useState('');
  const [hardware, setHardware] = useState(true);
  const [wpText, setWpText] = useState('');
  const [wpLen, setWpLen] = useState('4');
  const [wpAccess, setWpAccess] = useState<WatchKind>('w');
  const [runToText, setRunToText] = useState('');

  useEffect(() => {
    if (!connected) return;
    void refreshDebugPoints();
    void refreshHaltInfo();
  }, [connected]);

  const off = !connected || s.controlBusy !== undefined || s.busy !== undefined;
  const halted = s.registers?.state === 'halted' || target === 'halted';
  const submit = (fn: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    void fn();
  };
  const p = s.points;
  const regs = s.registers?.registers ?? [];

  return (
    <section className="panel work-panel breakpoints-panel" data-testid="breakpoints" aria-label="Breakpoints">
      <div className="toolbar">
        <button type="button" data-testid="bp-halt" disabled={off} title={withKey('Halt', 'halt')} onClick={() => void control.halt()}>Halt</button>
        <button type="button" data-testid="bp-resume" disabled={off} title={withKey('Resume', 'resume')} onClick={() => void control.resume()}>Resume</button>
        <button type="button" data-testid="bp-step" disabled={off || !halted} title={withKey('Step one instruction', 'step')} onClick={() => void control.step()}>Step</button>
        <button type="button" data-testid="bp-step-over" disabled={off || !halted} title={withKey('Step over a call', 'stepOver')} onClick={() => void control.stepOver()}>Step over</button>
        <button type="button" data-testid="bp-reset-halt" disabled={off} title={withKey('Reset and halt', 'resetHalt')} onClick={() => void control.resetHalt()}>Reset halt</button>
        <button type="button" data-testid="bp-reset-init" disabled={off} title="Reset and run the target's init (clocks, flash)" onClick={() => void control.resetInit()}>Reset init</button>
        <form className="inline-form" onSubmit={submit(() => runTo(runToText))}>
          <input className="mono w-addr" data-testid="bp-run-to-address" placeholder="run to… (address or symbol)" aria-label="Run to address or symbol" value={runToText} onChange={(e) => setRunToText(e.target.value)} />
          <button type="submit" data-testid="bp-run-to" disabled={off || !halted}>Run to</button>
        </form>
        <span className="spacer" />
        {s.controlBusy || s.busy ? <span className="muted">{s.controlBusy ?? s.busy}…</span> : null}
      </div>

      <div className="hit-box" data-testid="bp-hit">
        <span>
          Target <span className={`badge target-${target}`} data-testid="bp-target-state">{s.halt?.state ?? target}</span>
        </span>
        {s.halt?.state === 'halted' ? (
          <>
            {s.halt.reason ? <span>halted by <b data-testid="bp-halt-reason">{s.halt.reason}</b></span> : null}
            {s.halt.pc !== undefined ? (
              <span>
                PC <span className="mono" data-testid="bp-pc">{hex(s.halt.pc)}</span>
                {s.halt.symbol ? <span className="mono muted"> {s.halt.symbol}</span> : null}
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {halted && regs.length ? (
        <div className="hit-regs" data-testid="bp-registers">
          {HIT_REGS.map((n) => regs.find((r) => r.name === n)).filter((r) => r !== undefined).map((r) => (
            <span key={r.name} className="mono" data-testid="bp-reg" data-name={r.name}>
              <span className="muted">{r.name}</span> {hex(r.value)}
            </span>
          ))}
        </div>
      ) : null}
      <DisassemblyView />

      <h3>
        Breakpoints{' '}
        <span className="muted small" data-testid="bp-free">
          {p?.hwBreakpointsFree != null ? `${p.hwBreakpointsFree} of ${p.hwBreakpointsTotal} hardware comparators free` : ''}
        </span>
      </h3>
      <form className="toolbar" onSubmit={submit(() => addBreakpoint(bpText, hardware).then((ok) => ok && setBpText('')))}>
        <input className="mono w-addr" data-testid="bp-address" placeholder="address or symbol" aria-label="Breakpoint address or symbol" value={bpText} onChange={(e) => setBpText(e.target.value)} />
        <label className="check" title="A hardware (FPB) breakpoint works in flash; a software one patches RAM">
          <input type="checkbox" data-testid="bp-hardware" checked={hardware} onChange={(e) => setHardware(e.target.checked)} /> hardware
        </label>
        <button type="submit" data-testid="bp-add" disabled={!connected || s.busy !== undefined}>Add breakpoint</button>
      </form>
      <table className="regs bp-list" data-testid="bp-list">
        <tbody>
          {(p?.breakpoints ?? []).map((b) => (
            <tr key={b.address} data-testid="bp-row" data-address={hex(b.address)} className={b.enabled ? '' : 'disabled'}>
              <td><input type="checkbox" data-testid="bp-enabled" aria-label="enabled" checked={b.enabled} disabled={!connected} onChange={(e) => void enablePoint('breakpoint', b.address, e.target.checked)} /></td>
              <td className="mono">{hex(b.address)}</td>
              <td className="mono muted">{b.symbol ?? ''}</td>
              <td className="muted">{b.hardware ? 'hardware' : 'software'}</td>
              <td><button type="button" className="small" data-testid="bp-remove" disabled={!connected} onClick={() => void removePoint('breakpoint', b.address)}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {p && p.breakpoints.length === 0 ? <p className="muted small">No breakpoints. Halt the target, then add one by address (e.g. 0x08000050).</p> : null}

      <h3>
        Watchpoints{' '}
        <span className="muted small" data-testid="wp-free">
          {p?.watchpointsFree != null ? `${p.watchpointsFree} of ${p.watchpointsTotal} DWT comparators free` : ''}
        </span>
      </h3>
      <form className="toolbar" onSubmit={submit(() => addWatchpoint(wpText, wpLen, wpAccess).then((ok) => ok && setWpText('')))}>
        <input className="mono w-addr" data-testid="wp-address" placeholder="address" aria-label="Watchpoint address" value={wpText} onChange={(e) => setWpText(e.target.value)} />
        <select data-testid="wp-size" aria-label="Watched bytes" value={wpLen} onChange={(e) => setWpLen(e.target.value)}>
          {['1', '2', '4', '8', '16', '32', '64', '256', '1024'].map((n) => <option key={n} value={n}>{n} byte{n === '1' ? '' : 's'}</option>)}
        </select>
        <select data-testid="wp-access" aria-label="Access" value={wpAccess} onChange={(e) => setWpAccess(e.target.value as WatchKind)}>
          <option value="w">write</option>
          <option value="r">read</option>
          <option value="a">read or write</option>
        </select>
        <button type="submit" data-testid="wp-add" disabled={!connected || s.busy !== undefined}>Add watchpoint</button>
      </form>
      <table className="regs bp-list" data-testid="wp-list">
        <tbody>
          {(p?.watchpoints ?? []).map((w) => (
            <tr key={w.address} data-testid="wp-row" data-address={hex(w.address)} className={w.enabled ? '' : 'disabled'}>
              <td><input type="checkbox" data-testid="wp-enabled" aria-label="enabled" checked={w.enabled} disabled={!connected} onChange={(e) => void enablePoint('watchpoint', w.address, e.target.checked)} /></td>
              <td className="mono">{hex(w.address)}</td>
              <td className="muted">{w.length} byte{w.length === 1 ? '' : 's'}</td>
              <td className="muted">{ACCESS_LABEL[w.access]}</td>
              <td><button type="button" className="small" data-testid="wp-remove" disabled={!connected} onClick={() => void removePoint('watchpoint', w.address)}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.notice ? <p className="notice small" data-testid="bp-notice">{s.notice}</p> : null}
      {s.error ? <ErrorBox error={s.error} testId="bp-error" /> : null}
    </section>
  );
}
