// What the troubleshooter reads besides the fix outcomes: the last OpenOCD run's lines,
// and (while connected) registers the log alone cannot show.
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { DiagnoseLogLine } from '../diagnose/index';
import type { OpenOcdController } from '../openocd/controller-api';

/** The lines of the most recent OpenOCD run: each run starts with OpenOCD's banner. */
export function lastRun(history: readonly LogLine[]): LogLine[] {
  let start = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    if (/Open On-Chip Debugger/.test(history[i]?.text ?? '')) {
      start = i;
      break;
    }
  }
  return history.slice(start);
}

/**
 * After init succeeded, no cfg runs any more: a syntax-level error OpenOCD logs then (unknown
 * command, wrong arguments, wrong phase) is its reply to a command typed in the console
 * (OpenOCD logs what tcl-port commands print). Those say nothing about the configuration.
 */
const CONSOLE_REPLY = /invalid command name "|wrong # args: should be|invalid subcommand "|Unknown param: |command must be used (before|after) 'init'|^Unknown command:/;

export function withoutConsoleReplies(lines: readonly LogLine[], connectedAt: number | undefined): LogLine[] {
  if (connectedAt === undefined) return [...lines];
  return lines.filter((l) => l.time < connectedAt || !CONSOLE_REPLY.test(l.text));
}

export function toDiagnoseLines(lines: readonly LogLine[]): DiagnoseLogLine[] {
  return lines.map((l) => ({ text: l.text, level: l.level }));
}

/**
 * While connected, read what the log alone cannot show. STM32F1 read protection:
 * FLASH_OBR bit 1 (RDPRT), read over the bus without halting the core (OpenOCD's
 * `options_read` would need it halted). Worded as options_read prints it.
 */
export async function probeConnected(controller: Pick<OpenOcdController, 'command'>, status: ConnectionStatus): Promise<string[]> {
  const chip = status.info.targetName?.split('.')[0];
  if (status.state !== 'connected' || chip !== 'stm32f1x') return [];
  try {
    // FLASH_OBR then FLASH_WRPR (0x40022020: a 0 bit = those pages write-protected).
    const reply = await controller.command('mdw 0x4002201c 2', { timeoutMs: 5000 });
    const m = /:\s*([0-9a-f]{8})(?:\s+([0-9a-f]{8}))?/i.exec(reply);
    if (!m?.[1]) return [];
    const obr = parseInt(m[1], 16);
    const lines = [`stm32f1x FLASH_OBR = 0x${m[1]}: read protection: ${obr & 2 ? 'on' : 'off'}`];
    if (m[2]) lines.push(`stm32f1x FLASH_WRPR: write protection register = 0x${m[2]}`);
    return lines;
  } catch {
    return [];
  }
}
