// What changed between OpenOCD versions, so "unknown command" and "Can't find" can be
// told apart: a typo, a script for a newer OpenOCD (this one is outdated), or a script
// for an older OpenOCD (the command was renamed/removed). Checked against the real
// 0.12.0 binary (`openocd -c "<cmd>"`) and the v0.10.0 / v0.11.0 sources.

import SCRIPTS from '../data/openocd-scripts.json';

/** Commands that appeared in 0.11+ and that 0.10 and older reject. */
const NEWER_COMMANDS: Record<string, string> = {
  adapter: '0.11', // "adapter driver/speed/srst ..." (0.10 had interface, adapter_khz, adapter_nsrst_delay)
  'dap create': '0.11',
  rtt: '0.11',
  cmsis_dap_backend: '0.11',
  'hla stlink_backend': '0.11',
  'stlink-dap': '0.11',
  swo: '0.12',
  tpiu: '0.12',
  'target smp': '0.11',
  // After 0.12 (0.13.0 = the development tree; releaseName): the drivers' "_" commands became
  // subcommands (commits b25e5322e "jtag/drivers/cmsis-dap: Restructure commands", 4d99e7741
  // "jtag/hla: Restructure commands"); 0.12.0 and older know only cmsis_dap_vid_pid, hla_vid_pid, ...
  'cmsis-dap vid_pid': '0.13.0',
  'cmsis-dap backend': '0.13.0',
  'cmsis-dap usb': '0.13.0',
  'hla vid_pid': '0.13.0',
  'hla device_desc': '0.13.0',
  'hla layout': '0.13.0',
  'hla command': '0.13.0',
};

/** Old names that 0.12 rejects (not even kept as deprecated aliases) and their replacement. */
const REMOVED_COMMANDS: Record<string, string> = {
  jtag_khz: 'adapter speed',
  jtag_nsrst_delay: 'adapter srst delay',
  jtag_nsrst_assert_width: 'adapter srst pulse_width',
  stlink_layout: 'the stock interface/stlink.cfg',
  stlink_api: 'nothing (remove the line; the API version is detected)',
  ft2232_device_desc: 'ftdi device_desc (ft2232 driver replaced by ftdi: use interface/ftdi/*.cfg)',
  ft2232_layout: 'the matching interface/ftdi/*.cfg',
  ft2232_vid_pid: 'ftdi vid_pid',
  cortex_m3: 'cortex_m',
  'arm7_9 fast_memory_access': 'nothing (remove the line)',
};

/** Driver-specific command groups: "invalid command name" for these means the driver is not selected (yet). */
export const DRIVER_COMMAND_PREFIXES = ['ftdi', 'hla', 'stlink', 'jlink', 'cmsis_dap', 'remote_bitbang', 'kitprog', 'xds110', 'usb_blaster', 'sysfsgpio', 'bcm2835gpio', 'linuxgpiod', 'ulink', 'vsllink'];

const COMMAND_ADDED = SCRIPTS.commandAdded as Record<string, string>;
const COMMAND_REMOVED = SCRIPTS.commandRemovedIn as Record<string, string>;

/**
 * Version a command first appeared in, when it is newer than 0.10. The hand-checked table
 * always answers; the table generated from OpenOCD's tags (data/openocd-scripts.json) only
 * when the running version is known and older, since a name alone may also be a typo.
 */
export function newerCommand(cmd: string, running?: string): string | undefined {
  const c = cmd.trim();
  const first = c.split(/\s+/)[0] ?? '';
  const sub = c.split(/\s+/).slice(0, 2).join(' ');
  const hand = NEWER_COMMANDS[c] ?? NEWER_COMMANDS[sub] ?? NEWER_COMMANDS[first];
  if (hand || !running) return hand;
  const since = COMMAND_ADDED[first];
  return since && compareVersions(running, since) < 0 ? since : undefined;
}

/** The replacement for a command 0.12 no longer has. */
export function removedCommand(cmd: string): string | undefined {
  const c = cmd.trim();
  return REMOVED_COMMANDS[c] ?? REMOVED_COMMANDS[c.split(/\s+/)[0] ?? ''];
}

