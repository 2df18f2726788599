// Output helpers for the target commands: failure reports (message, OpenOCD's own
// text, what to try), aligned tables, hex formatting, and the flash progress line.
import { formatAddress } from '../../shared/hex';
import { OpenOCDError } from '../openocd/errors';

export const hex32 = (n: number): string => formatAddress(n);

export function hexN(n: number | bigint, bits: number): string {
  return '0x' + n.toString(16).padStart(Math.ceil(bits / 4), '0');
}

/**
 * The lines explaining a failure: the message, then OpenOCD's text when it adds
 * something the message does not already say, then the hint.
 */
export function describeError(err: unknown): string[] {
  if (!(err instanceof Error)) return [String(err)];
  const lines = [err instanceof OpenOCDError ? `${err.kind}: ${err.message}` : err.message];
  if (err instanceof OpenOCDError) {
    const text = err.openocdText?.trim();
    if (text && !err.message.includes(text)) {
      lines.push('OpenOCD said:');
      for (const l of text.split('\n')) lines.push(`  ${l}`);
    }
    if (err.hint) lines.push(`Hint: ${err.hint}`);
  }
  return lines;
}

export function printError(command: string, err: unknown): void {
  const [first, ...rest] = describeError(err);
  process.stderr.write(`bringup ${command}: ${first ?? ''}\n${rest.map((l) => l + '\n').join('')}`);
}

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[], gap = '  '): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(gap).trimEnd()).join('\n');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

export interface ProgressLine {
  phase: string;
  done: number;
  total: number;
  bytesPerSecond: number;
}

/** "program  [#########-----------]  45%  12.3 KiB/s" sized to fit `columns`. */
export function formatProgress(p: ProgressLine, columns = 80): string {
  const pct = p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 100;
  const rate = `${(p.bytesPerSecond / 1024).toFixed(1)} KiB/s`;
  const head = p.phase.padEnd(8);
  const tail = `${String(pct).padStart(3)}%  ${rate}`;
  const barWidth = Math.max(10, Math.min(40, columns - head.length - tail.length - 8));
  const filled = Math.round((pct / 100) * barWidth);
  return `${head} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${tail}`;
}

/** The same error with a hint added, when it has none (the CLI knows what the command was for). */
export function withHint(err: unknown, hint: string): unknown {
  if (!(err instanceof OpenOCDError) || err.hint) return err;
  const Cls = err.constructor as new (m: string, d: ConstructorParameters<typeof OpenOCDError>[1]) => OpenOCDError;
  return new Cls(err.message, { hint, openocdText: err.openocdText, cause: err });
}

export const MEMORY_HINT =
  'Check that the range exists on this chip (its reference manual\'s memory map, or `bringup svd FILE` for peripheral addresses); ' +
  'a peripheral whose clock is off also faults.';
