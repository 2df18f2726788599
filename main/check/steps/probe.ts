// Step 1: the probe. OpenOCD started (so the adapter was found and opened: permission
// and driver are fine), which adapter it is, and the probe firmware version OpenOCD
// printed while opening it (ST-LINK, J-Link and CMSIS-DAP each print theirs).
import { gatherConnectionInfo } from '../../openocd/connection-info';
import { ev, type CheckStep } from '../context';

/** The probe firmware line each driver prints at init (src/jtag/drivers/stlink_usb.c, jlink.c, cmsis_dap.c). */
const FIRMWARE_LINE = /(STLINK V\d\S*|J-Link .*compiled .*|Firmware Version: .*|CMSIS-DAP: FW Version = \S+|Hardware version: \S+|FTDI .*|picoprobe.*version.*)/i;

export const probeStep: CheckStep = async (ctx) => {
  const s = ctx.session;
  const info = s.controller?.status().info ?? (await gatherConnectionInfo((tcl) => s.command(tcl).catch(() => undefined))).info;
  ctx.facts.info = info;
  const log = s.controller?.logHistory().map((l) => l.text) ?? [];
  const fw = log.map((l) => FIRMWARE_LINE.exec(l)?.[1]).find((m) => m !== undefined);
  const adapter = info.adapter ?? 'unknown';
  const virtual = ctx.profile.kind === 'vboard';
  const evidence = [
    ev('adapter', adapter),
    ev('transport', info.transport ?? 'unknown'),
    ev('OpenOCD', info.openocdVersion ?? 'unknown'),
    ev('probe firmware', fw ?? (virtual ? 'none (virtual board over remote_bitbang)' : 'not printed by this driver')),
  ];
  if (!info.adapter) return { status: 'warn', summary: 'OpenOCD started but did not say which adapter it opened', evidence };
  return { status: 'pass', summary: `${adapter} opened (permission and driver are fine)`, evidence };
};
