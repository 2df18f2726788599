// The header's Settings button and its dialog: the OpenOCD binary to run. Saving
// checks it at once (named openocd, else refused before it runs; it must exist, be
// executable and answer `--version`, 0.11 or newer) and shows the version found or the
// error; the next connect uses it.
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsState } from '../../../shared/settings';
import { currentApi, describeError } from '../../store/actions';
import { ThemeSwitch } from '../../keyboard/KeyboardShortcuts';

/** The host's refusal of a path whose file is not named openocd (main/settings/openocd-name.ts). */
const NOT_OPENOCD = /is not an OpenOCD: the workbench only runs a binary named openocd/;

export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="settings-button" data-testid="settings" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open ? <SettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function SettingsDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<SettingsState>();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void currentApi()
      .getSettings()
      .then((r) => {
        if (!live) return;
        setBusy(false);
        if (r.ok) {
          setState(r.value);
          setPath(r.value.settings.openocdPath ?? '');
        } else setError(describeError(r.error));
      });
    return () => {
      live = false;
    };
  }, []);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const openocdPath = path.trim();
    let r = await currentApi().saveSettings({ settings: { openocdPath } });
    // A file not named openocd: only the desktop app may take it, once the user says it is OpenOCD.
    if (!r.ok && NOT_OPENOCD.test(r.error.message) && window.bringup !== undefined && window.confirm(`${r.error.message}.\n\nIs this file really OpenOCD? The workbench will run it.`)) {
      r = await currentApi().saveSettings({ settings: { openocdPath }, confirmed: true });
    }
    setBusy(false);
    if (r.ok) {
      setState(r.value);
      setError(undefined);
    } else setError(describeError(r.error));
  };

  // While a save is being checked, the old result would be misleading.
  const check = busy ? undefined : state?.openocd;
  return (
    <div className="modal-backdrop" role="presentation">
      <form className="modal" role="dialog" aria-label="Settings" data-testid="settings-dialog" onSubmit={(e) => void save(e)}>
        <h2>Settings</h2>
        <div className="field">
          <label>
            <span>OpenOCD binary (empty: $BRINGUP_OPENOCD, else the PATH)</span>
            <input
              data-testid="settings-openocd"
              value={path}
              placeholder="/usr/bin/openocd"
              spellCheck={false}
              disabled={state === undefined}
              onChange={(e) => setPath(e.target.value)}
            />
          </label>
        </div>
        {/* Saved at once, in this browser (not with Save): it is how this screen looks, not the host's setting. */}
        <div className="field">
          <ThemeSwitch testId="settings-theme" />
          <span className="muted small"> system follows the OS's light / dark setting</span>
        </div>
        {busy && state ? <p data-testid="settings-checking">Checking…</p> : null}
        {check?.ok ? (
          <p data-testid="settings-openocd-status">
            OpenOCD {check.version} ({check.path})
          </p>
        ) : check ? (
          <p className="form-error" role="alert" data-testid="settings-openocd-status">
            {describeError(check.error)}
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="settings-error">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" data-testid="settings-close" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" data-testid="settings-save" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
