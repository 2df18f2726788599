// One register of the tree: its value (highlighted when it changed since the last
// read), access, "Show in memory", a whole-register write, and when opened its fields
// with bit range, access, value and enum name, each writable in place.
import { useState } from 'react';
import type { PeriphField, PeriphRegister, PeriphRegisterRead } from '../../../shared/peripherals';
import { hex } from '../../lib/numbers';
import { readPeripheral, showInMemory, toggleOpen, writeField, writeRegisterValue } from '../../store/periph-actions';

const ACCESS_SHORT: Record<string, string> = { 'read-only': 'RO', 'write-only': 'WO', 'read-write': 'RW', writeOnce: 'W1', 'read-writeOnce': 'RW1' };

const writable = (a: string) => a !== 'read-only';

function bits(f: PeriphField): string {
  return f.msb === f.lsb ? `[${f.lsb}]` : `[${f.msb}:${f.lsb}]`;
}

interface Props {
  peripheral: string;
  reg: PeriphRegister;
  read: PeriphRegisterRead | undefined;
  prev: PeriphRegisterRead | undefined;
  open: boolean;
  busy: boolean;
  connected: boolean;
}

export function RegisterRow({ peripheral, reg, read, prev, open, busy, connected }: Props) {
  const [regText, setRegText] = useState('');
  const changed = read?.value != null && prev?.value != null && read.value !== prev.value;
  const key = `${peripheral}.${reg.name}`;
  return (
    <li className={`svd-reg${changed ? ' changed' : ''}`} data-testid="svd-reg" data-name={reg.name} data-changed={changed ? 'yes' : 'no'}>
      <div className="svd-reg-line">
        <button type="button" className="tree-toggle" data-testid="svd-reg-toggle" aria-expanded={open} onClick={() => toggleOpen(key)}>
          {open ? '▾' : '▸'}
        </button>
        <span className="mono svd-name" title={reg.description}>{reg.name}</span>
        <span className="mono muted small">{hex(reg.address)}</span>
        <span className={`access-tag access-${reg.access}`} title={reg.access}>{ACCESS_SHORT[reg.access] ?? reg.access}</span>
        <span className="mono svd-value" data-testid="svd-reg-value" title={read?.note}>
          {read?.value != null ? hex(read.value, reg.size / 4) : read?.note ? <span className="muted small">{read.note}</span> : '—'}
        </span>
        <span className="spacer" />
        {reg.readAction && connected ? (
          <button type="button" className="small" data-testid="svd-reg-read-side-effect" disabled={busy} title={`Reading ${reg.name} ${reg.readAction}s flags`}
            onClick={() => void readPeripheral(peripheral, [reg.name])}>
            Read ({reg.readAction})
          </button>
        ) : null}
        {writable(reg.access) ? (
          <form className="inline-form" onSubmit={(e) => {
            e.preventDefault();
            void writeRegisterValue(peripheral, reg.name, reg.size, regText).then((ok) => ok && setRegText(''));
          }}>
            <input className="mono w-val" data-testid="svd-reg-input" placeholder="value" aria-label={`${reg.name} value`} value={regText} onChange={(e) => setRegText(e.target.value)} />
            <button type="submit" data-testid="svd-reg-write" disabled={!connected || busy}>Write</button>
          </form>
        ) : null}
        <button type="button" className="small" data-testid="svd-show-memory" disabled={!connected} title="Show in memory" onClick={() => void showInMemory(reg.address)}>
          Memory
        </button>
      </div>
      {open ? (
        <table className="svd-fields">
          <tbody>
            {reg.fields.map((f) => (
              <FieldRow key={f.name} peripheral={peripheral} reg={reg} field={f} read={read} prev={prev} busy={busy} connected={connected} />
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

function FieldRow({ peripheral, reg, field: f, read, prev, busy, connected }: { peripheral: string; reg: PeriphRegister; field: PeriphField; read?: PeriphRegisterRead; prev?: PeriphRegisterRead; busy: boolean; connected: boolean }) {
  const [text, setText] = useState('');
  const d = read?.fields.find((x) => x.name === f.name);
  const p = prev?.fields.find((x) => x.name === f.name);
  const changed = d?.value != null && p?.value != null && d.value !== p.value;
  const width = f.msb - f.lsb + 1;
  const canWrite = writable(reg.access) && writable(f.access);
  return (
    <tr data-testid="svd-field" data-name={f.name} className={changed ? 'changed' : ''}>
      <td className="mono" title={f.description}>{f.name}</td>
      <td className="mono muted">{bits(f)}</td>
      <td><span className={`access-tag access-${f.access}`} title={f.access}>{ACCESS_SHORT[f.access] ?? f.access}</span></td>
      <td className="mono" data-testid="svd-field-value">{d?.value == null ? '—' : width > 4 ? `${hex(d.value, Math.ceil(width / 4))} (${d.value})` : String(d.value)}</td>
      <td className="muted" data-testid="svd-field-enum">{d?.enumName ?? ''}</td>
      <td className="muted small">
        {f.modifiedWriteValues ? <span title="what a write does">{f.modifiedWriteValues}</span> : null}
        {f.readAction ? <span title="what a read does"> read: {f.readAction}</span> : null}
      </td>
      <td>
        {canWrite ? (
          <form className="inline-form" onSubmit={(e) => {
            e.preventDefault();
            void writeField(peripheral, reg.name, f.name, text).then((ok) => ok && setText(''));
          }}>
            {f.enums && f.enums.length ? (
              <select data-testid="svd-field-select" value={text} aria-label={`${f.name} value`} onChange={(e) => setText(e.target.value)}>
                <option value="">value…</option>
                {f.enums.map((e) => (
                  <option key={e.name} value={e.name} title={e.description}>{e.name} ({e.value})</option>
                ))}
              </select>
            ) : (
              <input className="mono w-val" data-testid="svd-field-input" placeholder={width === 1 ? '0 / 1' : `0..${2 ** width - 1}`} aria-label={`${f.name} value`} value={text} onChange={(e) => setText(e.target.value)} />
            )}
            <button type="submit" data-testid="svd-field-write" disabled={!connected || busy}>Set</button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}
