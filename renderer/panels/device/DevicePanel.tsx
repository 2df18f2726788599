// The Device panel (issue 11), as STM32CubeProgrammer shows a chip: its ids, core and
// comparators, and the option bytes with an editor that says what each change does and
// asks before one that erases the flash. The host writes, resets and reads back; the
// panel shows what the chip reports after that, never what was asked for.
import { useEffect, useState } from 'react';
import { describeChange, OPTION_BYTES_NOTE, RDP_TEXT, USER_BIT_TEXT, type DeviceInfo, type OptionBytesChange, type OptionBytesResult, type UserBits } from '../../../shared/device';
import type { ErrorValue } from '../../../shared/errors';
import { hex } from '../../lib/numbers';
import { currentApi } from '../../store/actions';
import { useStore } from '../../store';
import { ErrorBox } from '../ErrorBox';
import './device.css';

export function DevicePanel() {
  const connected = useStore((st) => st.status.state === 'connected' && st.status.info.targetName !== undefined);
  const viewOnly = useStore((st) => st.access === 'view');
  const [info, setInfo] = useState<DeviceInfo | undefined>();
  const [error, setError] = useState<ErrorValue | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [draft, setDraft] = useState<{ rdp: 0 | 1; wrp: boolean[]; user: UserBits } | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<OptionBytesResult | undefined>();

  const show = (i: DeviceInfo) => {
    setInfo(i);
    setDraft(i.options ? { rdp: i.options.rdp, wrp: i.options.wrp.map((b) => b.protected), user: { ...i.options.user } } : undefined);
  };
  const read = async () => {
    setBusy('Reading the device…');
    const r = await currentApi().deviceInfo({});
    setBusy(undefined);
    if (r.ok) {
      show(r.value);
      setError(undefined);
    } else setError(r.error);
  };
  useEffect(() => {
    if (connected) void read();
  }, [connected]);

  const o = info?.options ?? null;
  const change: OptionBytesChange | undefined =
    o && draft
      ? {
          ...(draft.rdp !== o.rdp ? { rdp: draft.rdp } : {}),
          wrp: o.wrp.filter((b, i) => b.protected !== draft.wrp[i]).map((b) => ({ index: b.index, protected: draft.wrp[b.index]! })),
          user: draft.user,
        }
      : undefined;
  const described = o && change ? describeChange(o, change) : { lines: [], erases: false };

  const write = async () => {
    if (!change) return;
    setConfirming(false);
    setBusy('Writing the option bytes, resetting and reading them back…');
    const r = await currentApi().writeOptionBytes(change);
    setBusy(undefined);
    if (r.ok) {
      setResult(r.value);
      show(r.value.info);
      setError(undefined);
    } else setError(r.error);
  };
  const apply = () => (described.erases ? setConfirming(true) : void write());

  return (
    <div className="device-panel" data-testid="device" aria-label="Device">
      <h3>
        Device{' '}
        <button type="button" data-testid="device-read" disabled={!connected || busy !== undefined} onClick={() => void read()}>
          Read
        </button>{' '}
        {busy ? <span className="muted small" data-testid="device-busy">{busy}</span> : null}
      </h3>
      {error ? <ErrorBox error={error} testId="device-error" /> : null}
      {info ? (
        <table className="device-facts">
          <tbody>
            <Fact label="Device" id="device-name" value={info.devName ?? (info.devId !== null ? `unknown DEV_ID ${hex(info.devId, 3)}` : 'not read for this target')} />
            <Fact label="Device id" id="device-id" value={info.idcode !== null ? `DEV_ID 0x${info.devId!.toString(16)} (DBGMCU_IDCODE ${hex(info.idcode)})` : '—'} />
            <Fact label="Revision" id="device-revision" value={info.revision ?? '—'} />
            <Fact label="Flash size" id="device-flash-size" value={info.flashSizeKiB !== null ? `${info.flashSizeKiB} KiB` : '—'} />
            <Fact label="Unique id" id="device-uid" value={info.uid ?? '—'} />
            <Fact label="Core" id="device-core" value={`${info.core.name} ${info.core.revision} (CPUID ${hex(info.core.cpuid)}, ${info.core.implementer})`} />
            <Fact label="Breakpoints" id="device-breakpoints" value={info.breakpoints !== null ? `${info.breakpoints} hardware (FPB)` : 'not read'} />
            <Fact label="Watchpoints" id="device-watchpoints" value={info.watchpoints !== null ? `${info.watchpoints} (DWT)` : 'not read'} />
            <Fact label="Read protection" id="device-rdp" value={o ? (o.rdp ? 'level 1: flash cannot be read over the debugger' : 'level 0: none') : '—'} />
            <Fact
              label="Write protection"
              id="device-wrp"
              value={o ? (o.wrp.some((b) => b.protected) ? `blocks ${o.wrp.filter((b) => b.protected).map((b) => b.index).join(', ')} protected` : 'none') : '—'}
            />
          </tbody>
        </table>
      ) : null}

      {o && draft ? (
        <fieldset className="option-bytes" data-testid="option-bytes" disabled={viewOnly || busy !== undefined}>
          <legend>Option bytes</legend>
          <label>
            RDP level{' '}
            <select data-testid="ob-rdp" value={draft.rdp} onChange={(e) => setDraft({ ...draft, rdp: Number(e.target.value) === 1 ? 1 : 0 })}>
              <option value={0}>0 — no protection</option>
              <option value={1}>1 — read protection</option>
            </select>
          </label>
          <p className="muted small">{RDP_TEXT[1]}</p>
          <div className="wrp-grid" role="group" aria-label="Write protection blocks">
            {o.wrp.map((b, i) => (
              <label key={b.index} title={`${hex(b.address)}–${hex(b.address + b.size - 1)}: pages ${(b.address - 0x08000000) / 1024}–${(b.address - 0x08000000 + b.size) / 1024 - 1}`}>
                <input
                  type="checkbox"
                  data-testid={`ob-wrp-${b.index}`}
                  checked={draft.wrp[i] ?? false}
                  onChange={(e) => setDraft({ ...draft, wrp: draft.wrp.map((p, j) => (j === i ? e.target.checked : p)) })}
                />
                {b.index}
              </label>
            ))}
          </div>
          <p className="muted small">WRP: a ticked block (4 KiB, 4 pages) cannot be erased or programmed until cleared.</p>
          {(Object.keys(USER_BIT_TEXT) as (keyof UserBits)[]).map((k) => (
            <label key={k} className="user-bit">
              <input type="checkbox" data-testid={`ob-user-${k}`} checked={draft.user[k]} onChange={(e) => setDraft({ ...draft, user: { ...draft.user, [k]: e.target.checked } })} />
              <span className="mono">{USER_BIT_TEXT[k].label}</span> <span className="muted small">{draft.user[k] ? USER_BIT_TEXT[k].on : USER_BIT_TEXT[k].off}</span>
            </label>
          ))}
          {described.lines.length ? (
            <ul className={described.erases ? 'ob-changes erases' : 'ob-changes'} data-testid="ob-changes">
              {described.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : (
            <p className="muted small">No change.</p>
          )}
          <p className="muted small" data-testid="ob-note">{OPTION_BYTES_NOTE}</p>
          {confirming ? (
            <div className="warning-box" role="alertdialog" data-testid="ob-confirm">
              <p>
                <strong>This change mass-erases the whole flash.</strong> All firmware on the chip is lost.
              </p>
              <button type="button" className="danger" data-testid="ob-confirm-yes" onClick={() => void write()}>
                Yes, erase and write
              </button>{' '}
              <button type="button" data-testid="ob-confirm-no" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className={described.erases ? 'danger' : 'primary'} data-testid="ob-apply" disabled={!described.lines.length} onClick={apply}>
              Write option bytes
            </button>
          )}
        </fieldset>
      ) : null}
      {result ? (
        <div className="ob-result" data-testid="ob-result" role="status">
          Written and read back after reset: RDP {result.info.options?.rdp ?? '?'}, WRP{' '}
          {result.info.options?.wrp.filter((b) => b.protected).map((b) => b.index).join(', ') || 'none'}.
          <pre className="mono small">{result.commands.join('\n')}</pre>
        </div>
      ) : null}
    </div>
  );
}

function Fact({ label, id, value }: { label: string; id: string; value: string }) {
  return (
    <tr>
      <th>{label}</th>
      <td className="mono" data-testid={id}>
        {value}
      </td>
    </tr>
  );
}
