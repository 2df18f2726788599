// Root cause over consequences: OpenOCD prints the first failure and then everything
// that failed because of it ("No J-Link device found" after the driver could not open
// it, "auto_probe failed" / "Connect failed" after the flash driver could not identify
// the chip). These adjustments weigh what came before over what was printed last, and
// fold in version/fork knowledge the single lines do not carry.
import { atLeast, get, hit, noAnswer, scale, support, type CombineContext } from './combine-helpers';
import { compareVersions, driverAvailability } from './signatures/version-knowledge';
import { familyMissingFromDriver, judgeDevId } from './stm32-devids';
import { isPlausibleIdcode, lookupIdcode, manufacturerOf } from './idcodes';
import { resetEvidence } from './no-answer';
import { stFork } from './signatures/needs-reset-hold';
import { NRF_ERASE_REFUSED, NRF_PROTECTION_UNKNOWN, nordic, ZERO_FPB } from './signatures/flash-protected';
import { classifyVoltage, type DiagnosisCategory } from '../../shared/diagnose';

/** Lines that only appear once the adapter is open and talking (so an earlier open error was not fatal). */
const ADAPTER_WORKS = /^(clock speed \d+ kHz|JTAG tap: \S+\s+tap\/device found|Target voltage:|VTarget =|CMSIS-DAP: FW Version|SWD DPIDR|STLINK V\d|J-Link \S+ compiled|\S+: hardware has \d+ breakpoints)/;

function firstHit(c: CombineContext, cat: DiagnosisCategory): number | undefined {
  const hits = c.hits.get(cat) ?? [];
  return hits.length ? Math.min(...hits.map((h) => h.line.index)) : undefined;
}

/** An open error the adapter got over (it then reported a clock, a voltage, a chain) is not the cause. */
function adapterWorkedLater(c: CombineContext): void {
  for (const cat of ['usb-permission', 'adapter-not-found'] as const) {
    const at = firstHit(c, cat);
    if (at !== undefined && c.lines.some((l) => l.index > at && ADAPTER_WORKS.test(l.text))) scale(c, cat, 0.25);
  }
}

/** CMSIS-DAP v2 interface with the wrong class that cannot be claimed: the HID backend (or a newer OpenOCD) works. */
function cmsisDapV2WrongClass(c: CombineContext): void {
  if (!hit(c, 'config-error', 'cmsis-dapv2-wrong-class')) return;
  const claimFailed = hit(c, 'adapter-busy', 'claim-interface') || hit(c, 'adapter-busy', 'libusb-busy') || c.lines.some((l) => /CMD_INFO failed|error (reading|writing) data/.test(l.text));
  if (!claimFailed) return;
  atLeast(c, 'config-error', 0.8);
  scale(c, 'adapter-busy', 0.3);
  const v = c.facts.openocdVersion;
  if (!v || compareVersions(v, '0.12.0') < 0) atLeast(c, 'openocd-outdated', 0.7);
}

/** "The specified debug interface was not found (NAME)" for a driver this build cannot have. */
function driverNotInThisBuild(c: CombineContext): void {
  const h = (c.hits.get('config-error') ?? []).find((x) => x.rule.id === 'interface-not-found');
  const name = h?.match[1];
  if (!name || driverAvailability(name, c.facts.openocdVersion) === undefined) return;
  atLeast(c, 'openocd-outdated', 0.85);
  scale(c, 'config-error', 0.5);
}

/** VexRiscv's default JTAG IDCODE: its debug port is served only by SpinalHDL's openocd_riscv fork. */
function forkOnlyTargets(c: CombineContext): void {
  if (!c.facts.foundIdcodes.some((f) => f.idcode === 0x10001fff)) return;
  if (!hit(c, 'wiring', 'riscv-dtmcontrol-0') && !c.lines.some((l) => /riscv|vexriscv/i.test(l.text))) return;
  atLeast(c, 'openocd-outdated', 0.8);
  scale(c, 'wiring', 0.4);
  scale(c, 'target-unpowered', 0.3);
  support(c, 'openocd-outdated', (l) => /tap\/device found: 0x10001fff/.test(l.text));
}

/** STM32 device id against the cfg: another chip (wrong-target) or a chip this OpenOCD's driver does not know yet. */
function stm32DeviceId(c: CombineContext): void {
  const driverFailed = hit(c, 'wrong-target', 'cannot-identify-stm32') || hit(c, 'openocd-outdated', 'cannot-identify');
  const verdict = judgeDevId(c.facts, c.lines, driverFailed);
  if (!verdict) return;
  const idLine = (l: { text: string }): boolean => /device id = 0x/i.test(l.text);
  if (verdict.kind === 'other-chip') {
    atLeast(c, 'wrong-target', 0.82);
    support(c, 'wrong-target', idLine);
    support(c, 'wrong-target', (l) => /flash size = /.test(l.text));
  } else {
    atLeast(c, 'openocd-outdated', 0.82);
    scale(c, 'wrong-target', 0.5);
    support(c, 'openocd-outdated', idLine);
  }
}

