// Evidence that only means something together: a scan of all ones with 0 V is an
// unpowered target, with 3.3 V it is wiring; an UNEXPECTED IDCODE that is a real
// part's ID is the wrong chip, garbage is a bad wire. Also folds in what the app
// knows beyond the log: USB scan, active checks, the user's answers, the profile.
import { GROUP_USAGE } from './facts';
import { combineRaspberryPiProbe } from './combine-rp-probe';
import { ownScriptMissingCommand } from './own-scripts';
import { classifyVoltage, VOLTAGE_THRESHOLDS } from '../../shared/diagnose';
import type { Line, RuleHit } from './types';
import { isPlausibleIdcode, lookupIdcode } from './idcodes';
import { compareVersions, newerCommand, newerScript } from './signatures/version-knowledge';
import { noAnswerKind, resetEvidence, undecidedNoAnswer } from './no-answer';
import { atLeast, get, hit, noAnswer, scale, support } from './combine-helpers';
import { combineCauses, combineCausesLate } from './combine-causes';

export type { Scores } from './combine-helpers';

export type { CombineContext } from './combine-helpers';
import type { CombineContext } from './combine-helpers';

const VOLTAGE_LINE = (l: Line): boolean => /^(Target voltage:|VTarget =)/i.test(l.text);

/**
 * With TDO stuck at 1 (or 0) every later read returns the same constant: "IR capture
 * error; saw 0x0f" / "Invalid ACK (7)" follow from "all ones" and are not extra
 * clues for wiring. Recount wiring without them.
 */
function discountConstantTdo(c: CombineContext): void {
  const ones = hit(c, 'wiring', 'scan-all-ones');
  const zeroes = hit(c, 'wiring', 'scan-all-zeroes');
  if (!ones && !zeroes) return;
  const constant = (h: RuleHit): boolean => {
    if (h.rule.id === 'ir-capture-error') {
      const m = /saw 0x([0-9a-f]+)/i.exec(h.line.text);
      if (!m) return false;
      const v = BigInt(`0x${m[1]}`);
      return ones ? v > 0n && (v & (v + 1n)) === 0n : v === 0n;
    }
    if (h.rule.id === 'invalid-ack') return ones ? /\(7\)/.test(h.line.text) : /\(0\)/.test(h.line.text);
    return ['jtag-dp-sticky', 'double-check-jtag', 'tap-no-valid-idcode'].includes(h.rule.id);
  };
  const kept = (c.hits.get('wiring') ?? []).filter((h) => !constant(h));
  const seen = new Set<string>();
  let miss = 1;
  for (const h of kept) {
    if (seen.has(h.rule.id)) continue;
    seen.add(h.rule.id);
    miss *= 1 - h.rule.weight;
  }
  c.scores.set('wiring', 1 - miss);
}

function combineVoltage(c: CombineContext): void {
  const v = c.input.answers?.measuredVoltage ?? c.facts.targetVoltage;
  if (v === undefined) return;
  const cls = classifyVoltage(v);
  if (cls === 'too-high') {
    // Power is there (too much of it): a finding of its own, never "unpowered". An adapter's
    // reading a little over 3.6 V (up to the 4.0 V absolute maximum of 3.3 V parts such as
    // STM32 and nRF52) is as likely its own measuring error as a wrong supply: a finding,
    // not one that outweighs the errors the log shows. 5 V on the pins is the alarm.
    const measured = c.input.answers?.measuredVoltage !== undefined;
    const marginal = !measured && v <= VOLTAGE_THRESHOLDS.absMax;
    if (marginal) c.scores.set('voltage-out-of-range', Math.min(get(c, 'voltage-out-of-range'), 0.45));
    else atLeast(c, 'voltage-out-of-range', measured ? 0.92 : 0.8);
    scale(c, 'target-unpowered', 0.2);
    support(c, 'voltage-out-of-range', VOLTAGE_LINE);
    return;
  }
  if (cls === 'unpowered' || cls === 'too-low') {
    if (noAnswer(c) || get(c, 'target-unpowered') > 0) {
      atLeast(c, 'target-unpowered', noAnswer(c) ? 0.93 : 0.8);
      scale(c, 'wiring', 0.5);
      scale(c, 'needs-reset-hold', 0.4);
      scale(c, 'wrong-target', 0.5);
    }
    // The adapter reads 0 V and nothing else has failed yet: an unpowered target, or a VTref
    // (voltage sense) wire that does not reach the target's supply. Second, for the meter to decide.
    if (cls === 'unpowered' && c.input.answers?.measuredVoltage === undefined && c.hits.size <= 1) {
      atLeast(c, 'wiring', 0.45);
      support(c, 'wiring', VOLTAGE_LINE);
    }
  } else {
    // Power is present: the "no answer" signals now point at wiring or the firmware.
    scale(c, 'target-unpowered', 0.3);
    if (noAnswer(c)) support(c, 'wiring', VOLTAGE_LINE);
  }
}

