// Unit tests: the remote_bitbang session's noisy-link seeding.
import { describe, expect, it } from 'vitest';
import { Board } from './board';
import { parseFaults } from './faults';
import { connectionSeed, RemoteBitbangSession } from './remote-bitbang';

/** TDO as read through a noisy link: 2000 'R' reads outside a shift state (all ones when clean). */
function noisyReads(seed: number): string {
  const b = new Board();
  b.powerOn();
  b.applyFaults(parseFaults(['noisy-link:0.05']));
  const s = new RemoteBitbangSession(b, seed);
  return s.process(Buffer.from('R'.repeat(2000))).reply!.toString();
}

describe('noisy link seeding', () => {
  it('gives every connection of a board its own error pattern, reproducibly', () => {
    const first = noisyReads(connectionSeed(0x5eed, 0));
    const second = noisyReads(connectionSeed(0x5eed, 1));
    expect(first).toContain('0'); // flipped bits
    expect(second).not.toBe(first); // a retry on a new connection fails differently
    expect(noisyReads(connectionSeed(0x5eed, 0))).toBe(first); // same board seed, same sequence
    expect(noisyReads(connectionSeed(42, 0))).not.toBe(first); // an explicit seed changes it
  });
});
