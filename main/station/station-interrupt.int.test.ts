// Issue 17: a station stopped by a signal mid-flash (serve's or the app's SIGTERM, or
// `bringup station`'s): the board's row in the record says where its flash stopped and to
// flash it again, and the board then flashes fine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FlashInterrupt } from '../session/flash/interrupted';
import { loadJob } from './job';
import { Station } from './station';
import { startVboards } from './vboard-slots';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-station-int-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('a signal mid-flash: the row says "the flash was interrupted at 0x…; … flash again"; the board then passes', async () => {
  const img = path.join(tmp, 'fw.bin');
  writeFileSync(img, Buffer.from(Array.from({ length: 40 * 1024 }, (_, i) => (i * 13 + 5) & 0xff)));
  writeFileSync(path.join(tmp, 'job.json'), JSON.stringify({ name: 'cut', image: 'fw.bin', address: '0x08000000' }));
  const loaded = await loadJob(path.join(tmp, 'job.json'));
  const boards = await startVboards(1);
  try {
    let stopped = false;
    const ref: { station?: Station } = {};
    const station = (ref.station = await Station.open(loaded, boards.slots, {
      name: 'bench',
      recordPath: path.join(tmp, 'record.jsonl'),
      onSlot: (s) => {
        if (!stopped && s.phase === 'program' && (s.progress ?? 0) > 0) {
          stopped = true;
          ref.station?.stopAll(new FlashInterrupt('SIGTERM'));
        }
      },
    }));
    const [row] = await station.runAll();
    expect(stopped).toBe(true);
    expect(row?.result).toBe('fail');
    expect(row?.errorMessage).toMatch(/SIGTERM: the flash was interrupted at 0x080[0-9a-f]{5}; the chip is partly programmed: flash again/);
    await station.recorded();

    const again = await Station.open(loaded, boards.slots, { name: 'bench', recordPath: path.join(tmp, 'record.jsonl') });
    expect((await again.runAll()).map((r) => r.result)).toEqual(['pass']);
  } finally {
    await boards.close();
  }
});
