// Top bar: pick a profile, edit / add / delete it, connect / disconnect.
import { newProfileId, VBOARD_PROFILE_ID, type ConnectionProfile } from '../../../shared/profile';
import { useStore } from '../../store';
import { connect, deleteProfile, disconnect, openEditor, selectProfile } from '../../store/actions';

const blank = (): ConnectionProfile => ({ id: newProfileId(), name: '', kind: 'configs', extraCommands: [] });

export function ProfileBar() {
  const profiles = useStore((s) => s.profiles);
  const selectedId = useStore((s) => s.selectedId);
  const state = useStore((s) => s.status.state);
  const busy = useStore((s) => s.busy);
  // This window's flash is running: the host refuses Disconnect / Connect until it ends (the chip would be half-programmed).
  const flashing = useStore((s) => s.flashJob !== undefined && s.flashJob.outcome === undefined);
  const flashingNote = flashing ? 'A flash is running: OpenOCD cannot be stopped or restarted until it ends (or is cancelled)' : undefined;
  const selected = profiles.find((p) => p.id === selectedId);
  const builtin = selected?.id === VBOARD_PROFILE_ID || selected?.kind === 'vboard';
  const live = state === 'starting' || state === 'connected';

  return (
    <div className="profile-bar">
      <label className="field-inline">
        <span>Profile</span>
        <select data-testid="profile-select" value={selectedId ?? ''} onChange={(e) => selectProfile(e.target.value)} disabled={busy}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="profile-edit" disabled={!selected || builtin} onClick={() => selected && openEditor(selected)}>
        Edit
      </button>
      <button type="button" data-testid="profile-new" onClick={() => openEditor(blank())}>
        New
      </button>
      <button
        type="button"
        data-testid="profile-delete"
        disabled={!selected || builtin || busy}
        onClick={() => selected && window.confirm(`Delete profile “${selected.name}”?`) && void deleteProfile(selected.id)}
      >
        Delete
      </button>
      <span className="spacer" />
      {live ? (
        <button type="button" className="primary danger" data-testid="disconnect" disabled={busy && state !== 'starting'} title={flashingNote} onClick={() => void disconnect()}>
          Disconnect
        </button>
      ) : (
        <button type="button" className="primary" data-testid="connect" disabled={!selected || busy} onClick={() => selected && void connect(selected.id)}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      )}
    </div>
  );
}
