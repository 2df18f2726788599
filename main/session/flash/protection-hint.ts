// Which protection stopped a flash operation, and what to type to clear it.
//
// On stm32f1x a write fails with the same "stm32x device protected" whether a page is
// write-protected or the whole chip is read-protected, and a read of read-protected
// flash is just a failed memory read. The option bytes tell them apart, so when the
// driver is stm32f1x we ask (`stm32f1x options_read N`) and name the one fix that
// applies, as commands a user can type (OpenOCD console, `bringup repl`).
import { FlashError, OpenOCDError, type ErrorDetails } from '../../openocd/errors';
import type { Memory } from '../memory';
import type { Stm32f1x } from './stm32f1x';
import type { FlashBankInfo } from './types';

export const READ_PROTECTED_HINT = (bank: number): string =>
  `The chip is read-protected (\`stm32f1x options_read ${bank}\` says read protection: on): the debugger can neither read nor write its flash. ` +
  `\`stm32f1x unlock ${bank}\` then \`reset halt\` removes it (OpenOCD console or \`bringup repl\`) — WARNING: unlocking mass-erases the whole flash.`;

export const WRITE_PROTECTED_HINT = (bank: number, lastBlock: number): string =>
  `Pages are write-protected (\`stm32f1x options_read ${bank}\` shows the write protection bits): ` +
  `\`flash protect ${bank} 0 ${lastBlock} off\` then \`reset halt\` clears it (OpenOCD console or \`bringup repl\`). The flash content is kept.`;

export type Protection = 'read' | 'write' | 'none';

/** The bank holding address (or the first bank), when it is an stm32f1x bank. */
export function stm32f1xBank(banks: readonly FlashBankInfo[], address?: number): FlashBankInfo | undefined {
  const bank = address === undefined ? banks[0] : banks.find((b) => address >= b.base && address < b.base + b.size);
  return bank?.driver === 'stm32f1x' ? bank : undefined;
}

/** FLASH_OBR of the STM32F0/F1/F3 flash interface (RM0008 3.4); FLASH_WRPR is the next word. */
const FLASH_OBR = 0x4002201c;
/** OBR bit 1: RDPRT (F1), the low bit of the RDP level (F0/F3). */
const OBR_RDPRT = 0x2;

/**
 * What the option bytes say; undefined when they cannot be read (then nothing is claimed).
 * `stm32f1x options_read` needs a halted core; on a running one the same two registers
 * are read directly (memory reads work while the core runs), so no hint halts the target.
 */
export async function stm32f1xProtection(driver: Stm32f1x, bank: number, memory?: Memory): Promise<Protection | undefined> {
  let read: boolean;
  let wrpr: number;
  try {
    const o = await driver.optionsRead(bank);
    read = o.readProtection;
    wrpr = o.writeProtection;
  } catch {
    if (!memory) return undefined;
    try {
      const [obr, w] = await memory.readU32(FLASH_OBR, 2);
      read = ((obr ?? 0) & OBR_RDPRT) !== 0;
      wrpr = w ?? 0xffffffff;
    } catch {
      return undefined;
    }
  }
  if (read) return 'read';
  // WRPR: a 0 bit protects its block; the erased state is all ones.
  return wrpr >>> 0 !== 0xffffffff ? 'write' : 'none';
}

/** The hint for a protection found on an stm32f1x bank, or undefined for 'none'/unknown. */
export function protectionHint(p: Protection | undefined, bank: FlashBankInfo): string | undefined {
  if (p === 'read') return READ_PROTECTED_HINT(bank.index);
  if (p === 'write') return WRITE_PROTECTED_HINT(bank.index, Math.max(0, bank.protectionBlocks.length - 1));
  return undefined;
}

/** The same error with its hint replaced (the class and OpenOCD's text kept). */
export function withProtectionHint(err: unknown, hint: string): unknown {
  if (!(err instanceof OpenOCDError)) return err;
  const Cls = err.constructor as new (m: string, d: ErrorDetails) => OpenOCDError;
  const details: ErrorDetails = { hint, cause: err };
  if (err.openocdText !== undefined) details.openocdText = err.openocdText;
  return new Cls(err.message, details);
}

/** A failure that may be protection: a FlashError saying "device protected", or any failed read in flash. */
export function looksProtected(err: unknown): boolean {
  return err instanceof FlashError && /device protected/.test(`${err.message}\n${err.openocdText ?? ''}`);
}
