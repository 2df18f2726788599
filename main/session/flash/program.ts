// Programming an image in chunks so the user sees progress (OpenOCD's own `program`
// prints nothing until it is done): erase the touched sectors a few at a time, write
// chunk by chunk through the flash driver, verify chunk by chunk by checksum.
import { formatAddress } from '../../../shared/hex';
import { toErrorValue } from '../../openocd/errors';
import type { Image } from '../../images/types';
import type { CommandRunner } from '../command-runner';
import type { Memory } from '../memory';
import { hex, tclWord } from '../tcl';
import { withChunkFiles } from './chunk-files';
import { verifyByChecksum } from './checksum-verify';
import { planChunks, planErase, splitByBank, type ChunkOptions } from './plan';
import { Cancelled, PhaseProgress } from './progress';
import { runFlashCommand } from './run';
import { interruptedError, interruptedSentence, isFlashInterrupt, isLinkLoss } from './interrupted';
import { joinChunks, joinSectorRuns, Pacer } from './pacer';
import type { FlashBankInfo, FlashEvent, ProgramCancelled, ProgramDone, ProgramOptions, ProgramResult } from './types';

export interface ProgramContext {
  runner: CommandRunner;
  memory: Memory;
  geometry: () => Promise<FlashBankInfo[]>;
  chunk: ChunkOptions;
  tempDir?: string;
  /** Gives a failure a better hint (which protection is on) before it is reported. */
  explainFailure?: (e: unknown) => Promise<unknown>;
}

/** Generous: a slow adapter with host-driven half-word writes manages ~1 KB/s. */
function writeTimeout(bytes: number): number {
  return 30_000 + bytes * 20;
}

export async function programImage(ctx: ProgramContext, image: Image, opts: ProgramOptions = {}): Promise<ProgramResult> {
  const emit = (e: FlashEvent): void => opts.onEvent?.(e);
  const started = performance.now();
  // Where the flash is being changed now (the erase group or chunk in flight), once something was changed.
  const where: Where = {};
  try {
    const result = await run(ctx, image, opts, emit, started, where);
    emit(result);
    return result;
  } catch (e) {
    if (e instanceof Cancelled) {
      const c = cancelledResult(e.progress, where, opts.signal?.reason);
      emit(c);
      return c;
    }
    // OpenOCD killed or the link closed mid-write: say where it stopped, not only "closed the TCL connection".
    if (where.at !== undefined && isLinkLoss(e)) {
      const err = interruptedError(e, where.at, where.phase === 'verify');
      emit({ type: 'failed', error: toErrorValue(err) });
      throw err;
    }
    const err = ctx.explainFailure ? await ctx.explainFailure(e).catch(() => e) : e;
    emit({ type: 'failed', error: toErrorValue(err) });
    throw err;
  }
}

/** The address being erased or written now; set from the first command that changes flash. */
interface Where {
  at?: number;
  phase?: 'erase' | 'program' | 'verify';
}

