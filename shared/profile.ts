// A connection profile: what OpenOCD is started with. Saved as JSON in the
// user-data folder; the virtual board profile is built in.
import type { ProfileCheckSettings } from './check';
export type TransportName = 'jtag' | 'swd' | 'hla_swd' | 'hla_jtag' | 'dapdirect_swd' | 'dapdirect_jtag' | 'swim';

export interface ConnectionProfile {
  id: string;
  name: string;
  /** 'configs': interface+target or board cfg; 'vboard': the built-in virtual board. */
  kind: 'configs' | 'vboard';
  /** Paths relative to OpenOCD's scripts folder (e.g. "interface/stlink.cfg") or absolute. */
  interfaceCfg?: string;
  targetCfg?: string;
  boardCfg?: string;
  adapterSpeedKhz?: number;
  transport?: TransportName;
  /** e.g. "srst_only srst_nogate connect_assert_srst" */
  resetConfig?: string;
  /**
   * The adapter's NRST (SRST) line goes to the chip's reset pin. When set and a connect
   * cannot reach the debug port, the app retries once with connect-under-reset by itself.
   */
  nrstWired?: boolean;
  /**
   * `-c` commands run after the interface cfg and transport, before the target (or board)
   * cfg: for variables the target cfg reads, e.g. `set CPUTAPID 0x2ba01477`.
   */
  preTargetCommands?: string[];
  /** Extra `-c` commands, in order, before `init`. */
  extraCommands: string[];
  /** Virtual board only: faults switched on at start (e.g. "reset-hold", "noisy-link:0.01"). */
  vboardFaults?: string[];
  /** The board's own power-on check settings (main/check). */
  check?: ProfileCheckSettings;
  /**
   * Serve GDB beside the workbench: OpenOCD opens its gdb port on 127.0.0.1 (a free one
   * unless `port` pins it). OpenOCD fixes its ports at start, so changing this reconnects.
   */
  gdb?: { enabled: boolean; port?: number };
}

export const VBOARD_PROFILE_ID = 'builtin-vboard';

/** A fresh profile id (the editor's new profiles). */
export function newProfileId(): string {
  return `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
