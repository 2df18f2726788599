// A debug connector drawn as on a datasheet, from the pin table in shared/pinouts.ts
// (never drawn by hand per connector: the drawing and the pin list cannot disagree).
// Seen looking into the target's header: pin 1 at the top left, marked by a square pad
// and a triangle; odd pins in the left row, even pins in the right one. The pins of the
// current check are lit. The pin table beside it stays for screen readers.
import { pinLabel, pinPlace, placesAlong, type Connector } from '../../../shared/pinouts';

const PITCH = 24; // px between pin centres
const PAD_R = 8;
const CHAR_W = 7.2; // px per character of a 12 px label
const TOP = 34; // room for the pin-1 triangle
const BODY_PAD = 10;

export function ConnectorDrawing({ connector, lit, protocol }: { connector: Connector; lit: ReadonlySet<number>; protocol: 'jtag' | 'swd' }) {
  const { layout, pins } = connector;
  const dual = layout.rows === 'dual';
  const along = placesAlong(connector);
  const labels = new Map(pins.map((p) => [p.number, pinLabel(p, protocol)]));
  const longest = Math.max(...[...labels.values()].map((l) => l.length));
  const labelW = Math.ceil(longest * CHAR_W) + 12;
  const leftW = dual ? labelW : 0;
  const bodyX = leftW;
  const bodyW = (dual ? 2 : 1) * PITCH + 2 * BODY_PAD;
  const bodyH = along * PITCH + 2 * BODY_PAD;
  const width = leftW + bodyW + labelW;
  const height = TOP + bodyH + (layout.body === 'pogo-pads' ? 22 : 8);
  const centre = (n: number) => {
    const { row, index } = pinPlace(layout, n);
    return { x: bodyX + BODY_PAD + PITCH / 2 + row * PITCH, y: TOP + BODY_PAD + PITCH / 2 + index * PITCH, row };
  };
  const p1 = centre(1);
  const litNames = pins.filter((p) => lit.has(p.number)).map((p) => `${p.number} ${labels.get(p.number) ?? p.name}`);
  const label = `${connector.title}, looking into the header, pin 1 at top left.${litNames.length ? ` Pins to probe: ${litNames.join(', ')}.` : ''}`;

  return (
    <svg
      className="connector-drawing"
      data-testid="pinout-drawing"
      data-connector={connector.kind}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      {layout.body === 'pogo-pads' ? (
        <>
          {/* No header: pads on the board. One alignment hole at pin 1's end, two at the other. */}
          <rect x={bodyX} y={TOP} width={bodyW} height={bodyH} rx={10} className="cd-footprint" />
          <circle cx={bodyX + bodyW / 2} cy={TOP - 10} r={5} className="cd-hole" />
          <circle cx={bodyX + 6} cy={TOP + bodyH + 12} r={5} className="cd-hole" />
          <circle cx={bodyX + bodyW - 6} cy={TOP + bodyH + 12} r={5} className="cd-hole" />
        </>
      ) : (
        <rect x={bodyX} y={TOP} width={bodyW} height={bodyH} rx={layout.body === 'box-header' ? 4 : 2} className={layout.body === 'box-header' ? 'cd-body' : 'cd-strip'} />
      )}
      {/* Pin 1: a triangle pointing at it (left of the body, as printed on silkscreens). */}
      <polygon points={`${bodyX - 2},${p1.y - 7} ${bodyX - 2},${p1.y + 7} ${bodyX + 6},${p1.y}`} className="cd-pin1" data-testid="pinout-pin1-mark" />
      <text x={bodyX + BODY_PAD + PITCH / 2} y={TOP - (layout.body === 'pogo-pads' ? 20 : 8)} className="cd-pin1-text" textAnchor="middle">
        pin 1
      </text>
      {layout.keyPins?.map((n) => {
        const c = centre(n);
        return <circle key={`key-${n}`} cx={c.x} cy={c.y} r={PAD_R - 2} className="cd-key" />;
      })}
      {pins.map((p) => {
        if (layout.keyPins?.includes(p.number)) return null;
        const c = centre(p.number);
        const on = lit.has(p.number);
        const textX = c.row === 0 && dual ? bodyX - 8 : bodyX + bodyW + 8;
        return (
          <g key={p.number} data-testid="svg-pin" data-pin={p.number} data-lit={on ? 'true' : 'false'} className={on ? 'cd-pin lit' : 'cd-pin'}>
            <title>{`${p.number}: ${labels.get(p.number) ?? p.name}`}</title>
            {p.number === 1 ? (
              <rect x={c.x - PAD_R} y={c.y - PAD_R} width={2 * PAD_R} height={2 * PAD_R} className="cd-pad" />
            ) : (
              <circle cx={c.x} cy={c.y} r={PAD_R} className="cd-pad" />
            )}
            <text x={c.x} y={c.y + 3.5} textAnchor="middle" className="cd-num">
              {p.number}
            </text>
            <text x={textX} y={c.y + 4} textAnchor={c.row === 0 && dual ? 'end' : 'start'} className="cd-name">
              {labels.get(p.number) ?? p.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