function combineIdcodes(c: CombineContext): void {
  if (c.facts.mismatches.length === 0) return;
  const plausible = c.facts.mismatches.find((m) => isPlausibleIdcode(m.found));
  if (plausible) {
    const known = lookupIdcode(plausible.found);
    atLeast(c, 'wrong-target', known ? 0.88 : 0.78);
    scale(c, 'wiring', 0.55);
    scale(c, 'target-unpowered', 0.3);
    support(c, 'wrong-target', (l) => /JTAG tap: \S+\s+(expected \d+ of \d+|tap\/device found)|^expected \d+ of \d+:/.test(l.text));
  } else {
    // The value read back is not a real ID: bits are being lost or garbled on the wires.
    scale(c, 'wrong-target', 0.3);
    atLeast(c, 'wiring', 0.72);
    for (const h of c.hits.get('wrong-target') ?? []) c.support.set('wiring', [...(c.support.get('wiring') ?? []), h.line]);
  }
}

/** "Access denied" / "busy" explain the "not found" lines that follow them. */
function combineUsbErrors(c: CombineContext): void {
  const denied = ['libusb-access', 'libusb-not-supported', 'libusb-open-not-found', 'permission-denied'].some((id) => hit(c, 'usb-permission', id));
  if (denied || get(c, 'adapter-busy') >= 0.6) scale(c, 'adapter-not-found', 0.5);
}

function combineHaltStates(c: CombineContext): void {
  if (get(c, 'gdb-attach-not-halted') >= 0.5) scale(c, 'target-not-halted', 0.4);
  // Protection explains the failed erase better than a driver fault.
  const refusedByProtection = ['stm32-device-protected', 'rdp-on', 'write-protected', 'nrf5-sector-protected', 'nrf51-protected-sector', 'kinetis-protection-violated', 'stm32lx-denied'];
  if (refusedByProtection.some((id) => hit(c, 'flash-protected', id))) scale(c, 'flash-driver', 0.5);
  // A core that cannot be examined at all is not a "forgot to halt" problem.
  if (get(c, 'needs-reset-hold') > 0.6 || noAnswer(c)) scale(c, 'target-not-halted', 0.5);
}

function combineVersions(c: CombineContext): void {
  const v = c.facts.openocdVersion;
  for (const cmd of c.facts.unknownCommands) {
    const since = newerCommand(cmd, v);
    if (since && (!v || compareVersions(v, since) < 0)) {
      atLeast(c, 'openocd-outdated', 0.85);
      scale(c, 'config-error', 0.5);
      // The lines that use it (a subcommand: also the group usage OpenOCD printed instead).
      support(c, 'openocd-outdated', (l) => l.raw.includes(cmd) || GROUP_USAGE.test(l.text) || /Open On-Chip Debugger \d/.test(l.text));
    }
  }
  for (const f of c.facts.missingFiles) {
    const since = newerScript(f);
    if (since && (!v || compareVersions(v, since) < 0)) {
      atLeast(c, 'openocd-outdated', 0.8);
      scale(c, 'config-not-found', 0.8);
    }
  }
  // An OpenOCD from before 0.11 (2021) that fails: a newer one is often the fix (probe firmware, chip tables,
  // drivers and scripts all moved on). A side finding, never above the cause the lines name.
  if (v && compareVersions(v, '0.11.0') < 0 && c.lines.some((l) => l.level === 'error')) {
    atLeast(c, 'openocd-outdated', 0.3);
    support(c, 'openocd-outdated', (l) => /Open On-Chip Debugger \d/.test(l.text));
  }
  // Too large a SPI flash for this build's driver: when the write then failed, the failing driver is the
  // finding (its steps say to update); when the log stops at the warning, the old build is.
  if (hit(c, 'openocd-outdated', 'spi-no-4byte') && get(c, 'flash-driver') > 0) atLeast(c, 'flash-driver', get(c, 'openocd-outdated') + 0.05);
  if (ownScriptMissingCommand(c.lines)) {
    atLeast(c, 'openocd-outdated', 0.8);
    scale(c, 'config-error', 0.5);
    support(c, 'openocd-outdated', (l) => /Open On-Chip Debugger/.test(l.text));
  }
  if (get(c, 'openocd-outdated') < 0.1) c.scores.delete('openocd-outdated');
  // Old ST-Link firmware is unreliable with current OpenOCD: stlink_usb.c enables the DAP register API
  // from V2J24 and the AP init current OpenOCD relies on from V2J28 (STLINK_F_HAS_AP_INIT).
  const j = c.facts.stlinkJtagVersion;
  if (j !== undefined && j < 28 && /V2/i.test(c.facts.stlinkVersionText ?? '') && (noAnswer(c) || get(c, 'needs-reset-hold') > 0.3)) {
    atLeast(c, 'probe-firmware', 0.35);
    support(c, 'probe-firmware', (l) => /^STLINK /.test(l.text));
  }
}

