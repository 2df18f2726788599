// Programming through an OpenOCD on another machine cannot work (it reads our temp
// files by path): the refusal comes before any command, with what to do instead.
import { describe, expect, it } from 'vitest';
import { FlashError } from '../../openocd/errors';
import { parseImage } from '../../images/load';
import { isLoopback } from '../loopback';
import { RecordedRunner } from '../testing/recorded-runner';
import { Flash } from './flash';
import type { FlashEvent } from './types';

const image = parseImage(new Uint8Array(64), 'fw.bin', { address: 0x08000000 });

describe('Flash with a remote OpenOCD', () => {
  it('refuses program and verify up front with a FlashError explaining why', async () => {
    const r = new RecordedRunner();
    const flash = new Flash(r, { openocdHost: '192.168.1.20' });
    const events: FlashEvent[] = [];
    const err = await flash.program(image, { onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlashError);
    expect((err as FlashError).message).toBe('cannot program through the OpenOCD at 192.168.1.20: it runs on another machine');
    expect((err as FlashError).hint).toMatch(/run `bringup flash FILE --connect 127\.0\.0\.1:PORT` on that machine/);
    expect(events).toEqual([{ type: 'failed', error: expect.objectContaining({ kind: 'FlashError' }) }]);
    await expect(flash.verify(image)).rejects.toThrow(FlashError);
    expect(r.sent).toEqual([]);
  });

  it('knows which hosts are this machine', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['10.0.0.2', 'lab-pi.local', '::ffff:10.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });
});