async function run(ctx: ProgramContext, image: Image, opts: ProgramOptions, emit: (e: FlashEvent) => void, started: number, where: Where): Promise<ProgramDone> {
  const runner = ctx.runner;
  const signal = opts.signal;
  const check = (p: PhaseProgress): void => {
    if (signal?.aborted) throw new Cancelled(p);
  };

  // Flash writes need a halted core; `reset init` is what OpenOCD's `program` does.
  const prepare = opts.prepare ?? 'reset-init';
  check(new PhaseProgress('erase', 0, undefined));
  if (prepare === 'reset-init') await runFlashCommand(runner, 'reset init', 'cannot prepare the target for programming (reset init)', { timeoutMs: 30_000 });
  else if (prepare === 'halt') await runFlashCommand(runner, 'halt', 'cannot halt the target for programming', { timeoutMs: 10_000 });

  const banks = await ctx.geometry();
  const pieces = splitByBank(image.segments, banks, image.source);
  const chunks = planChunks(pieces, ctx.chunk);
  const imageBytes = pieces.reduce((a, p) => a + p.data.length, 0);

  let erasedSectors = 0;
  if (opts.erase ?? true) {
    const groups = planErase(pieces, banks, ctx.chunk.chunkSize);
    const progress = new PhaseProgress('erase', groups.reduce((a, g) => a + g.bytes, 0), emit);
    progress.report();
    const pacer = new Pacer(ctx.chunk.chunkSize, ctx.chunk.pace);
    for (let i = 0; i < groups.length; ) {
      const g = joinSectorRuns(groups, i, pacer.next());
      check(progress);
      where.at = banks.find((b) => b.index === g.bank)?.sectors[g.first]?.address ?? where.at;
      where.phase = 'erase';
      const t0 = performance.now();
      await runFlashCommand(runner, `flash erase_sector ${g.bank} ${g.first} ${g.last}`, `erasing sectors ${g.first}-${g.last} of bank ${g.bank} failed`, {
        timeoutMs: 30_000 + (g.last - g.first + 1) * 2_000,
      });
      pacer.record(g.bytes, performance.now() - t0);
      // Stopped now, the flash is changed up to the next sector.
      const bank = banks.find((b) => b.index === g.bank);
      where.at = bank?.sectors[g.last + 1]?.address ?? (bank ? bank.base + bank.size : where.at);
      erasedSectors += g.last - g.first + 1;
      progress.advance(g.bytes);
      i += g.count;
    }
  }

  const done: ProgramDone = { type: 'done', bytes: imageBytes, erasedSectors, seconds: 0, bytesPerSecond: 0 };
  await withChunkFiles(ctx.tempDir, async (files) => {
    const progress = new PhaseProgress('program', imageBytes, emit);
    progress.report();
    // Erased but not yet written: stopped now, the image is missing from its first byte.
    if (where.at !== undefined) where.at = chunks[0]?.address ?? where.at;
    const pacer = new Pacer(ctx.chunk.chunkSize, ctx.chunk.pace);
    for (let i = 0, n = 0; i < chunks.length; n++) {
      const c = joinChunks(chunks, i, pacer.next());
      check(progress);
      const path = await files.write(n, c.data);
      where.at = c.address;
      where.phase = 'program';
      const t0 = performance.now();
      // No `erase` keyword: the sectors were erased above (or the caller said not to).
      await runFlashCommand(runner, `flash write_image ${tclWord(path)} ${hex(c.address)} bin`,
        `writing ${c.data.length} bytes at ${formatAddress(c.address)} failed`, { timeoutMs: writeTimeout(c.data.length) });
      pacer.record(c.data.length, performance.now() - t0);
      where.at = c.address + c.data.length;
      progress.advance(c.imageBytes);
      i += c.count;
    }
    // The written chunks (fill included, it was written too) are what the flash must hold.
    if (opts.verify ?? true) {
      where.phase = 'verify';
      done.verify = await verifyByChecksum({ runner, memory: ctx.memory, files }, chunks, ctx.chunk.chunkSize, emit, signal, ctx.chunk.pace);
    }
  });

  if (opts.reset && (done.verify === undefined || done.verify.ok)) {
    await runFlashCommand(runner, 'reset run', 'programmed, but the reset afterwards failed', { timeoutMs: 30_000 });
  }
  done.seconds = (performance.now() - started) / 1000;
  done.bytesPerSecond = done.seconds > 0 ? Math.round(imageBytes / done.seconds) : 0;
  return done;
}

function cancelledResult(p: PhaseProgress, where: Where, reason: unknown): ProgramCancelled {
  if (isFlashInterrupt(reason)) return interruptedResult(p, where, reason.why);
  const state =
    p.phase === 'erase'
      ? p.done > 0
        ? 'the flash is partly erased: the old firmware is damaged'
        : 'nothing was changed'
      : p.phase === 'program'
        ? 'the flash is partly written: the target holds an incomplete image'
        : 'the image was fully written but not completely verified';
  const redo = p.phase === 'verify' || (p.phase === 'erase' && p.done === 0) ? '' : ' Program it again before running it.';
  return {
    type: 'cancelled',
    phase: p.phase,
    done: p.done,
    total: p.total,
    message: `Cancelled during ${p.phase} after ${p.done} of ${p.total} bytes; ${state}.${redo}`,
  };
}

/** Stopped by a signal (not the user's Cancel): the chunk in flight was finished; say where and what to do. */
function interruptedResult(p: PhaseProgress, where: Where, why: string): ProgramCancelled {
  const base = { type: 'cancelled' as const, phase: p.phase, done: p.done, total: p.total };
  if (where.at === undefined) return { ...base, message: `${why}: the flash was interrupted before anything was changed; flash again.` };
  if (where.phase === 'verify') return { ...base, message: `${why}: the flash was interrupted during verify; the image was written but not completely verified: flash again.` };
  return { ...base, message: `${why}: ${interruptedSentence(where.at)}.` };
}
