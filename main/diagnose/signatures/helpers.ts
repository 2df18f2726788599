// Small helpers shared by the category tables: reading the profile and the facts.
import type { DescribeContext } from '../types';

/** The interface cfg (or board cfg) the profile starts OpenOCD with, lower-cased. */
export function adapterCfg(ctx: DescribeContext): string {
  return (ctx.input.profile?.interfaceCfg ?? ctx.input.profile?.boardCfg ?? '').toLowerCase();
}

export type ProbeKind = 'stlink' | 'jlink' | 'cmsis-dap' | 'ftdi' | 'remote_bitbang' | 'other';

/** Which probe family the profile or the log points at. */
export function probeKind(ctx: DescribeContext): ProbeKind {
  const cfg = adapterCfg(ctx);
  const hay = `${cfg}\n${ctx.lines.map((l) => l.text).join('\n')}`.toLowerCase();
  if (/stlink|st-link/.test(hay)) return 'stlink';
  // interface/stlink.cfg names no driver in the log: "open failed" (stlink_usb.c) with the hla_swd
  // transport is the ST-Link (ti_icdi_usb.c prints the same words, but TI ICDI targets use hla_jtag).
  if (/\bhla_swd\b/.test(hay) && /^open failed$/m.test(hay)) return 'stlink';
  if (/jlink|j-link/.test(hay)) return 'jlink';
  if (/cmsis-dap|cmsis_dap/.test(hay)) return 'cmsis-dap';
  if (/ftdi|mpsse/.test(hay)) return 'ftdi';
  if (/remote_bitbang/.test(hay)) return 'remote_bitbang';
  return 'other';
}

export function voltageText(v: number | undefined): string {
  return v === undefined ? 'not reported' : `${v.toFixed(2)} V`;
}

/** Human name of a probe family for step texts. */
export function probeName(kind: ProbeKind): string {
  switch (kind) {
    case 'stlink':
      return 'ST-Link';
    case 'jlink':
      return 'J-Link';
    case 'cmsis-dap':
      return 'CMSIS-DAP probe';
    case 'ftdi':
      return 'FTDI-based adapter';
    case 'remote_bitbang':
      return 'remote_bitbang server';
    default:
      return 'debug adapter';
  }
}
