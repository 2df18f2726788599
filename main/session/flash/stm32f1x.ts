// The stm32f1x driver's own commands (src/flash/nor/stm32f1x.c). lock/unlock report
// their failures as printed text with a success return code, so the text is checked.
import { FlashError, ValidationError } from '../../openocd/errors';
import type { CommandRunner } from '../command-runner';
import { parseStm32f1xOptions } from './parse';
import { runFlashCommand } from './run';
import type { Stm32f1xOptions } from './types';

const OPTION_NOTE = 'The new option bytes take effect after a reset or power cycle.';

export class Stm32f1x {
  constructor(private readonly runner: CommandRunner) {}

  /** `stm32f1x options_read N` (target halted). */
  async optionsRead(bank = 0): Promise<Stm32f1xOptions> {
    check(bank);
    return parseStm32f1xOptions(await runFlashCommand(this.runner, `stm32f1x options_read ${bank}`, 'reading the option bytes failed'));
  }

  /** `stm32f1x lock N`: sets read-out protection. Debug access to flash stops after a reset. */
  async lock(bank = 0): Promise<{ message: string; note: string }> {
    check(bank);
    const text = await runFlashCommand(this.runner, `stm32f1x lock ${bank}`, 'locking the device failed', { timeoutMs: 30_000 });
    failOnText(text, 'locking the device failed');
    return { message: text.trim(), note: `${OPTION_NOTE} From then on the flash cannot be read over the debugger until unlocked (which erases it).` };
  }

  /**
   * `stm32f1x unlock N`: clears read-out protection. The chip mass-erases its flash
   * when protection goes off, and the change needs a reset or power cycle.
   */
  async unlock(bank = 0): Promise<{ message: string; note: string }> {
    check(bank);
    const text = await runFlashCommand(this.runner, `stm32f1x unlock ${bank}`, 'unlocking the device failed', { timeoutMs: 30_000 });
    failOnText(text, 'unlocking the device failed');
    return { message: text.trim(), note: `Unlocking mass-erases the flash. ${OPTION_NOTE}` };
  }

  /** `stm32f1x mass_erase N`. */
  async massErase(bank = 0): Promise<void> {
    check(bank);
    const text = await runFlashCommand(this.runner, `stm32f1x mass_erase ${bank}`, 'mass erase failed', { timeoutMs: 120_000 });
    failOnText(text, 'mass erase failed');
  }
}

function check(bank: number): void {
  if (!Number.isInteger(bank) || bank < 0) throw new ValidationError(`invalid flash bank number ${String(bank)}`);
}

/** "stm32x failed to erase options", "stm32x failed to lock device", "stm32x mass erase failed" come back with ERROR_OK. */
function failOnText(text: string, context: string): void {
  if (/stm32x failed to|mass erase failed/.test(text)) {
    throw new FlashError(`${context}: ${text.trim()}`, {
      openocdText: text,
      hint: 'The option bytes could not be changed. Check that the target is halted and powered at a stable voltage, then retry.',
    });
  }
}
