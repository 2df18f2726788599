// Run control (halt, resume, step, reset run/halt/init) and the core registers,
// re-read on every halt. Click a value to edit it; Enter writes, Escape cancels.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RegistersSnapshot, RegisterValue } from '../../../shared/workbench';
import { hex } from '../../lib/numbers';
import { useStore } from '../../store';
import { refreshRegisters, targetControl, writeRegister } from '../../store/target-actions';
import { ErrorBox } from '../ErrorBox';
import { decodeControl, decodeXpsr } from './xpsr';

export function RegistersPanel() {
  const { registers, regBusy, controlBusy, regError } = useStore(
    useShallow((s) => ({ registers: s.registers, regBusy: s.regBusy, controlBusy: s.controlBusy, regError: s.regError })),
  );
  const connected = useStore((s) => s.status.state === 'connected');
  const hasTarget = useStore((s) => s.status.info.targetName !== undefined);
  const off = !connected || controlBusy !== undefined;
  const state = registers?.state;

  return (
    <section className="panel work-panel registers-panel" data-testid="registers-panel" aria-label="Registers">
      <div className="toolbar">
        <button type="button" data-testid="target-halt" disabled={off} onClick={() => void targetControl('halt')}>Halt</button>
        <button type="button" data-testid="target-resume" disabled={off} onClick={() => void targetControl('resume')}>Resume</button>
        <button type="button" data-testid="target-step" disabled={off || state !== 'halted'} onClick={() => void targetControl('step')}>Step</button>
        <span className="sep" />
        <span className="muted">Reset</span>
        <button type="button" data-testid="reset-run" disabled={off} onClick={() => void targetControl('reset', 'run')}>run</button>
        <button type="button" data-testid="reset-halt" disabled={off} onClick={() => void targetControl('reset', 'halt')}>halt</button>
        <button type="button" data-testid="reset-init" disabled={off} onClick={() => void targetControl('reset', 'init')}>init</button>
        <span className="spacer" />
        {controlBusy ? <span className="muted">{controlBusy}…</span> : null}
        <button type="button" data-testid="registers-refresh" disabled={!connected || regBusy} onClick={() => void refreshRegisters()}>Refresh</button>
      </div>

      {!connected ? (
        <p className="muted">Connect to see the core registers.</p>
      ) : !hasTarget ? (
        <p className="muted">This connection has no target configured.</p>
      ) : state && state !== 'halted' ? (
        <p className="hint-box" data-testid="registers-running">
          target {state === 'debug-running' ? 'running' : state} — halt to read registers
        </p>
      ) : registers && registers.registers.length > 0 ? (
        <>
          {registers.fault ? <FaultBox fault={registers.fault} /> : null}
          <RegisterTable registers={registers.registers} />
        </>
      ) : (
        <p className="muted">{regBusy ? 'Reading…' : 'No registers read yet.'}</p>
      )}
      {regError ? <ErrorBox error={regError} testId="registers-error" /> : null}
    </section>
  );
}

function RegisterTable({ registers }: { registers: RegisterValue[] }) {
  const [editing, setEditing] = useState<string | undefined>();
  const [text, setText] = useState('');
  // Changed since the last halt (stepping shows what each instruction did).
  const prev = useStore((s) => s.regPrev);
  const changed = (r: RegisterValue): boolean => prev !== undefined && prev[r.name] !== undefined && prev[r.name] !== r.value;
  const xpsr = registers.find((r) => r.name === 'xPSR' || r.name === 'xpsr');
  const control = registers.find((r) => r.name === 'control');
  return (
    <>
    {xpsr || control ? (
      <p className="small mono" data-testid="psr-decoded">
        {xpsr ? <span data-testid="xpsr-decoded"><span className="muted">xPSR </span>{decodeXpsr(xpsr.value)}</span> : null}
        {control ? <span data-testid="control-decoded"><span className="muted">{xpsr ? ' · CONTROL ' : 'CONTROL '}</span>{decodeControl(control.value)}</span> : null}
      </p>
    ) : null}
    <table className="regs" data-testid="registers-table">
      <thead>
        <tr>
          <th>Register</th>
          <th>Value</th>
          <th>Decimal</th>
        </tr>
      </thead>
      <tbody>
        {registers.map((r) => (
          <tr key={r.name} data-testid="reg-row" data-name={r.name} data-changed={changed(r) ? 'yes' : 'no'} className={changed(r) ? 'changed' : undefined}
            title={changed(r) ? `was ${hex(prev![r.name]!, Math.max(1, r.bits / 4))} at the last halt` : undefined}>
            <td className="mono">{r.name}</td>
            <td className="mono">
              {editing === r.name ? (
                <input
                  autoFocus
                  className="mono w-val"
                  data-testid="reg-edit"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onBlur={() => setEditing(undefined)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setEditing(undefined);
                    if (e.key === 'Enter') void writeRegister(r.name, r.bits, text).then((ok) => ok && setEditing(undefined));
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="reg-value"
                  data-testid="reg-value"
                  title="Click to edit"
                  onClick={() => {
                    setText(hex(r.value, r.bits / 4));
                    setEditing(r.name);
                  }}
                >
                  {hex(r.value, Math.max(1, r.bits / 4))}
                </button>
              )}
              {r.symbol ? (
                <span className="muted reg-symbol" data-testid="reg-symbol">
                  {' '}
                  &lt;{r.symbol}&gt;
                </span>
              ) : null}
              {r.source ? (
                <span className="muted reg-source" data-testid="reg-source">
                  {' '}
                  {r.source}
                </span>
              ) : null}
            </td>
            <td className="mono muted">{r.value >>> 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

/** Halted in HardFault: CFSR/HFSR (and BFAR/MMFAR where valid) in words. */
function FaultBox({ fault }: { fault: NonNullable<RegistersSnapshot['fault']> }) {
  return (
    <div className="failure" role="status" data-testid="registers-fault">
      <strong>HardFault</strong>{' '}
      <span className="mono">
        CFSR {hex(fault.cfsr, 8)} HFSR {hex(fault.hfsr, 8)}
      </span>
      <ul>
        {fault.reasons.map((line) => (
          <li key={line} data-testid="fault-reason">
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}
