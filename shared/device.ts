// The Device panel's view (issue 11): what chip answers and its option bytes, as
// STM32CubeProgrammer shows them, and what each option-byte change does. The words
// live here so the panel and the host say the same thing.

export interface DeviceInfo {
  /** DBGMCU_IDCODE, or null when the part's id registers are not known (non-STM32F1). */
  idcode: number | null;
  devId: number | null;
  /** "STM32F10x medium density". */
  devName: string | null;
  /** Silicon revision letter ("Y") or REV_ID in hex. */
  revision: string | null;
  flashSizeKiB: number | null;
  /** 96-bit unique id, most significant word first (as ST's tools print it). */
  uid: string | null;
  core: { cpuid: number; name: string; revision: string; implementer: string };
  /** FPB code comparators and DWT comparators; null when they could not be read. */
  breakpoints: number | null;
  watchpoints: number | null;
  /** Option bytes (stm32f1x only), as loaded by the chip at its last reset. */
  options: DeviceOptions | null;
}

export interface DeviceOptions {
  /** 0 = no read protection, 1 = flash reads over the debugger blocked. */
  rdp: 0 | 1;
  /** One entry per 4-KiB WRP block (4 pages of 1 KiB on an F103C8). */
  wrp: { index: number; address: number; size: number; protected: boolean }[];
  user: UserBits;
  optionByte: number;
  writeProtection: number;
}

export interface UserBits {
  /** true = software watchdog (IWDG started by firmware); false = hardware (IWDG runs from reset). */
  wdgSw: boolean;
  /** true = entering Stop mode does not reset. */
  nRstStop: boolean;
  /** true = entering Standby mode does not reset. */
  nRstStdby: boolean;
}

/** A request to change the option bytes; only the fields given change. */
export interface OptionBytesChange {
  rdp?: 0 | 1;
  /** Blocks to protect (true) or unprotect (false). */
  wrp?: { index: number; protected: boolean }[];
  user?: UserBits;
}

export interface OptionBytesResult {
  /** The device read again after the write and the reset. */
  info: DeviceInfo;
  /** What was run, in order (OpenOCD commands). */
  commands: string[];
  note: string;
}

export const USER_BIT_TEXT: Record<keyof UserBits, { label: string; on: string; off: string }> = {
  wdgSw: {
    label: 'WDG_SW',
    on: 'software watchdog: the independent watchdog runs only when the firmware starts it',
    off: 'hardware watchdog: the independent watchdog runs from reset and the firmware must keep refreshing it',
  },
  nRstStop: { label: 'nRST_STOP', on: 'entering Stop mode does not reset the chip', off: 'entering Stop mode resets the chip' },
  nRstStdby: { label: 'nRST_STDBY', on: 'entering Standby mode does not reset the chip', off: 'entering Standby mode resets the chip' },
};

export const RDP_TEXT = {
  1: 'Setting level 1 blocks debug reads of flash (the firmware still runs); going back to 0 mass-erases the whole flash.',
  0: 'Level 0 going back from 1 mass-erases the whole flash: every byte of firmware is lost.',
} as const;

export const OPTION_BYTES_NOTE =
  "Option bytes take effect after a reset or power cycle: the workbench writes them with OpenOCD's stm32f1x commands (lock / unlock, flash protect, options_write) and then runs `reset halt` so the chip reloads them, then reads them back.";

/** Plain-words lines for what a change does, and whether it erases the flash. */
export function describeChange(current: DeviceOptions, change: OptionBytesChange): { lines: string[]; erases: boolean } {
  const lines: string[] = [];
  let erases = false;
  if (change.rdp !== undefined && change.rdp !== current.rdp) {
    if (change.rdp === 1) lines.push(`RDP 0 → 1: ${RDP_TEXT[1]}`);
    else {
      lines.push(`RDP 1 → 0: ${RDP_TEXT[0]}`);
      erases = true;
    }
  }
  for (const w of change.wrp ?? []) {
    const b = current.wrp.find((x) => x.index === w.index);
    if (!b || b.protected === w.protected) continue;
    const range = `0x${b.address.toString(16).padStart(8, '0')}–0x${(b.address + b.size - 1).toString(16).padStart(8, '0')}`;
    lines.push(w.protected ? `WRP block ${w.index} (${range}): write-protect it; erasing or programming those pages fails until cleared` : `WRP block ${w.index} (${range}): remove write protection`);
  }
  if (change.user) {
    for (const k of Object.keys(USER_BIT_TEXT) as (keyof UserBits)[]) {
      if (change.user[k] !== current.user[k]) lines.push(`${USER_BIT_TEXT[k].label}: ${change.user[k] ? USER_BIT_TEXT[k].on : USER_BIT_TEXT[k].off}`);
    }
  }
  // OpenOCD rewrites the whole option block for any change, and erasing the option block
  // of a read-protected chip mass-erases its flash first (RM0008 2.4.1): so while RDP is 1,
  // every change erases, not only going back to level 0.
  if (current.rdp === 1 && lines.length > 0 && !erases) {
    lines.push('The chip is at RDP 1: rewriting any option byte mass-erases the whole flash (and the workbench sets level 1 again afterwards).');
    erases = true;
  }
  return { lines, erases };
}