/** The STM32 flash driver lists the families it knows and the cfg's chip is not one of them: support came later. */
function stm32FamilyNotYetSupported(c: CombineContext): void {
  const missing = familyMissingFromDriver(c.lines);
  if (!missing) return;
  atLeast(c, 'openocd-outdated', 0.8);
  scale(c, 'wrong-target', 0.5);
  support(c, 'openocd-outdated', (l) => /Cannot identify target as an? STM32|\.(cpu|cm\d+)\b/.test(l.text));
}

/**
 * nrf5.c before gerrit 5348 (v0.11.0-rc1, 2019): for an nRF whose protection scheme the driver cannot
 * read it warned "Flash protection of this nRF device is not supported" and then still refused to
 * erase with "Cannot erase protected sector" (the check was removed because the state is unknown).
 * Both lines together are that old driver, not a protected chip.
 */
function nrf5UnknownProtectionRefused(c: CombineContext): void {
  if (!hit(c, 'flash-protected', 'nrf51-protected-sector')) return;
  if (!c.lines.some((l) => NRF_PROTECTION_UNKNOWN.test(l.text))) return;
  atLeast(c, 'openocd-outdated', 0.85);
  scale(c, 'flash-protected', 0.45);
  support(c, 'openocd-outdated', (l) => NRF_PROTECTION_UNKNOWN.test(l.text) || /Cannot erase protected sector/.test(l.text));
}

/**
 * GDB's "Connect failed" / "auto_probe failed" after the flash driver could not identify
 * the chip is that failure's consequence, not a missing gdb-attach event.
 */
function probeFailureBeforeGdb(c: CombineContext): void {
  const identify = [...(c.hits.get('wrong-target') ?? []), ...(c.hits.get('openocd-outdated') ?? [])].filter((h) => /cannot-identify|unknown-device/.test(h.rule.id));
  if (identify.length === 0) return;
  const first = Math.min(...identify.map((h) => h.line.index));
  const gdb = firstHit(c, 'gdb-attach-not-halted');
  if (gdb !== undefined && gdb > first) scale(c, 'gdb-attach-not-halted', 0.4);
}

/**
 * ST-Link "init mode failed" with the supply fine (or not printed) and nothing else: the
 * adapter reached the chip's supply but SWD got no answer. In the threads this comes most
 * often from firmware that disabled the SWD pins or sleeps (connect under reset fixes it),
 * then from wiring; the log cannot decide, so reset-hold leads by a hair and the finding
 * carries the deciding question (engine.ts): does it connect with reset held?
 */
function initModeFailed(c: CombineContext): void {
  if (!hit(c, 'wiring', 'stlink-init-mode-failed')) return;
  const v = c.input.answers?.measuredVoltage ?? c.facts.targetVoltage;
  if (v !== undefined && classifyVoltage(v) !== 'fine') return;
  if (c.facts.mismatches.length > 0 || resetEvidence(c.input) !== undefined || c.input.answers?.wiringChecked) return;
  const others = ['scan-all-ones', 'scan-all-zeroes', 'ir-capture-error', 'swd-cannot-read-idr', 'cmsis-connect-failed'].some((id) => hit(c, 'wiring', id));
  if (others || !noAnswer(c)) return;
  atLeast(c, 'needs-reset-hold', get(c, 'wiring') + 0.03);
  support(c, 'needs-reset-hold', (l) => /^(Target voltage:|VTarget =)/i.test(l.text));
}

/** RP2040's multidrop SW-DP (DPIDR 0x0bc12477): its MEM-APs need OpenOCD 0.12's rp2040.cfg. */
function rp2040Multidrop(c: CombineContext): void {
  if (c.facts.swdDpidr !== 0x0bc12477) return;
  if (!hit(c, 'wiring', 'no-mem-ap') && !hit(c, 'needs-reset-hold', 'no-mem-ap')) return;
  // The chip answered its DP: power and the SWD wires work.
  scale(c, 'wiring', 0.4);
  scale(c, 'needs-reset-hold', 0.5);
  scale(c, 'target-unpowered', 0.3);
  const v = c.facts.openocdVersion;
  if (hit(c, 'config-error', 'cfg-deprecated')) atLeast(c, 'config-error', 0.8);
  else if (v && compareVersions(v, '0.12.0') < 0) {
    atLeast(c, 'openocd-outdated', 0.8);
    support(c, 'openocd-outdated', (l) => /SWD DPIDR|Could not find MEM-AP/.test(l.text));
  }
}