const PROBE_VIDS: Record<string, string[]> = {
  stlink: ['0483'],
  jlink: ['1366'],
  ftdi: ['0403', '15ba'],
  'cmsis-dap': ['0d28', 'c251', '2e8a', '1fc9', '03eb'],
};

function combineUsb(c: CombineContext): void {
  const scanned = c.input.usbAdapters;
  if (scanned === undefined) return;
  const openProblem = get(c, 'adapter-not-found') > 0 || get(c, 'usb-permission') > 0;
  if (!openProblem) return;
  if (scanned.some((a) => a.accessible === false)) {
    atLeast(c, 'usb-permission', 0.9);
    scale(c, 'adapter-not-found', 0.4);
    return;
  }
  const cfg = `${c.input.profile?.interfaceCfg ?? ''} ${c.lines.map((l) => l.text).join(' ')}`.toLowerCase();
  const hlaOpenFailed = /\bhla_swd\b/.test(cfg) && c.lines.some((l) => l.text === 'open failed');
  const kind = hlaOpenFailed ? 'stlink' : Object.keys(PROBE_VIDS).find((k) => cfg.includes(k.replace('-', '')) || cfg.includes(k));
  const vids = kind ? (PROBE_VIDS[kind] ?? []) : [];
  const present = scanned.some((a) => vids.includes(a.vid.toLowerCase()));
  if (scanned.length === 0 || (kind && !present)) {
    atLeast(c, 'adapter-not-found', 0.9);
    scale(c, 'usb-permission', 0.3);
  } else if (present) {
    // On USB but OpenOCD could not open it: permissions (or another program holds it).
    atLeast(c, 'usb-permission', 0.75);
    scale(c, 'adapter-not-found', 0.5);
    atLeast(c, 'adapter-busy', 0.3);
  }
}

/** The evidence line an active check adds (it is not in OpenOCD's log of the failed attempt). */
export const CHECK_EVIDENCE: Record<string, { ok: string; failed: string }> = {
  'connect-under-reset': {
    ok: 'connected with connect_assert_srst after plain init failed',
    failed: 'connect_assert_srst did not help: the retry under reset failed too',
  },
  'lower-adapter-speed': { ok: 'connected at a lower adapter speed after the first attempt failed', failed: 'a lower adapter speed did not help' },
};

function checkLine(c: CombineContext, text: string): Line {
  // After every log line, so evidence lists it last.
  return { raw: text, text, index: c.lines.length + 1 };
}

function combineChecksAndAnswers(c: CombineContext): void {
  const voltageKnown = (c.input.answers?.measuredVoltage ?? c.facts.targetVoltage) !== undefined;
  for (const check of c.input.checks ?? []) {
    if (check.id === 'connect-under-reset') {
      if (check.ok) {
        atLeast(c, 'needs-reset-hold', 0.95);
        scale(c, 'wiring', 0.5);
        scale(c, 'target-unpowered', 0.3);
        scale(c, 'signal-integrity', 0.5);
        c.support.set('needs-reset-hold', [...(c.support.get('needs-reset-hold') ?? []), checkLine(c, CHECK_EVIDENCE['connect-under-reset']!.ok)]);
      } else {
        scale(c, 'needs-reset-hold', 0.5);
        // Reset was not the missing piece: power or the wires remain, and the log cannot
        // tell them apart without a voltage (neutralConstantTdo keeps them level).
        if (noAnswer(c) && !voltageKnown)
          for (const cat of ['target-unpowered', 'wiring'] as const)
            if (get(c, cat) > 0) c.support.set(cat, [...(c.support.get(cat) ?? []), checkLine(c, CHECK_EVIDENCE['connect-under-reset']!.failed)]);
      }
    } else if (check.id === 'lower-adapter-speed' && check.ok) {
      atLeast(c, 'wiring', 0.9);
      scale(c, 'needs-reset-hold', 0.5);
    }
  }
  const a = c.input.answers;
  if (a?.resetHoldHelped) atLeast(c, 'needs-reset-hold', 0.95);
  if (a?.resetHoldHelped === false) scale(c, 'needs-reset-hold', 0.5);
  if (a?.wiringChecked) scale(c, 'wiring', 0.6);
  // Already connecting under reset: holding reset cannot be the missing piece.
  if (/connect_assert_srst/.test(c.input.profile?.resetConfig ?? '')) scale(c, 'needs-reset-hold', 0.6);
}

