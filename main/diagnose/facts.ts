// Reads values out of the log once (versions, voltage, IDCODEs, missing files...)
// so categories can weigh and word their findings from the same facts.
import type { Facts, Line } from './types';
import { parseHex } from './idcodes';

// src/jtag/core.c jtag_examine_chain_display(): "JTAG tap: <name> <msg>: 0x%08x (mfg: ...)"
const TAP_LINE = /JTAG tap:\s+(\S+)\s+(tap\/device found|UNEXPECTED|expected \d+ of \d+):\s+(0x[0-9a-f]{8})/i;
// src/jtag/hla/hla_interface.c: "UNEXPECTED idcode: 0x%08x" then "expected %u of %u: 0x%08x"
const HLA_UNEXPECTED = /^UNEXPECTED idcode:\s+(0x[0-9a-f]+)/i;
const HLA_EXPECTED = /^expected \d+ of \d+:\s+(0x[0-9a-f]+)/i;

/**
 * src/helper/command.c: a command group given a subcommand it lacks prints the group's name
 * and .usage ("cmsis-dap <cmd>", src/jtag/drivers/cmsis_dap.c) and its subcommands.
 */
export const GROUP_USAGE = /^([a-z][\w-]*) <cmd>$/;

export function extractFacts(lines: Line[]): Facts {
  const f: Facts = { foundIdcodes: [], mismatches: [], missingFiles: [], unknownCommands: [], busyPorts: [] };
  let pendingUnknown = false;
  const groupsShown: string[] = [];
  for (const { text } of lines) {
    let m: RegExpExecArray | null;
    if (pendingUnknown) {
      // OpenOCD 0.10 command.c printed "Unknown command:" and the command on the next line.
      f.unknownCommands.push(text.trim().split(/\s+/)[0] ?? text.trim());
      pendingUnknown = false;
    }
    if ((m = /Open On-Chip Debugger (\d+\.\d+\.\d+)/.exec(text))) f.openocdVersion = m[1];
    // stlink_usb.c "Target voltage: %f"; jlink.c "VTarget = %u.%03u V"
    else if ((m = /(?:Target voltage:|VTarget =)\s*(-?\d+(?:\.\d+)?)/i.exec(text))) f.targetVoltage = Number(m[1]);
    // stlink_usb.c 0.11+: "STLINK V2J37M26 (API v2) VID:PID 0483:374B"
    else if ((m = /^STLINK (V\d+J(\d+)\S*)/.exec(text))) {
      f.stlinkVersionText = m[1];
      f.stlinkJtagVersion = Number(m[2]);
    }
    // stlink_usb.c 0.10: "STLINK v2 JTAG v27 API v2 SWIM v15 VID 0x0483 PID 0x374B"
    else if ((m = /^STLINK (v\d+) JTAG v(\d+)/.exec(text))) {
      f.stlinkVersionText = `${(m[1] ?? '').toUpperCase()}J${m[2]}`;
      f.stlinkJtagVersion = Number(m[2]);
    } else if ((m = /clock speed (\d+) kHz/.exec(text))) f.clockKhz = Number(m[1]);
    else if ((m = TAP_LINE.exec(text))) addTapLine(f, m[1] ?? '', m[2] ?? '', parseHex(m[3] ?? '0'));
    else if ((m = HLA_UNEXPECTED.exec(text))) f.mismatches.push({ tap: 'hla', found: parseHex(m[1] ?? '0'), expected: [] });
    else if ((m = HLA_EXPECTED.exec(text))) f.mismatches.at(-1)?.expected.push(parseHex(m[1] ?? '0'));
    else if ((m = /SWD DPIDR (0x[0-9a-f]+)/i.exec(text))) f.swdDpidr = parseHex(m[1] ?? '0');
    else if ((m = /Can't find (?!a )(.+?)\s*$/i.exec(text))) f.missingFiles.push(m[1] ?? '');
    else if ((m = /couldn't open (\S+)/i.exec(text))) f.missingFiles.push(m[1] ?? '');
    else if ((m = /invalid command name "([^"]+)"/.exec(text))) f.unknownCommands.push(m[1] ?? '');
    // src/helper/command.c: a command group called with a subcommand it lacks prints the group's
    // usage ("cmsis-dap <cmd>") and its subcommands instead of running anything.
    else if ((m = GROUP_USAGE.exec(text.trim()))) groupsShown.push(m[1] ?? '');
    else if ((m = /^Unknown command:\s*(\S*)/.exec(text))) {
      if (m[1]) f.unknownCommands.push(m[1]);
      else pendingUnknown = true;
    } else if ((m = /couldn't bind (\w+)? ?to socket(?: on port (\d+))?: (?:Address already in use|No error|Only one usage)/i.exec(text)))
      f.busyPorts.push({ service: m[1] ?? 'server', port: m[2] ? Number(m[2]) : undefined });
    // stm32f1x.c "device id = 0x%08x"
    else if ((m = /device id = (0x[0-9a-f]+)/i.exec(text))) f.deviceId = parseHex(m[1] ?? '0');
    // stm32f1x.c options_read: "read protection: on|off", "write protection register = 0x%x"
    else if ((m = /read protection: (on|off)/.exec(text))) f.readProtected = m[1] === 'on';
    else if ((m = /write protection register = (0x[0-9a-f]+)/i.exec(text))) f.writeProtectRegister = parseHex(m[1] ?? '0');
  }
  for (const group of groupsShown) unknownSubcommand(f, lines, group);
  return f;
}

/** The "<group> <sub>" the log's command line or script used that the printed group usage does not list. */
function unknownSubcommand(f: Facts, lines: Line[], group: string): void {
  // The listing: one line per subcommand, "<group> <sub>" alone on its line.
  const listing = new RegExp(`^${escapeRe(group)} (\\w+)$`);
  const listed = new Set(lines.map((l) => listing.exec(l.text.trim())?.[1]).filter((x): x is string => !!x));
  const use = new RegExp(`(?:^|["'{;\\s])${escapeRe(group)} (\\w+)`);
  for (const { text } of lines) {
    if (listing.test(text.trim())) continue;
    const sub = use.exec(text)?.[1];
    if (sub && sub !== 'cmd' && !listed.has(sub)) {
      f.unknownCommands.push(`${group} ${sub}`);
      return;
    }
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function addTapLine(f: Facts, tap: string, kind: string, idcode: number): void {
  if (kind === 'tap/device found') f.foundIdcodes.push({ tap, idcode });
  else if (kind === 'UNEXPECTED') f.mismatches.push({ tap, found: idcode, expected: [] });
  else {
    const last = f.mismatches.at(-1);
    if (last && last.tap === tap) last.expected.push(idcode);
  }
}