/** The first release without this command (it existed in 0.9..0.11), from OpenOCD's tags. */
export function commandRemovedIn(cmd: string): string | undefined {
  return COMMAND_REMOVED[cmd.trim().split(/\s+/)[0] ?? ''];
}

export function isDriverCommand(cmd: string): boolean {
  const first = cmd.trim().split(/[\s_]+/)[0] ?? '';
  return DRIVER_COMMAND_PREFIXES.includes(first) || DRIVER_COMMAND_PREFIXES.includes(cmd.trim());
}

/** Scripts that exist from 0.11+ only: "Can't find" on these means OpenOCD is too old. */
const NEWER_SCRIPTS: Record<string, string> = {
  'interface/stlink.cfg': '0.11',
  'interface/stlink-dap.cfg': '0.11',
  'target/stm32g0x.cfg': '0.11',
  'target/stm32g4x.cfg': '0.11',
  'target/stm32l5x.cfg': '0.11',
  'target/stm32wbx.cfg': '0.11',
  'target/stm32mp15x.cfg': '0.11',
  'target/stm32u5x.cfg': '0.12',
  'target/stm32wlx.cfg': '0.12',
  'target/stm32mp13x.cfg': '0.12',
  'target/rp2040.cfg': '0.12',
  'target/gd32e23x.cfg': '0.12',
  'target/esp32.cfg': '0.12',
  'target/esp32s2.cfg': '0.11',
  'target/esp32s3.cfg': '0.12',
  'target/esp32c3.cfg': '0.12',
  'board/st_nucleo_g4.cfg': '0.11',
};

/** First release shipping each interface/target/board script added since 0.10, from OpenOCD's git tags (data/openocd-scripts.json). */
const ADDED = new Map<string, string>(Object.entries(SCRIPTS.added).flatMap(([since, files]) => files.map((f) => [f, since] as [string, string])));

function scriptKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^.*?\/scripts\//, '').replace(/^\.?\//, '');
}

/** The release that added this script ("0.13.0" = only after 0.12, in the development tree), if it is newer than 0.9. */
export function newerScript(path: string): string | undefined {
  const key = scriptKey(path);
  return ADDED.get(key) ?? NEWER_SCRIPTS[key];
}

/** The first release without this script (it existed in 0.9..0.11), if it was removed. */
export function removedScript(path: string): string | undefined {
  return (SCRIPTS.removedIn as Record<string, string>)[scriptKey(path)];
}

/** "0.13.0" is the marker for "after 0.12": say it in words. */
export function releaseName(v: string): string {
  return v === '0.13.0' ? 'the development tree after 0.12 (a current xPack or distribution build)' : v;
}

/** Compare "0.10.0" style versions; negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Adapter drivers (`adapter driver NAME`, "The specified debug interface was not found
 * (NAME)") that a given build may lack: added to mainline in a release, or only in a fork.
 * From the NEWS files of v0.10.0..v0.12.0 and the forks' trees.
 */
const DRIVERS: Record<string, { since?: string; fork?: string }> = {
  picoprobe: { fork: "the Raspberry Pi fork (github.com/raspberrypi/openocd); current debugprobe firmware is CMSIS-DAP: use interface/cmsis-dap.cfg" },
  esp_usb_jtag: { since: '0.12.0', fork: 'openocd-esp32 (Espressif) before that' },
  linuxgpiod: { since: '0.11.0' },
  'st-link': { since: '0.11.0' },
  xlnx_pcie_xvc: { since: '0.11.0' },
  rshim: { since: '0.11.0' },
  am335xgpio: { since: '0.12.0' },
};

/** Why this build may lack the adapter driver NAME, or undefined when it should have it. */
export function driverAvailability(name: string, version: string | undefined): string | undefined {
  const d = DRIVERS[name.toLowerCase()];
  if (!d) return undefined;
  if (d.since && version && compareVersions(version, d.since) >= 0) return undefined;
  return [d.since ? `in mainline OpenOCD since ${d.since}` : undefined, d.fork ? `in ${d.fork}` : undefined].filter(Boolean).join('; ');
}