/**
 * A scan that found the expected IDs, then errors that differ from one access to the
 * next (bits flipped past the chain's end, several different ACK values, a verify
 * mismatch with DAP errors): the wires go to the right pins but the link is unreliable.
 * A constant (all ones/zeroes) is never this: that is a dead line, wiring or power.
 */
function combineSignalIntegrity(c: CombineContext): void {
  const found = (c.facts.foundIdcodes.length > 0 || c.facts.swdDpidr !== undefined) && c.facts.mismatches.length === 0;
  const constant = hit(c, 'wiring', 'scan-all-ones') || hit(c, 'wiring', 'scan-all-zeroes');
  if (!found || constant) {
    scale(c, 'signal-integrity', 0.3);
    return;
  }
  const acks = new Set((c.hits.get('signal-integrity') ?? []).filter((h) => h.rule.id === 'invalid-ack').map((h) => h.line.text));
  const afterEnd = hit(c, 'signal-integrity', 'idcode-after-end');
  const verify = hit(c, 'signal-integrity', 'verify-failed') && acks.size > 0;
  // Errors that only a flipped or lost bit explains, after the chip answered correctly.
  const flipped = hit(c, 'signal-integrity', 'swd-parity') || hit(c, 'signal-integrity', 'cmsis-mismatch');
  if (afterEnd || acks.size >= 2 || verify || flipped) {
    atLeast(c, 'signal-integrity', 0.85);
    scale(c, 'wiring', 0.6);
    scale(c, 'flash-driver', 0.5);
    scale(c, 'needs-reset-hold', 0.5);
  } else if (!hit(c, 'signal-integrity', 'esp-halt-before-reset')) scale(c, 'signal-integrity', 0.5);
}

/**
 * TDO stuck at a constant with no voltage and no decisive check: power, wiring and (until
 * the reset check ran) firmware holding the pins stay close. All zeroes leans to no power
 * (an unpowered chip holds TDO low), all ones to a wire or the firmware (nobody drives TDO,
 * the adapter's pull-up reads 1); an SWD multidrop without answer has no level and stays
 * level (target-unpowered wins the tie by ORDER). The top finding leads with the
 * discriminating steps and carries the deciding question.
 */
function neutralConstantTdo(c: CombineContext): void {
  if (!undecidedNoAnswer(c.input, c.facts, c.lines)) return;
  if (c.facts.mismatches.some((m) => isPlausibleIdcode(m.found))) return;
  const base = Math.max(get(c, 'target-unpowered'), get(c, 'wiring'), 0.5);
  const resetOpen = resetEvidence(c.input) === undefined;
  // The level TDO reads leans one way, never far: the finding still carries the deciding question (deciding.ts).
  const kind = noAnswerKind(c.lines, c.facts);
  if (kind === 'zeroes') {
    c.scores.set('target-unpowered', base);
    c.scores.set('wiring', base - 0.04);
    if (resetOpen) atLeast(c, 'needs-reset-hold', base - 0.08);
  } else if (kind === 'ones') {
    c.scores.set('wiring', base);
    c.scores.set('target-unpowered', base - 0.06);
    if (resetOpen) atLeast(c, 'needs-reset-hold', base - 0.02);
  } else {
    c.scores.set('target-unpowered', base);
    c.scores.set('wiring', base);
    if (resetOpen) atLeast(c, 'needs-reset-hold', base - 0.05);
  }
}

export function combine(c: CombineContext): void {
  discountConstantTdo(c);
  combineCauses(c);
  combineVoltage(c);
  combineIdcodes(c);
  combineUsbErrors(c);
  combineHaltStates(c);
  combineVersions(c);
  combineUsb(c);
  combineSignalIntegrity(c);
  combineCausesLate(c);
  combineChecksAndAnswers(c);
  neutralConstantTdo(c);
  combineRaspberryPiProbe(c);
}