/**
 * The chain read back the IDCODEs the cfg expects: the chip is powered and TCK/TMS/TDI/TDO
 * work. What fails after that ("Debug regions are unpowered", sticky errors, WAIT) is the
 * chip's debug logic dropping out: firmware that resets, sleeps or reconfigures it.
 */
function chainFoundThenDropped(c: CombineContext): void {
  if (c.facts.foundIdcodes.length === 0 || c.facts.mismatches.length > 0) return;
  scale(c, 'target-unpowered', 0.3);
  if (hit(c, 'target-unpowered', 'debug-unpowered')) {
    atLeast(c, 'needs-reset-hold', 0.7);
    scale(c, 'wiring', 0.6);
    support(c, 'needs-reset-hold', (l) => /Debug regions are unpowered|STICKY ERROR|DAP transaction stalled/.test(l.text));
  }
}

/** UNEXPECTED IDCODE of an unknown part from another manufacturer than expected: bits garbled on TDO, not another chip. */
function garbledIdcode(c: CombineContext): void {
  for (const m of c.facts.mismatches) {
    if (m.expected.length === 0 || lookupIdcode(m.found) || !isPlausibleIdcode(m.found)) continue;
    const expected = m.expected.filter(isPlausibleIdcode);
    if (expected.length === 0 || expected.some((e) => manufacturerOf(e) === manufacturerOf(m.found))) continue;
    scale(c, 'wrong-target', 0.6);
    atLeast(c, 'wiring', 0.6);
    atLeast(c, 'signal-integrity', 0.5);
    support(c, 'wiring', (l) => /UNEXPECTED|expected \d+ of \d+/.test(l.text));
    return;
  }
}

/** CMSIS-DAP 2.1 firmware reports its capabilities in two bytes, which OpenOCD before 0.12 misreads as "no SWD". */
function cmsisDap21Caps(c: CombineContext): void {
  if (!hit(c, 'probe-firmware', 'cmsis-no-swd')) return;
  const fw = c.lines.map((l) => /CMSIS-DAP: FW Version = (\d+)\.(\d+)/.exec(l.text)).find(Boolean);
  const v = c.facts.openocdVersion;
  if (!fw || !v || compareVersions(v, '0.12.0') >= 0) return;
  if (Number(fw[1]) > 2 || (Number(fw[1]) === 2 && Number(fw[2]) >= 1)) {
    atLeast(c, 'openocd-outdated', 0.85);
    scale(c, 'probe-firmware', 0.5);
    support(c, 'openocd-outdated', (l) => /CMSIS-DAP: FW Version|CMSIS-DAP: SWD not supported/.test(l.text));
  }
}

/** The adapter vanished from USB mid-session: the polling and examination failures after it are its consequences. */
function adapterVanished(c: CombineContext): void {
  const gone = (c.hits.get('adapter-not-found') ?? []).filter((h) => h.rule.id === 'libusb-no-device').map((h) => h.line.index);
  if (gone.length === 0) return;
  const first = Math.min(...gone);
  for (const cat of ['needs-reset-hold', 'wiring', 'target-unpowered', 'gdb-attach-not-halted'] as const) {
    const at = firstHit(c, cat);
    if (at !== undefined && at > first) scale(c, cat, 0.3);
  }
}

/**
 * ST's OpenOCD fork (STM32CubeIDE) and an ST-Link that cannot init the target: besides
 * firmware and wiring, the fork refuses clone and counterfeit chips, so a wrong-target
 * finding stays in view (low: the log shows nothing of the chip itself).
 */
function stForkCloneChance(c: CombineContext): void {
  if (!hit(c, 'wiring', 'stlink-init-mode-failed') || !stFork(c.lines)) return;
  atLeast(c, 'wrong-target', 0.3);
  support(c, 'wrong-target', (l) => /Open On-Chip Debugger|init mode failed/.test(l.text));
}

/**
 * On Windows, libusb sees an adapter only through a WinUSB/libusbK driver: a probe that is
 * plugged in but bound to the vendor's or the serial driver looks "not found". Where the
 * log shows Windows (drive-letter paths, .exe, PowerShell), keep that cause in view.
 */
function windowsDriver(c: CombineContext): void {
  if (get(c, 'adapter-not-found') < 0.5 || hit(c, 'adapter-not-found', 'libusb-no-device') || hit(c, 'adapter-not-found', 'bitbang-connect')) return;
  const windows = c.lines.some((l) => /\b[A-Za-z]:[\\/]\S|\.exe\b|^PS [A-Za-z]:\\/.test(l.raw));
  if (!windows) return;
  atLeast(c, 'usb-permission', 0.5);
}

/**
 * Warnings OpenOCD prints on healthy runs too (clone flash size, a DAP WAIT retry, no
 * working area, an odd firmware string, a deprecated script): when a real error of
 * another category follows, that error is the cause and the warning's category steps back.
 */
