// Fixes that act on the connected chip (not the profile): unlock read protection,
// mass erase, halt. Each runs its OpenOCD commands, resets, and then checks that
// flash reads back, which is what tells the user the fix worked. Erasing cannot
// be undone, so these results carry no fixId.
import type { FixAction } from '../../shared/diagnose';
import type { FixResult } from '../../shared/troubleshoot';
import type { OpenOcdController } from '../openocd/controller-api';
import { ValidationError } from '../openocd/errors';

const FLASH_BASE = '0x08000000';

function flashDriver(targetName: string | undefined): string {
  const chip = targetName?.split('.')[0] ?? '';
  // unlock/mass_erase are STM32 flash-driver commands (stm32f1x, stm32f2x, ...).
  if (!/^stm32[a-z0-9]+$/.test(chip)) throw new ValidationError(`This fix is automated for STM32 targets only (target: ${targetName ?? 'unknown'})`);
  return chip.startsWith('stm32f1') ? 'stm32f1x' : chip.startsWith('stm32f4') || chip.startsWith('stm32f2') ? 'stm32f2x' : chip;
}

export async function runTargetFix(controller: OpenOcdController, action: FixAction): Promise<FixResult> {
  const status = controller.status();
  if (status.state !== 'connected') {
    throw new ValidationError(`Connect first: this fix runs on the connected chip (state: ${status.state})`);
  }
  const run = (tcl: string): Promise<string> => controller.command(tcl, { timeoutMs: 30_000 });
  if (action === 'halt-target') {
    await run('reset halt');
    return { action, applied: 'reset halt', worked: true, state: controller.status().state, message: 'The core is halted at the reset vector.' };
  }
  const driver = flashDriver(status.info.targetName);
  if (action === 'remove-write-protection') return removeWriteProtection(run, controller);
  const cmds = action === 'unlock-flash' ? ['reset halt', `${driver} unlock 0`, 'reset halt'] : ['reset halt', `${driver} mass_erase 0`, 'reset halt'];
  for (const c of cmds) await run(c);
  // The option bytes reload on reset; reading flash is the proof that protection is gone.
  let readBack: string;
  try {
    readBack = (await run(`mdw ${FLASH_BASE} 2`)).trim();
  } catch (err) {
    return {
      action,
      applied: cmds.join('; '),
      worked: false,
      state: controller.status().state,
      message: `After ${cmds.join(', ')} the flash still cannot be read (${err instanceof Error ? err.message : String(err)}). Power-cycle the board and reconnect.`,
    };
  }
  return {
    action,
    applied: cmds.join('; '),
    worked: true,
    state: controller.status().state,
    message: `${action === 'unlock-flash' ? 'Read protection removed' : 'Flash mass-erased'} and the chip reset: flash is readable again (${readBack}). Program your firmware next.`,
  };
}

/**
 * Clears the write-protection bits of every sector (OpenOCD's generic way, which the
 * stm32f1x driver implements by rewriting the option bytes; main flash is kept), resets so
 * the option bytes load, and reads the protection state back: that is the proof.
 */
async function removeWriteProtection(run: (tcl: string) => Promise<string>, controller: OpenOcdController): Promise<FixResult> {
  const action: FixAction = 'remove-write-protection';
  const cmds = ['reset halt', 'flash protect 0 0 last off', 'reset halt'];
  for (const c of cmds) await run(c);
  const info = await run('flash info 0');
  // src/flash/nor/tcl.c prints each sector as "#  n: 0x... (0x... NkB) protected|not protected".
  const still = info.split('\n').filter((l) => /\)\s+protected\s*$/.test(l)).length;
  const state = controller.status().state;
  if (still > 0) {
    return { action, applied: cmds.join('; '), worked: false, state, message: `After ${cmds.join(', ')} ${still} sector(s) are still write-protected. Power-cycle the board and reconnect.` };
  }
  return {
    action,
    applied: cmds.join('; '),
    worked: true,
    state,
    message: 'Write protection removed and the chip reset: flash info shows no protected sector. Your firmware is still in flash; program it again now.',
  };
}
