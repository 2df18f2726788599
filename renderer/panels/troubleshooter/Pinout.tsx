// A debug connector's pinout as the technician sees it: drawn (ConnectorDrawing, from
// the shared pin table) with the pins of the current check lit, and the same pins as a
// table with what each carries. The table is always there for screen readers; on screen
// it opens on demand, so the drawing and the next step stay in view.
import { useState } from 'react';
import { KNOWN_ADAPTERS } from '../../../shared/adapters';
import { CONNECTORS, pinsFor, protocolOf, type ConnectorKind, type PinPurpose } from '../../../shared/pinouts';
import { ConnectorDrawing } from './ConnectorDrawing';
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
  const [tableShown, setTableShown] = useState(false);
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
      <p className="muted">{conn.form}. Pin 1 is marked with a triangle or dot on the board; here it is the square pad.</p>
      {lit.size === 0 ? (
        <p className="pinout-warn" data-testid="pinout-no-signals">
          This connector does not carry {purpose === 'wiring-jtag' ? 'JTAG (it is SWD only)' : 'these signals'}: use another connector or switch the profile to SWD.
        </p>
      ) : null}
      <ConnectorDrawing connector={conn} lit={lit} protocol={protocolOf(purpose)} />
      <p>
        <button type="button" className="small" aria-expanded={tableShown} data-testid="pinout-table-toggle" onClick={() => setTableShown(!tableShown)}>
          {tableShown ? 'Hide pin descriptions' : 'Pin descriptions'}
        </button>
      </p>
      <table className={tableShown ? 'pins' : 'pins sr-only'} data-testid="pinout-table">
        <caption className="sr-only">{conn.title}: pins{lit.size ? `, the ones to probe marked` : ''}</caption>
        <tbody>
          {conn.pins.map((p) => (
            <tr key={p.number} className={lit.has(p.number) ? 'pin-lit' : undefined} data-testid={lit.has(p.number) ? 'pin-highlighted' : 'pin'}>
              <td className="mono">
                {p.number}
                {lit.has(p.number) ? <span className="sr-only"> (probe this pin)</span> : null}
              </td>
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
