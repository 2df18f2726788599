// The job wrapper's promises: an id at once, exactly one final event whatever the
// flash layer does, cancel by id, one job at a time. The flash layer is a stand-in
// here (the real one is covered by the e2e flash spec against the virtual board).
import { describe, expect, it } from 'vitest';
import type { FlashJobEvent } from '../../shared/workbench';
import type { Image } from '../images/types';
import type { Session } from '../session/session';
import type { ProgramOptions } from '../session/flash/types';
import { FlashJobs } from './flash-jobs';

const image: Image = { format: 'bin', source: 't.bin', segments: [{ address: 0x08000000, data: new Uint8Array(8) }] };

function fakeSession(program: (opts: ProgramOptions) => Promise<unknown>): Session {
  return { flash: { program: (_img: Image, opts: ProgramOptions) => program(opts) } } as unknown as Session;
}

function collect(): { events: FlashJobEvent[]; final: Promise<FlashJobEvent>; emit(e: FlashJobEvent): void } {
  const events: FlashJobEvent[] = [];
  let resolve!: (e: FlashJobEvent) => void;
  const final = new Promise<FlashJobEvent>((r) => (resolve = r));
  return {
    events,
    final,
    emit(e) {
      events.push(e);
      if (e.type !== 'progress') resolve(e);
    },
  };
}

describe('FlashJobs', () => {
  it('passes progress through and ends with the done event, tagged with the job id', async () => {
    const jobs = new FlashJobs();
    const c = collect();
    const { jobId } = jobs.start(
      fakeSession(async (o) => {
        o.onEvent?.({ type: 'progress', phase: 'program', done: 4, total: 8, bytesPerSecond: 100 });
        o.onEvent?.({ type: 'done', bytes: 8, erasedSectors: 1, seconds: 0.1, bytesPerSecond: 80, verify: { ok: true, bytes: 8 } });
      }),
      { op: 'program', image, verify: true },
      c.emit,
    );
    const final = await c.final;
    expect(final).toMatchObject({ jobId, op: 'program', type: 'done', verify: { ok: true } });
    expect(c.events.map((e) => e.type)).toEqual(['progress', 'done']);
  });

  it('a throw with no event of its own still ends in exactly one failed event', async () => {
    const jobs = new FlashJobs();
    const c = collect();
    jobs.start(fakeSession(() => Promise.reject(new Error('wire fell off'))), { op: 'program', image, verify: true }, c.emit);
    expect(await c.final).toMatchObject({ type: 'failed', error: { message: 'wire fell off' } });
    // The library's own failed event plus its throw must not give two final events.
    const c2 = collect();
    jobs.start(
      fakeSession(async (o) => {
        o.onEvent?.({ type: 'failed', error: { kind: 'FlashError', message: 'stm32x device protected' } });
        throw new Error('stm32x device protected');
      }),
      { op: 'program', image, verify: true },
      c2.emit,
    );
    await c2.final;
    await new Promise((r) => setImmediate(r));
    expect(c2.events.filter((e) => e.type !== 'progress')).toHaveLength(1);
  });

  it('runs one job at a time and cancels by id through the abort signal', async () => {
    const jobs = new FlashJobs();
    const c = collect();
    const { jobId } = jobs.start(
      fakeSession(
        (o) =>
          new Promise((resolve) => {
            o.signal?.addEventListener('abort', () => {
              o.onEvent?.({ type: 'cancelled', phase: 'program', done: 4, total: 8, message: 'partly written' });
              resolve(undefined);
            });
          }),
      ),
      { op: 'program', image, verify: true },
      c.emit,
    );
    expect(() => jobs.start(fakeSession(async () => undefined), { op: 'program', image, verify: true }, () => undefined)).toThrow(/still running/);
    expect(jobs.cancel('flash-999')).toEqual({ cancelled: false });
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true });
    expect(await c.final).toMatchObject({ type: 'cancelled', message: 'partly written' });
    await new Promise((r) => setImmediate(r));
    // Free again once the job ended.
    const c3 = collect();
    jobs.start(fakeSession(async (o) => o.onEvent?.({ type: 'done', bytes: 0, erasedSectors: 0, seconds: 0, bytesPerSecond: 0 })), { op: 'program', image, verify: false }, c3.emit);
    expect((await c3.final).type).toBe('done');
  });
});
