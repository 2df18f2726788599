// One board on one slot: connect (its own OpenOCD), identify (UID), program + verify the
// image with the serial number as one more segment, read the serial back, then what the
// job says to do after. Every phase is timed; a failure is explained by the troubleshooter
// in plain words; OpenOCD is always stopped at the end.
import type { ConnectionProfile } from '../../shared/profile';
import { diagnose } from '../diagnose/engine';
import type { Image } from '../images/types';
import { FlashError, OpenOCDError } from '../openocd/errors';
import { Session } from '../session/session';
import type { FlashEvent } from '../session/flash/types';
import { checkFits, type LoadedJob } from './job';
import { serialBytes } from './serial-format';
import type { SlotFinding, SlotPhase } from './types';

const UID_ADDRESS = 0x1ffff7e8;
const FLASH_OBR = 0x4002201c;

export interface SlotRunHooks {
  phase(phase: SlotPhase, progress?: number, bytesPerSecond?: number): void;
  uid(uid: string): void;
  /** The serial number for this board, asked for once it is identified and ready to program
   *  (a board that fails before that uses none). Undefined: the job provisions none. */
  serial(): Promise<string | undefined>;
  signal?: AbortSignal;
}

export interface SlotRunOutcome {
  ok: boolean;
  uid: string;
  phases: Array<{ phase: string; ms: number }>;
  error?: string;
  finding?: SlotFinding;
}

/** A read-protected STM32F1 (FLASH_OBR.RDPRT) cannot be programmed without an unlock, which mass-erases it. */
async function refuseProtected(session: Session): Promise<void> {
  const obr = await session.memory.readU32(FLASH_OBR).catch(() => 0);
  if (obr & 0x2) {
    throw new FlashError('the chip is read-protected (RDP level 1): it cannot be programmed as it is', {
      hint: 'Unlock it (stm32f1x unlock 0, then a reset): that mass-erases the chip. Then run the slot again.',
      openocdText: 'stm32x device protected',
    });
  }
}

export function readableUid(words: readonly number[]): string {
  return [...words].reverse().map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

function withSerial(image: Image, address: number, serial: string): Image {
  const segments = [...image.segments, { address, data: serialBytes(serial) }].sort((a, b) => a.address - b.address);
  return { ...image, segments };
}

function explain(err: unknown, log: string[]): SlotFinding | undefined {
  const text = [err instanceof OpenOCDError && err.openocdText ? err.openocdText : '', ...log.filter((l) => /^(Error|Warn)/.test(l))].join('\n');
  const [top] = diagnose({ log: text || (err as Error).message });
  if (!top || top.category === 'unknown') return undefined;
  return { category: top.category, title: top.title, fix: top.steps[0]?.text ?? '' };
}

export async function runBoard(profile: ConnectionProfile, loaded: LoadedJob, hooks: SlotRunHooks): Promise<SlotRunOutcome> {
  const phases: Array<{ phase: string; ms: number }> = [];
  let current: { phase: SlotPhase; t: number } | undefined;
  const enter = (phase: SlotPhase): void => {
    const now = performance.now();
    if (current && current.phase !== phase) phases.push({ phase: current.phase, ms: Math.round(now - current.t) });
    if (!current || current.phase !== phase) current = { phase, t: now };
    hooks.phase(phase, 0);
  };
  let session: Session | undefined;
  let uid = '';
  try {
    enter('connect');
    session = await Session.start(profile);
    if (hooks.signal?.aborted) throw new Error('stopped before programming');
    enter('identify');
    uid = readableUid(await session.memory.readU32(UID_ADDRESS, 3));
    hooks.uid(uid);
    // Does the image fit this part? (The bank geometry is read once and kept for programming.)
    const [bank] = await session.flash.geometry();
    if (bank) checkFits(loaded, bank);
    await refuseProtected(session);
    const job = loaded.job;
    const serial = await hooks.serial();
    const image = serial && job.serial ? withSerial(loaded.image, job.serial.address, serial) : loaded.image;
    const onEvent = (e: FlashEvent): void => {
      if (e.type !== 'progress') return;
      const phase: SlotPhase = e.phase === 'erase' ? 'erase' : e.phase === 'verify' ? 'verify' : 'program';
      if (current?.phase !== phase) enter(phase);
      hooks.phase(phase, e.total ? e.done / e.total : 0, e.bytesPerSecond);
    };
    const result = await session.flash.program(image, { verify: job.verify, onEvent, ...(hooks.signal ? { signal: hooks.signal } : {}) });
    if (result.type === 'cancelled') throw new Error(`stopped: ${result.message}`);
    if (result.verify && !result.verify.ok) {
      const v = result.verify;
      throw new Error(`verify failed at 0x${v.firstMismatch.toString(16).padStart(8, '0')}: wrote 0x${v.expected.toString(16).padStart(2, '0')}, read 0x${v.actual.toString(16).padStart(2, '0')}`);
    }
    if (serial && job.serial) {
      enter('serial');
      const want = serialBytes(serial);
      const got = await session.memory.readBytes(job.serial.address, want.length);
      if (got.some((b, i) => b !== want[i])) throw new Error(`the serial number did not read back at 0x${job.serial.address.toString(16).padStart(8, '0')}`);
    }
    enter('after');
    if (job.readProtect) {
      // RDP level 1 (stm32f1x lock): takes effect at the next reset; the board then runs but cannot be read.
      await session.command('stm32f1x lock 0');
    }
    if (job.after === 'reset-run') await session.target.reset('run');
    else if (job.after === 'halt') await session.target.reset('halt');
    enter('done');
    return { ok: true, uid, phases };
  } catch (err) {
    const log = session?.controller?.logHistory().map((l) => l.text) ?? [];
    if (current) phases.push({ phase: current.phase, ms: Math.round(performance.now() - current.t) });
    const finding = explain(err, log);
    return { ok: false, uid, phases, error: (err as Error).message, ...(finding ? { finding } : {}) };
  } finally {
    await session?.close().catch(() => undefined);
  }
}
