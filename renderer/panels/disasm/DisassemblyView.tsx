// Thumb-2 disassembly around the PC (decoded in main by Capstone), in the Breakpoints
// panel beside the run control. It follows the core: each halt, step or breakpoint hit
// changes the PC in the registers snapshot, and the view asks again. The PC's line is
// highlighted; clicking a line's gutter sets or removes a hardware breakpoint there.
import { useEffect, useRef, useState } from 'react';
import type { DisasmView } from '../../../shared/disasm';
import type { ErrorValue } from '../../../shared/errors';
import { hex } from '../../lib/numbers';
import { currentApi } from '../../store/actions';
import { addBreakpoint, removePoint } from '../../store/debug-actions';
import { useStore } from '../../store';
import { ErrorBox } from '../ErrorBox';
import './disasm.css';

const BEFORE = 8;
const AFTER = 16;

export function DisassemblyView() {
  const connected = useStore((st) => st.status.state === 'connected' && st.status.info.targetName !== undefined);
  const halted = useStore((st) => st.registers?.state === 'halted');
  const pc = useStore((st) => (st.registers?.state === 'halted' ? st.registers.registers.find((r) => r.name === 'pc')?.value : undefined));
  const breakpoints = useStore((st) => st.debugPoints?.breakpoints);
  const [view, setView] = useState<DisasmView | undefined>();
  const [error, setError] = useState<ErrorValue | undefined>();
  const seq = useRef(0);

  useEffect(() => {
    if (!connected || pc === undefined) return;
    const mine = ++seq.current;
    void currentApi()
      .disassemble({ address: pc & ~1, before: BEFORE, after: AFTER })
      .then((r) => {
        if (mine !== seq.current) return; // a newer PC is being shown
        if (r.ok) {
          setView(r.value);
          setError(undefined);
        } else setError(r.error);
      });
  }, [connected, pc]);

  const pcAddr = pc === undefined ? undefined : pc & ~1;
  const bpAt = new Map((breakpoints ?? []).map((b) => [b.address, b]));
  const toggle = (address: number) => {
    if (bpAt.has(address)) void removePoint('breakpoint', address);
    else void addBreakpoint(hex(address), true);
  };
  let lastSource: string | undefined;

  return (
    <div className="disasm" data-testid="disassembly" aria-label="Disassembly">
      <h3>
        Disassembly{' '}
        <span className="muted small" data-testid="disasm-status">
          {!halted ? 'the target runs: halt it (or hit a breakpoint) to see the code at the PC' : view ? `around PC ${hex(view.address)} · ${view.decoder}` : 'reading…'}
        </span>
      </h3>
      {view ? (
        <table className={halted ? 'disasm-lines' : 'disasm-lines stale'}>
          <tbody>
            {view.lines.map((l) => {
              const here = halted && l.address === pcAddr;
              const bp = bpAt.get(l.address);
              const src = l.source !== lastSource ? l.source : undefined;
              lastSource = l.source;
              return (
                <tr key={l.address} data-testid="disasm-line" data-address={hex(l.address)} data-current={here ? 'true' : undefined} className={here ? 'pc' : undefined}>
                  <td
                    className={bp ? (bp.enabled ? 'gutter bp' : 'gutter bp off') : 'gutter'}
                    data-testid="disasm-gutter"
                    title={bp ? 'Remove the breakpoint here' : 'Set a hardware breakpoint here'}
                    onClick={() => connected && toggle(l.address)}
                  >
                    {here ? '▶' : bp ? '●' : ''}
                  </td>
                  <td className="mono">{hex(l.address)}</td>
                  <td className="mono muted">{l.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}</td>
                  <td className="mono" data-testid="disasm-mnemonic">{l.mnemonic}</td>
                  <td className="mono">
                    {l.target !== undefined ? `${hex(l.target)}` : l.operands}
                    {l.targetSymbol ? <span className="sym" data-testid="disasm-target"> &lt;{l.targetSymbol}&gt;</span> : null}
                  </td>
                  <td className="mono muted small">{l.symbol ?? ''}</td>
                  <td className="muted small">{src ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {error ? <ErrorBox error={error} testId="disasm-error" /> : null}
    </div>
  );
}
