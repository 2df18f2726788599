// Live connection state: what OpenOCD is connected to, and why it is not.
import { useStore } from '../../store';
import { describeError } from '../../store/actions';
import { shownConnection } from '../../store/connection-view';
import { AdapterList } from './AdapterList';
import { FailureReason } from './FailureReason';
import { GdbSection } from './GdbSection';
import { hex32 } from './format';

export function ConnectionPanel() {
  const status = useStore((s) => s.status);
  const requestError = useStore((s) => s.requestError);
  const profileName = useStore((s) => s.profiles.find((p) => p.id === s.status.profileId)?.name);
  const transport = useStore((s) => s.transport);
  const shown = shownConnection(status, transport);
  const { info } = status;

  return (
    <section className="panel connection-panel" aria-label="Connection" data-testid="connection-panel">
      <h2>Connection</h2>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span data-testid="connection-state" className={`badge state-${shown.state}`}>
            {shown.state}
          </span>
        </dd>
        <dt>Target</dt>
        <dd>
          <span data-testid="target-state" className={`badge target-${shown.target}`}>
            {shown.target}
          </span>
          {info.targetName ? <span className="muted"> {info.targetName}</span> : null}
        </dd>
        <dt>Profile</dt>
        <dd>{profileName ?? <span className="muted">—</span>}</dd>
        <dt>OpenOCD</dt>
        <dd data-testid="openocd-version">{info.openocdVersion ?? '—'}</dd>
        <dt>Adapter</dt>
        <dd data-testid="adapter">{info.adapter ?? '—'}</dd>
        <dt>Transport</dt>
        <dd data-testid="transport">{info.transport ?? '—'}</dd>
        <dt>Speed</dt>
        <dd data-testid="adapter-speed">{info.adapterSpeedKhz !== undefined ? `${info.adapterSpeedKhz} kHz` : '—'}</dd>
        {info.targetVoltage !== undefined ? (
          <>
            <dt>Voltage</dt>
            <dd data-testid="target-voltage">{info.targetVoltage.toFixed(2)} V</dd>
          </>
        ) : null}
      </dl>

      <h3>TAPs</h3>
      {info.taps.length === 0 ? (
        <p className="muted">No TAPs yet.</p>
      ) : (
        <table className="taps" data-testid="taps">
          <thead>
            <tr>
              <th>Name</th>
              <th>IDCODE</th>
              <th>IR</th>
              <th>On</th>
            </tr>
          </thead>
          <tbody>
            {info.taps.map((t) => (
              <tr key={t.name} data-testid="tap">
                <td>{t.name}</td>
                <td className="mono" data-testid="tap-idcode">
                  {hex32(t.idcode)}
                </td>
                <td>{t.irLength}</td>
                <td>{t.enabled ? 'Y' : 'n'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <GdbSection />

      {status.state !== 'connected' ? <AdapterList /> : null}

      {status.state === 'failed' && status.exit ? (
        <FailureReason exit={status.exit} />
      ) : null}
      {requestError ? (
        <div className="failure" role="alert" data-testid="request-error">
          <pre>{describeError(requestError)}</pre>
        </div>
      ) : null}
    </section>
  );
}
