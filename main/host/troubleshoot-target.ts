// Fixes that act on the connected chip (not the profile): unlock read protection,
// mass erase, remove write protection, halt. Each runs its OpenOCD commands and then
// reads back what tells the user the fix worked (flash readable, no protected block,
// the core halted). Erasing cannot be undone; write protection can: the blocks that
// were protected are remembered and protected again on undo.
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

/** What undo needs to put the chip back: the protection blocks that were write-protected. */
export interface TargetUndo {
  reprotect: number[];
}

export interface TargetFixOutcome {
  result: FixResult;
  /** Present when the fix can be undone. */
  undo?: TargetUndo;
}

type Run = (tcl: string) => Promise<string>;

function connectedRun(controller: OpenOcdController): Run {
  const status = controller.status();
  if (status.state !== 'connected') {
    throw new ValidationError(`Connect first: this fix runs on the connected chip (state: ${status.state})`);
  }
  return (tcl: string): Promise<string> => controller.command(tcl, { timeoutMs: 30_000 });
}

export async function runTargetFix(controller: OpenOcdController, action: FixAction): Promise<TargetFixOutcome> {
  const run = connectedRun(controller);
  const status = controller.status();
  if (action === 'halt-target') return { result: await haltTarget(run, controller) };
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
      result: {
        action,
        applied: cmds.join('; '),
        worked: false,
        state: controller.status().state,
        message: `After ${cmds.join(', ')} the flash still cannot be read (${err instanceof Error ? err.message : String(err)}). Power-cycle the board and reconnect.`,
      },
    };
  }
  return {
    result: {
      action,
      applied: cmds.join('; '),
      worked: true,
      state: controller.status().state,
      message: `${action === 'unlock-flash' ? 'Read protection removed' : 'Flash mass-erased'} and the chip reset: flash is readable again (${readBack}). Program your firmware next.`,
    },
  };
}

/** `reset halt`, then asks the target for its state: only "halted" counts. */
async function haltTarget(run: Run, controller: OpenOcdController): Promise<FixResult> {
  const action: FixAction = 'halt-target';
  let state = 'unknown';
  let why = '';
  try {
    await run('reset halt');
  } catch (err) {
    why = err instanceof Error ? err.message : String(err);
  }
  try {
    state = (await run('[target current] curstate')).trim();
  } catch (err) {
    why ||= err instanceof Error ? err.message : String(err);
  }
  if (state === 'halted') {
    let pc = '';
    try {
      pc = /0x[0-9a-f]+/i.exec(await run('reg pc'))?.[0] ?? '';
    } catch {
      // The state is the proof; the PC is only shown when it reads.
    }
    return { action, applied: 'reset halt', worked: true, state: controller.status().state, message: `The core is halted${pc ? ` at pc ${pc}` : ''} (target state: halted). Repeat the command that failed.` };
  }
  return {
    action,
    applied: 'reset halt',
    worked: false,
    state: controller.status().state,
    message: `After reset halt the target state is "${state}"${why ? ` (${why})` : ''}: the core did not halt. The firmware may disable the debug port: try connect-under-reset.`,
  };
}

/** Protection blocks of bank 0 as `flash info 0` lists them: src/flash/nor/tcl.c prints "#  n: 0x... (0x... NkB) protected|not protected". */
async function protectedBlocks(run: Run): Promise<{ blocks: number[]; total: number }> {
  const info = await run('flash info 0');
  const blocks: number[] = [];
  let total = 0;
  for (const l of info.split('\n')) {
    const m = /^\s*#\s*(\d+):\s+0x[0-9a-f]+\s+\([^)]*\)\s+(protected|not protected)\s*$/i.exec(l);
    if (!m?.[1]) continue;
    total++;
    if (m[2] === 'protected') blocks.push(Number(m[1]));
  }
  return { blocks, total };
}

/** Consecutive block numbers as [first, last] runs, one `flash protect` each. */
function runsOf(blocks: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const b of [...blocks].sort((x, y) => x - y)) {
    const last = out[out.length - 1];
    if (last && b === last[1] + 1) last[1] = b;
    else out.push([b, b]);
  }
  return out;
}

/** STM32F1 FLASH_WRPR as read over the bus (a 0 bit = that block protected); '' elsewhere. */
async function readWrpr(run: Run, targetName: string | undefined): Promise<string> {
  if (!targetName?.startsWith('stm32f1')) return '';
  try {
    return /:\s*([0-9a-f]{8})/i.exec(await run('mdw 0x40022020'))?.[1] ?? '';
  } catch {
    return '';
  }
}

/** Undo of remove-write-protection: protect the same blocks again, reset so the option bytes load, and check. */
export async function undoTargetFix(controller: OpenOcdController, undo: TargetUndo): Promise<{ ok: boolean; message: string }> {
  const run = connectedRun(controller);
  const cmds = ['reset halt', ...runsOf(undo.reprotect).map(([a, b]) => `flash protect 0 ${a} ${b} on`), 'reset halt'];
  for (const c of cmds) await run(c);
  const now = await protectedBlocks(run);
  const missing = undo.reprotect.filter((b) => !now.blocks.includes(b));
  if (missing.length > 0) return { ok: false, message: `Ran ${cmds.join('; ')}, but block(s) ${missing.join(', ')} are not protected. Power-cycle the board and check flash info 0.` };
  return { ok: true, message: `Write protection is back on block(s) ${formatBlocks(undo.reprotect)} (${cmds.join('; ')}); flash info 0 confirms it.` };
}

function formatBlocks(blocks: readonly number[]): string {
  return runsOf(blocks)
    .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
    .join(', ');
}

/**
 * Clears the write-protection bits of every block (OpenOCD's generic way, which the
 * stm32f1x driver implements by rewriting the option bytes; main flash is kept), resets so
 * the option bytes load, and reads the protection state back: that is the proof. The blocks
 * protected before (and FLASH_WRPR on an STM32F1) are kept for undo.
 */
async function removeWriteProtection(run: Run, controller: OpenOcdController): Promise<TargetFixOutcome> {
  const action: FixAction = 'remove-write-protection';
  await run('reset halt');
  const before = await protectedBlocks(run);
  const wrpr = await readWrpr(run, controller.status().info.targetName);
  const cmds = ['reset halt', 'flash protect 0 0 last off', 'reset halt'];
  for (const c of cmds.slice(1)) await run(c);
  const after = await protectedBlocks(run);
  const state = controller.status().state;
  const was = `Before: ${before.blocks.length ? `block(s) ${formatBlocks(before.blocks)} of ${before.total} protected` : 'no block protected'}${wrpr ? ` (FLASH_WRPR 0x${wrpr})` : ''}.`;
  if (after.blocks.length > 0) {
    return { result: { action, applied: cmds.join('; '), worked: false, state, message: `After ${cmds.join(', ')} ${after.blocks.length} block(s) are still write-protected. Power-cycle the board and reconnect. ${was}` } };
  }
  return {
    result: {
      action,
      applied: cmds.join('; '),
      worked: true,
      state,
      message: `Write protection removed and the chip reset: flash info shows no protected block. Your firmware is still in flash; program it again now. ${was}`,
    },
    ...(before.blocks.length > 0 ? { undo: { reprotect: before.blocks } } : {}),
  };
}
