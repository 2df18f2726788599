// Memory: read a block, browse it in the virtualized hex view, jump to the
// board's regions, edit a byte / half-word / word and write it.
import { useState, type FormEvent } from 'react';
import { formatBytes, hex, parseAddress } from '../../lib/numbers';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { cancelMemoryRead, goToAddress, jumpTo, readMemory, refreshMemory, selectByte, setMemFields, writeEdit } from '../../store/memory-actions';
import type { MemorySlice } from '../../store/memory-slice';
import { ErrorBox } from '../ErrorBox';
import { HexView } from './HexView';
import { HexFormat } from './HexFormat';
import type { GroupSize } from './hex-groups';
import { MemoryTools } from '../memtools/MemoryTools';

/** STM32F1 regions (the virtual board is an STM32F103). */
const REGIONS = [
  { id: 'flash', label: 'Flash', address: 0x08000000 },
  { id: 'sram', label: 'SRAM', address: 0x20000000 },
  { id: 'rcc', label: 'RCC', address: 0x40021000 },
  { id: 'gpioc', label: 'GPIOC', address: 0x40011000 },
  { id: 'sysmem', label: 'System memory', address: 0x1ffff000 },
  { id: 'scs', label: 'SCS', address: 0xe000e000 },
] as const;

export function MemoryPanel() {
  const s = useStore(
    useShallow((st) => ({
      memAddressText: st.memAddressText,
      memLengthText: st.memLengthText,
      memBlock: st.memBlock,
      memBusy: st.memBusy,
      memRead: st.memRead,
      memError: st.memError,
      memNotice: st.memNotice,
      memScrollTo: st.memScrollTo,
      editAddressText: st.editAddressText,
      editValueText: st.editValueText,
      editWidth: st.editWidth,
    })),
  );
  const connected = useStore((st) => st.status.state === 'connected');
  const [gotoText, setGotoText] = useState('');
  const [fmt, setFmt] = useState<{ group: GroupSize; littleEndian: boolean }>({ group: 1, littleEndian: true });
  const editAddr = parseAddress(s.editAddressText);
  const selected = editAddr.ok && s.editAddressText ? { address: editAddr.value, size: s.editWidth / 8 } : undefined;
  // Typing a hex digit in the hex view starts a new value for the selection; Enter writes it.
  const startTyping = (digit: string): void => {
    setMemFields({ editValueText: `0x${digit}` });
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="edit-value"]')?.focus());
  };
  const submit = (fn: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    void fn();
  };

  return (
    <section className="panel work-panel memory-panel" data-testid="memory-panel" aria-label="Memory">
      <form className="toolbar" onSubmit={submit(readMemory)}>
        <label className="field-inline">
          <span>Address</span>
          <input className="mono w-addr" data-testid="mem-address" value={s.memAddressText} onChange={(e) => setMemFields({ memAddressText: e.target.value })} />
        </label>
        <label className="field-inline">
          <span>Length</span>
          <input className="mono w-len" data-testid="mem-length" value={s.memLengthText} onChange={(e) => setMemFields({ memLengthText: e.target.value })} />
        </label>
        <button type="submit" className="primary" data-testid="mem-read" disabled={!connected || s.memBusy}>
          Read
        </button>
        <button type="button" data-testid="mem-refresh" disabled={!connected || s.memBusy} onClick={() => void refreshMemory()}>
          Refresh
        </button>
        <span className="spacer" />
        <input className="mono w-addr" data-testid="mem-goto" placeholder="go to…" value={gotoText} onChange={(e) => setGotoText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void goToAddress(gotoText))} />
        <button type="button" data-testid="mem-goto-btn" disabled={!connected} onClick={() => void goToAddress(gotoText)}>
          Go
        </button>
      </form>
      <div className="jumps">
        <span className="muted">Jump to</span>
        {REGIONS.map((r) => (
          <button type="button" key={r.id} className="chip" data-testid={`jump-${r.id}`} disabled={!connected || s.memBusy} onClick={() => void jumpTo(r.address)}>
            {r.label}
          </button>
        ))}
        <span className="spacer" />
        <HexFormat group={fmt.group} littleEndian={fmt.littleEndian} onChange={(group, littleEndian) => setFmt({ group, littleEndian })} />
      </div>

      {s.memBusy && s.memRead ? <ReadProgress read={s.memRead} /> : null}

      {s.memBlock ? (
        <HexView block={s.memBlock} selected={selected} scrollTo={s.memScrollTo} onSelect={selectByte} group={fmt.group} littleEndian={fmt.littleEndian} onType={startTyping} />
      ) : (
        <div className="hex-empty muted" data-testid="hex-view">
          {connected ? 'Read a block to see it here.' : 'Connect, then read memory.'}
        </div>
      )}

      <form className="toolbar edit-bar" onSubmit={submit(writeEdit)}>
        <span className="muted">Edit</span>
        <input className="mono w-addr" data-testid="edit-address" placeholder="address" value={s.editAddressText} onChange={(e) => setMemFields({ editAddressText: e.target.value })} />
        <select data-testid="edit-width" value={s.editWidth} onChange={(e) => setMemFields({ editWidth: Number(e.target.value) as 8 | 16 | 32 })}>
          <option value={8}>byte</option>
          <option value={16}>half-word</option>
          <option value={32}>word</option>
        </select>
        <input className="mono w-val" data-testid="edit-value" placeholder="value" value={s.editValueText} onChange={(e) => setMemFields({ editValueText: e.target.value })} />
        <button type="submit" data-testid="mem-write" disabled={!connected || s.memBusy}>
          Write
        </button>
        <span className="spacer" />
        {s.memBusy ? <span className="muted">working…</span> : null}
        {s.memNotice ? <span className="notice" data-testid="mem-notice">{s.memNotice}</span> : null}
        {s.memBlock ? (
          <span className="muted small" data-testid="mem-block-info">
            {s.memBlock.bytes.length} bytes at {hex(s.memBlock.address)} · read {new Date(s.memBlock.readAt).toLocaleTimeString()}
          </span>
        ) : null}
      </form>
      {s.memError ? <ErrorBox error={s.memError} testId="mem-error" /> : null}
      <MemoryTools />
    </section>
  );
}

/** A read under way: bytes so far, speed, and Cancel (the bytes read until then stay shown). */
function ReadProgress({ read }: { read: NonNullable<MemorySlice['memRead']> }) {
  const pct = read.total > 0 ? Math.floor((read.done / read.total) * 100) : 0;
  return (
    <div className="mem-progress" data-testid="mem-progress">
      <div className="progress-head">
        <span data-testid="mem-progress-text" className="mono">
          {formatBytes(read.done)} / {formatBytes(read.total)}
        </span>
        <span className="mono muted">{read.bytesPerSecond > 0 ? `${formatBytes(read.bytesPerSecond)}/s` : ''}</span>
        <span className="spacer" />
        <button type="button" data-testid="mem-cancel" disabled={read.cancelling === true} onClick={() => void cancelMemoryRead()}>
          {read.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <div className="bar" role="progressbar" aria-label="Memory read" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="bar-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
