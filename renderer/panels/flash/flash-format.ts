// Words for the flash panel: phase names, percent, speed, and the final outcome.
import type { FlashJobEvent, FlashOp } from '../../../shared/workbench';
import { formatBytes, hex } from '../../lib/numbers';

type Progress = Extract<FlashJobEvent, { type: 'progress' }>;
type Outcome = Extract<FlashJobEvent, { type: 'done' | 'failed' | 'cancelled' }>;

const PHASES: Record<Progress['phase'], string> = { erase: 'Erasing', program: 'Writing', verify: 'Verifying', read: 'Reading' };

export function phaseLabel(p: Progress): string {
  return PHASES[p.phase];
}

/** Whole percent of the phase; a phase with nothing to do counts as done. */
export function percent(p: Pick<Progress, 'done' | 'total'>): number {
  if (p.total <= 0) return 100;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}

export function speed(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1024).toFixed(1)} KiB/s`;
}

const OP_DONE: Record<FlashOp, string> = { program: 'Programmed', verify: 'Verified', 'erase-all': 'Erased the whole chip', 'erase-range': 'Erased the range' };

export interface OutcomeText {
  tone: 'ok' | 'bad' | 'warn';
  title: string;
  detail?: string;
}

export function describeOutcome(o: Outcome): OutcomeText {
  switch (o.type) {
    case 'done': {
      if (o.op === 'erase-range') return { tone: 'ok', title: `Erased ${formatBytes(o.bytes)} in ${o.seconds.toFixed(1)} s` };
      if (o.op === 'erase-all') return { tone: 'ok', title: `${OP_DONE[o.op]} in ${o.seconds.toFixed(1)} s` };
      const base = `${OP_DONE[o.op]} ${formatBytes(o.bytes)} in ${o.seconds.toFixed(1)} s (${speed(o.bytesPerSecond)})`;
      if (!o.verify) return { tone: 'ok', title: `${base} — not verified` };
      if (o.verify.ok) return { tone: 'ok', title: o.op === 'verify' ? `${base} — verified, flash matches the image` : `${base} — verified` };
      const v = o.verify;
      return {
        tone: 'bad',
        title: `Verify FAILED at ${hex(v.firstMismatch)}`,
        detail: `expected 0x${v.expected.toString(16).padStart(2, '0')}, read 0x${v.actual.toString(16).padStart(2, '0')}`,
      };
    }
    case 'cancelled':
      return { tone: 'warn', title: 'Cancelled', detail: o.message };
    case 'failed':
      return { tone: 'bad', title: `Failed: ${o.error.message}`, detail: [o.error.openocdText, o.error.hint].filter(Boolean).join('\n') || undefined };
  }
}
