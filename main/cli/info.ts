// `bringup info`: what is connected: OpenOCD version, adapter, transport, the JTAG
// chain with IDCODEs, the target and its state, and the flash banks with their size.
import { gatherConnectionInfo } from '../openocd/connection-info';
import type { Session } from '../session/session';
import type { FlashBankInfo } from '../session/flash/types';
import { expectPositional } from './args';
import { formatBytes, formatTable, hex32 } from './output';
import { defineTargetCommand } from './target-command';

async function flashLines(session: Session): Promise<string[]> {
  let geometry: FlashBankInfo[];
  try {
    // `flash info` probes each bank, so sizes are real (unprobed banks report 0).
    geometry = await session.flash.geometry();
  } catch (err) {
    const banks = await session.flash.banks().catch(() => []);
    const why = err instanceof Error ? err.message : String(err);
    if (banks.length === 0) return [`  (cannot list flash banks: ${why})`];
    return banks.map((b) => `  #${b.index} ${b.name}  ${b.driver}  at ${hex32(b.base)}  size unknown (probe failed: ${why})`);
  }
  if (geometry.length === 0) return ['  (none)'];
  const rows = geometry.map((b) => [
    `#${b.index}`,
    b.driver,
    `at ${hex32(b.base)}`,
    formatBytes(b.size),
    `${b.sectors.length} sectors`,
    b.driverInfo.split('\n')[0]?.trim() ?? '',
  ]);
  return formatTable(rows).split('\n').map((l) => `  ${l}`);
}

export const infoCommand = defineTargetCommand<null>({
  name: 'info',
  usage: 'info',
  summary: 'Show OpenOCD version, adapter, JTAG chain, target state and flash banks',
  options: {},
  target: 'required',
  parse(p) {
    expectPositional(p, []);
    return null;
  },
  async run({ session }) {
    const s = session as Session;
    // An OpenOCD this session started was already asked these facts at connect (the
    // controller's status): reuse them instead of six more round trips. With --connect,
    // ask: each fact is one query; one that fails leaves its line out rather than failing all.
    const started = s.controller?.status();
    const info =
      started?.state === 'connected' ? started.info : (await gatherConnectionInfo((tcl) => s.command(tcl).catch(() => undefined))).info;
    const state = await s.target.state().catch(() => 'unknown');
    const out: string[] = [];
    out.push(`OpenOCD:    ${info.openocdVersion ?? 'unknown'}`);
    out.push(`Adapter:    ${info.adapter ?? 'unknown'}${info.adapterSpeedKhz !== undefined ? ` (${info.adapterSpeedKhz} kHz)` : ''}`);
    out.push(`Transport:  ${info.transport ?? 'unknown'}`);
    out.push('TAPs:');
    if (info.taps.length === 0) out.push('  (none)');
    else {
      const rows = info.taps.map((t) => [
        t.name,
        hex32(t.idcode),
        t.enabled ? 'enabled' : 'disabled',
        `irlen ${t.irLength}`,
        t.expected.length ? `expected ${t.expected.map(hex32).join(' ')}` : '',
      ]);
      out.push(...formatTable(rows).split('\n').map((l) => `  ${l}`));
    }
    out.push(`Target:     ${info.targetName ?? 'none'} (${state})`);
    out.push('Flash:');
    out.push(...(await flashLines(s)));
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  },
});
