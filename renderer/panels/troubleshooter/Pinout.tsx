// A debug connector's pinout as the technician sees it (odd pins on one row, even
// on the other), with the pins of the current check highlighted.
import { useState } from 'react';
import { KNOWN_ADAPTERS } from '../../../shared/adapters';
import { CONNECTORS, pinsFor, type ConnectorKind, type PinPurpose } from '../../../shared/pinouts';
import type { ConnectionProfile } from '../../../shared/profile';

/**
 * The connector to show first: the detected adapter's (the host matched it to the profile on
 * USB, e.g. ST-LINK/V2-1 on a Nucleo: its 6-pin SWD header), else a guess from the interface cfg.
 */
export function pickConnector(detected: ConnectorKind | undefined, profile: ConnectionProfile | undefined): ConnectorKind {
  return detected ?? guessConnector(profile);
}

/** The adapter's most likely connector, from the profile's interface cfg alone. */
export function guessConnector(profile: ConnectionProfile | undefined): ConnectorKind {
  const cfg = profile?.interfaceCfg;
  const known = cfg ? KNOWN_ADAPTERS.find((a) => a.interfaceCfg === cfg && a.connectors.length > 0) : undefined;
  return known?.connectors[0] ?? 'jtag-20';
}

export function Pinout({ initial, purpose, adapterName }: { initial: ConnectorKind; purpose: PinPurpose; adapterName?: string | undefined }) {
  const [kind, setKind] = useState<ConnectorKind>(initial);
  const conn = CONNECTORS[kind];
  const lit = new Set(pinsFor(kind, purpose));
  return (
    <div className="pinout" data-testid="pinout">
      <label>
        Connector{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as ConnectorKind)} data-testid="pinout-connector">
          {Object.values(CONNECTORS).map((c) => (
            <option key={c.kind} value={c.kind}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      {adapterName && kind === initial ? <span className="muted" data-testid="pinout-detected"> (the connector of the {adapterName} found on USB)</span> : null}
      <p className="muted">{conn.form}. Pin 1 is marked with a triangle or dot.</p>
      <table className="pins">
        <tbody>
          {conn.pins.map((p) => (
            <tr key={p.number} className={lit.has(p.number) ? 'pin-lit' : undefined} data-testid={lit.has(p.number) ? 'pin-highlighted' : 'pin'}>
              <td className="mono">{p.number}</td>
              <td>
                <strong>{p.name}</strong>
              </td>
              <td className="muted">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
