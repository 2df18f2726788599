// OpenOCD remote_bitbang protocol, one ASCII char per pin event:
//   '0'..'7' write TCK/TMS/TDI (bit 2/1/0), 'R' read TDO -> '0'/'1',
//   'r'..'u' reset (bit 1 = TRST, bit 0 = SRST), 'B'/'b' blink, 'Q' quit.
// process() handles a whole incoming chunk in one loop and returns every reply byte
// for it at once, so the socket sees one write per chunk. The reply is a view of the
// session's own buffer (no copy per round trip): the caller must call detachReply() if
// the socket queued it instead of writing it at once, so the next chunk cannot overwrite it.
import type { Board } from './board';
import { Prng } from './prng';

const CH_0 = 0x30;
const CH_7 = 0x37;
const CH_R = 0x52;
const CH_r = 0x72;
const CH_u = 0x75;
const CH_Q = 0x51;

export const DEFAULT_NOISE_SEED = 0x5eed;

/** Seed for connection `n` (0, 1, ...) of a board whose noise seed is `base`: different
 *  for every connection, the same sequence for every board with the same base. */
export function connectionSeed(base: number, n: number): number {
  return (Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(n + 1, 0xc2b2ae35)) >>> 0;
}

export interface ProcessResult {
  reply: Buffer | undefined;
  quit: boolean;
}

export class RemoteBitbangSession {
  private tck = 0;
  private out: Buffer = Buffer.allocUnsafe(4096);
  private readonly noise: Prng;

  /** `seed`: of the noisy-link bit flips for this connection (see connectionSeed). */
  constructor(
    private readonly board: Board,
    seed = DEFAULT_NOISE_SEED,
  ) {
    this.noise = new Prng(seed);
  }

  /** The last reply is still queued in the socket: use a fresh buffer from now on. */
  detachReply(): void {
    this.out = Buffer.allocUnsafe(this.out.length);
  }

  process(data: Uint8Array): ProcessResult {
    const board = this.board;
    const chain = board.chain;
    const f = board.faults;
    const dead = f.unpowered;
    const swap = f.swappedWires;
    const noise = f.noiseRate;
    if (this.out.length < data.length) this.out = Buffer.allocUnsafe(data.length * 2);
    const out = this.out;
    let n = 0;
    let tck = this.tck;
    let connected = board.jtagPinsConnected;
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (c >= CH_0 && c <= CH_7) {
        let bits = c - CH_0;
        // Miswired: the adapter's TCK lands on the target's TMS pin and vice versa.
        if (swap) bits = (bits & 1) | ((bits & 2) << 1) | ((bits & 4) >> 1);
        const newTck = bits >> 2;
        if (newTck === 1 && tck === 0 && !dead && connected) {
          chain.clock((bits >> 1) & 1, bits & 1);
          // A DHCSR write may have resumed the core, which then takes the pins (reset-hold).
          if (f.resetHold) connected = board.jtagPinsConnected;
        }
        tck = newTck;
      } else if (c === CH_R) {
        let bit = dead ? 0 : connected ? chain.tdo() : 1;
        if (noise > 0 && this.noise.next() < noise) bit ^= 1;
        out[n++] = CH_0 + bit;
      } else if (c >= CH_r && c <= CH_u) {
        if (!dead) {
          const v = c - CH_r;
          board.setResetLines((v & 2) !== 0, (v & 1) !== 0);
          connected = board.jtagPinsConnected;
        }
      } else if (c === CH_Q) {
        this.tck = tck;
        return { reply: n ? out.subarray(0, n) : undefined, quit: true };
      }
      // 'B'/'b' (LED) and anything else: ignored
    }
    this.tck = tck;
    return { reply: n ? out.subarray(0, n) : undefined, quit: false };
  }
}
