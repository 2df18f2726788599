// Edits one connection profile: interface + target cfg, or a board cfg, plus
// adapter speed, transport, reset config and extra `-c` commands.
import { useState, type FormEvent } from 'react';
import type { ConnectionProfile, TransportName } from '../../../shared/profile';
import '../../lib/zod-csp';
import { connectionProfileSchema, TRANSPORT_NAMES } from '../../../shared/profile-schema';
import { useStore } from '../../store';
import { closeEditor, describeError, saveProfile } from '../../store/actions';
import { ConfigPicker } from './ConfigPicker';

type Mode = 'pair' | 'board';

export function ProfileEditor({ initial }: { initial: ConnectionProfile }) {
  const catalogue = useStore((s) => s.catalogue);
  const serverError = useStore((s) => s.editorError);
  const [name, setName] = useState(initial.name);
  const [mode, setMode] = useState<Mode>(initial.boardCfg ? 'board' : 'pair');
  const [iface, setIface] = useState(initial.interfaceCfg ?? '');
  const [target, setTarget] = useState(initial.targetCfg ?? '');
  const [board, setBoard] = useState(initial.boardCfg ?? '');
  const [speed, setSpeed] = useState(initial.adapterSpeedKhz?.toString() ?? '');
  const [transport, setTransport] = useState<TransportName | ''>(initial.transport ?? '');
  const [resetConfig, setResetConfig] = useState(initial.resetConfig ?? '');
  const [nrstWired, setNrstWired] = useState(initial.nrstWired ?? false);
  const [gdbOn, setGdbOn] = useState(initial.gdb?.enabled ?? false);
  const [gdbPort, setGdbPort] = useState(initial.gdb?.port?.toString() ?? '');
  const [extra, setExtra] = useState(initial.extraCommands.join('\n'));
  const [preTarget, setPreTarget] = useState((initial.preTargetCommands ?? []).join('\n'));
  const [localError, setLocalError] = useState<string>();

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const draft: ConnectionProfile = {
      id: initial.id,
      name: name.trim(),
      kind: 'configs',
      extraCommands: extra
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    if (mode === 'board') {
      if (board.trim()) draft.boardCfg = board.trim();
    } else {
      if (iface.trim()) draft.interfaceCfg = iface.trim();
      if (target.trim()) draft.targetCfg = target.trim();
    }
    if (speed.trim()) draft.adapterSpeedKhz = Number(speed);
    if (transport) draft.transport = transport;
    if (resetConfig.trim()) draft.resetConfig = resetConfig.trim();
    if (nrstWired) draft.nrstWired = true;
    if (gdbOn || gdbPort.trim()) draft.gdb = gdbPort.trim() ? { enabled: gdbOn, port: Number(gdbPort.trim()) } : { enabled: gdbOn };
    const pre = preTarget
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (pre.length > 0) draft.preTargetCommands = pre;
    const checked = connectionProfileSchema.safeParse(draft);
    if (!checked.success) {
      const i = checked.error.issues[0];
      setLocalError(i ? `${i.path.join('.') || 'profile'}: ${i.message}` : 'invalid profile');
      return;
    }
    setLocalError(undefined);
    void saveProfile(checked.data);
  };

  const error = localError ?? (serverError ? describeError(serverError) : undefined);

  return (
    <div className="modal-backdrop" role="presentation">
      <form className="modal profile-editor" role="dialog" aria-label="Connection profile" data-testid="profile-editor" onSubmit={submit}>
        <h2>{initial.name ? `Edit “${initial.name}”` : 'New connection profile'}</h2>
        <label className="field">
          <span>Name</span>
          <input data-testid="profile-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus placeholder="e.g. ST-Link + STM32F103" />
        </label>

        <fieldset className="mode">
          <legend>Configuration</legend>
          <label>
            <input type="radio" name="mode" data-testid="mode-pair" checked={mode === 'pair'} onChange={() => setMode('pair')} /> Interface + target
          </label>
          <label>
            <input type="radio" name="mode" data-testid="mode-board" checked={mode === 'board'} onChange={() => setMode('board')} /> Board
          </label>
        </fieldset>

        {catalogue?.scriptsDir === null ? <p className="muted">OpenOCD's scripts folder was not found: type cfg paths by hand.</p> : null}
        {mode === 'pair' ? (
          <>
            <ConfigPicker label="Interface cfg" testId="cfg-interface" value={iface} onChange={setIface} options={catalogue?.interface ?? []} placeholder="interface/stlink.cfg" />
            <ConfigPicker label="Target cfg" testId="cfg-target" value={target} onChange={setTarget} options={catalogue?.target ?? []} placeholder="target/stm32f1x.cfg" />
          </>
        ) : (
          <ConfigPicker label="Board cfg" testId="cfg-board" value={board} onChange={setBoard} options={catalogue?.board ?? []} placeholder="board/stm32f103c8_blue_pill.cfg" />
        )}

        <div className="row">
          <label className="field">
            <span>Adapter speed (kHz)</span>
            <input data-testid="profile-speed" inputMode="numeric" value={speed} onChange={(e) => setSpeed(e.target.value.replace(/[^0-9]/g, ''))} placeholder="default" />
          </label>
          <label className="field">
            <span>Transport</span>
            <select data-testid="profile-transport" value={transport} onChange={(e) => setTransport(e.target.value as TransportName | '')}>
              <option value="">(from cfg)</option>
              {TRANSPORT_NAMES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Reset config</span>
          <input data-testid="profile-reset-config" value={resetConfig} onChange={(e) => setResetConfig(e.target.value)} placeholder="e.g. srst_only srst_nogate connect_assert_srst" spellCheck={false} />
        </label>
        <label className="checkbox">
          <input type="checkbox" data-testid="profile-nrst-wired" checked={nrstWired} onChange={(e) => setNrstWired(e.target.checked)} /> NRST connected to the probe{' '}
          <span className="muted">(a connect that cannot reach the chip is retried once with connect-under-reset)</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" data-testid="profile-gdb" checked={gdbOn} onChange={(e) => setGdbOn(e.target.checked)} /> Serve GDB on 127.0.0.1, port{' '}
          <input className="mono w-port" data-testid="profile-gdb-port" size={6} value={gdbPort} onChange={(e) => setGdbPort(e.target.value)} placeholder="free" />
        </label>
        <label className="field">
          <span>Commands before the target config (one per line, e.g. set CPUTAPID 0x2ba01477)</span>
          <textarea data-testid="profile-pre-target-commands" rows={2} value={preTarget} onChange={(e) => setPreTarget(e.target.value)} spellCheck={false} />
        </label>
        <label className="field">
          <span>Extra commands (one per line, run as -c before init)</span>
          <textarea data-testid="profile-extra-commands" rows={4} value={extra} onChange={(e) => setExtra(e.target.value)} spellCheck={false} />
        </label>

        {error ? (
          <p className="form-error" role="alert" data-testid="profile-error">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" data-testid="profile-cancel" onClick={closeEditor}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="profile-save">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