const OFTEN_HARMLESS = new Set(['flash-size-failed', 'dap-wait', 'no-working-area', 'idcode-after-end', 'examination-failed', 'jlink-empty-fw', 'untested-fw', 'kitprog-old', 'cfg-deprecated', 'tap-no-valid-idcode']);

function harmlessBeforeRealError(c: CombineContext): void {
  for (const [cat, hits] of c.hits) {
    if (hits.length === 0 || !hits.every((h) => OFTEN_HARMLESS.has(h.rule.id) && h.line.level !== 'error')) continue;
    const first = Math.min(...hits.map((h) => h.line.index));
    const laterError = [...c.hits].some(([other, oh]) => other !== cat && oh.some((h) => h.line.level === 'error' && h.line.index > first && h.rule.weight >= 0.5));
    if (laterError) scale(c, cat, 0.5);
  }
}

/**
 * An nRF51/52/53/91 whose core cannot be reached although its debug port answers: the
 * usual cause is APPROTECT (the MEM-AP is hidden until nrf52_recover), which older
 * OpenOCD builds do not name.
 */
function nordicLocked(c: CombineContext): void {
  if (!nordic(c.lines) || hit(c, 'flash-protected', 'nrf52-approtect')) return;
  // src/target/cortex_m.c "%s: hardware has %d breakpoints, %d watchpoints": the FPB read as
  // zero, as every core register does through an AP the chip keeps locked (seen through an
  // ST-Link, which prints no DPIDR, before the halt that then times out).
  const zeroFpb = c.lines.some((l) => ZERO_FPB.test(l.text));
  const dpAnswered = c.facts.swdDpidr !== undefined || c.facts.foundIdcodes.length > 0 || zeroFpb;
  const coreUnreachable = zeroFpb || ['no-mem-ap', 'examination-failed', 'not-examined', 'dp-init-failed'].some((id) => hit(c, 'needs-reset-hold', id) || hit(c, 'wiring', id));
  if (dpAnswered && coreUnreachable) {
    atLeast(c, 'flash-protected', 0.75);
    scale(c, 'wiring', 0.5);
    scale(c, 'needs-reset-hold', 0.6);
    support(c, 'flash-protected', (l) => /SWD DPIDR|Could not find MEM-AP|examination failed/.test(l.text) || ZERO_FPB.test(l.text));
  }
  nordicEraseRefused(c);
}

/**
 * An nRF's erase or sector write failing through the generic flash layer (no nrf5.c
 * message says why): with the NVMC reachable, what refuses on these parts is protection
 * (nRF51 PR0/PROTENSET region protection, nRF52 BPROT/ACL), and "nrf5 mass_erase" (0.10:
 * "nrf51 mass_erase") clears it. A driver that cannot identify the chip says so itself.
 */
function nordicEraseRefused(c: CombineContext): void {
  const refused = (l: { text: string }): boolean => NRF_ERASE_REFUSED.test(l.text);
  if (!c.lines.some(refused)) return;
  if ((c.hits.get('openocd-outdated') ?? []).length > 0 || (c.hits.get('wrong-target') ?? []).length > 0) return;
  atLeast(c, 'flash-protected', 0.85);
  scale(c, 'flash-driver', 0.5);
  support(c, 'flash-protected', refused);
}

/** "Connect failed" for GDB after the core already could not be halted or examined: that failure is the cause. */
function gdbAfterHaltFailure(c: CombineContext): void {
  const gdb = firstHit(c, 'gdb-attach-not-halted');
  if (gdb === undefined) return;
  const earlier = (c.hits.get('needs-reset-hold') ?? []).filter((h) => h.line.index < gdb && ['halt-timeout', 'hla-invalid-mode', 'polling-failed', 'lockup', 'examination-failed', 'riscv-hart-examine-halt', 'riscv-unable-halt-hart'].includes(h.rule.id));
  if (earlier.length === 0) return;
  scale(c, 'gdb-attach-not-halted', 0.5);
  atLeast(c, 'needs-reset-hold', 0.6);
}

/** After combine.ts has weighed the IDCODEs (combineIdcodes). */
export function combineCausesLate(c: CombineContext): void {
  garbledIdcode(c);
}

export function combineCauses(c: CombineContext): void {
  adapterWorkedLater(c);
  cmsisDapV2WrongClass(c);
  driverNotInThisBuild(c);
  forkOnlyTargets(c);
  stm32DeviceId(c);
  stm32FamilyNotYetSupported(c);
  nrf5UnknownProtectionRefused(c);
  probeFailureBeforeGdb(c);
  initModeFailed(c);
  rp2040Multidrop(c);
  chainFoundThenDropped(c);
  cmsisDap21Caps(c);
  adapterVanished(c);
  stForkCloneChance(c);
  windowsDriver(c);
  harmlessBeforeRealError(c);
  nordicLocked(c);
  gdbAfterHaltFailure(c);
}
