// Raspberry Pi's debugprobe firmware (CMSIS-DAP, VID 0x2e8a) on the RP2040: when nothing
// answers the connect (the multidrop select, or the fork's bare "DAP init failed"), the
// threads show three causes the log cannot tell apart: the debugprobe build does not match
// the board it runs on (the Debug Probe's debugprobe.uf2 on a plain Pico drives other GPIOs;
// the Pico needs debugprobe_on_pico.uf2 / -DDEBUG_ON_PICO), the SWD cable makes no contact,
// or the target has no power. debugprobe reports no target voltage and its pin report reads
// 0 either way. The build comes first: it is the cause most often missed (the wires look
// right, the probe's LED is on) and the quickest to rule out; wires and power stay within
// the tie, so the finding carries the deciding question and the other two stay in view.
import type { CombineContext } from './combine-helpers';
import { get, hit, support } from './combine-helpers';
import { knownVoltage, resetEvidence } from './no-answer';

/** "Using CMSIS-DAPv2 interface with VID:PID=0x2e8a:0x000c" (cmsis_dap.c) and the like. */
const PROBE_ID = /\bVID:PID[= ]0x([0-9a-f]{4}):0x[0-9a-f]{4}\b|\b(?:STLINK|J-Link|ST-LINK)\b|\bftdi\b|\bFTDI\b/i;
const RASPBERRY_PI_VID = '2e8a';
/** A line naming a Raspberry Pi probe (debugprobe / picoprobe, VID 0x2e8a). */
export const RPI_PROBE_LINE = /VID:PID[= ]0x2e8a:/i;

/** The probe is Raspberry Pi's, or the log never says which probe it is. */
function maybeDebugprobe(c: CombineContext): boolean {
  for (const l of c.lines) {
    const m = PROBE_ID.exec(l.text);
    if (!m) continue;
    return m[1]?.toLowerCase() === RASPBERRY_PI_VID;
  }
  return true;
}

export function combineRaspberryPiProbe(c: CombineContext): void {
  const multidrop = hit(c, 'probe-firmware', 'multidrop-no-answer');
  const bareDapInit = hit(c, 'wiring', 'dap-init-failed') && c.lines.some((l) => RPI_PROBE_LINE.test(l.text));
  if (!multidrop && !bareDapInit) return;
  if (knownVoltage(c.input, c.facts) !== undefined || resetEvidence(c.input) !== undefined || c.input.answers?.wiringChecked) return;
  if ((c.input.checks ?? []).length > 0 || !maybeDebugprobe(c)) return;
  const base = Math.max(get(c, 'target-unpowered'), get(c, 'wiring'), 0.5);
  c.scores.set('probe-firmware', base + 0.02);
  c.scores.set('wiring', base);
  c.scores.set('target-unpowered', base - 0.01);
  if (get(c, 'needs-reset-hold') > base - 0.05) c.scores.set('needs-reset-hold', base - 0.05);
  support(c, 'probe-firmware', (l) => RPI_PROBE_LINE.test(l.text) || /^DAP init failed$|Failed to connect multidrop/.test(l.text));
}
