// readBytes of 16 KB of SRAM on the virtual board through the library (Session.memory),
// against the same read_memory commands sent by hand over a raw TCL socket, in the same
// run and interleaved so both see the same board and OpenOCD. Prints both and the ratio
// library/raw (target <= 1.05). The library's share is: the client's error-status wrapper,
// its reply framing, and decoding ~45 KB of hex text into bytes.
import net from 'node:net';
import { connectOptions, type TclEndpoint } from '../main/openocd/ports';
import { VBOARD_PROFILE } from '../main/profiles/builtin';
import { Session } from '../main/session/session';

const SRAM = 0x20000000;
const LENGTH = 16 * 1024;
const ROUNDS = 20;

/** One TCL RPC exchange, no library: text + 0x1a out, read until 0x1a. */
class RawTcl {
  private buf: Buffer[] = [];
  private waiter: ((reply: string) => void) | undefined;
  private constructor(private readonly sock: net.Socket) {
    sock.setNoDelay(true);
    sock.on('data', (d: Buffer) => {
      const i = d.indexOf(0x1a);
      if (i < 0) {
        this.buf.push(d);
        return;
      }
      const reply = Buffer.concat([...this.buf, d.subarray(0, i)]).toString('utf8');
      this.buf = [];
      const w = this.waiter;
      this.waiter = undefined;
      w?.(reply);
    });
  }
  static connect(ep: TclEndpoint): Promise<RawTcl> {
    return new Promise((resolve, reject) => {
      // The same way in as the library's: the tcl port, or the namespace relay's socket.
      const s = net.connect(connectOptions(ep), () => resolve(new RawTcl(s)));
      s.once('error', reject);
    });
  }
  command(tcl: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.sock.write(tcl + '\x1a');
    });
  }
  close(): void {
    this.sock.destroy();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const session = await Session.start(VBOARD_PROFILE);
  let raw: RawTcl | undefined;
  try {
    const ep = session.controller?.tclEndpoint();
    if (ep === undefined) throw new Error('no tcl endpoint');
    raw = await RawTcl.connect(ep);
    await session.target.halt();
    const pattern = new Uint8Array(LENGTH).map((_, i) => (i * 31 + 7) & 0xff);
    await session.memory.writeBytes(SRAM, pattern);

    // The commands the library sends for this read (64 KB chunks: one command here).
    const rawCommands = [`read_memory 0x${SRAM.toString(16)} 32 ${LENGTH / 4}`];

    // Warm-up: the library asks the byte order once; both paths fill caches.
    const check = await session.memory.readBytes(SRAM, LENGTH);
    if (!Buffer.from(check).equals(Buffer.from(pattern))) throw new Error('library read returned wrong data');
    for (const c of rawCommands) await raw.command(c);

    const lib: number[] = [];
    const rawTimes: number[] = [];
    const timeLib = async (): Promise<void> => {
      const t = process.hrtime.bigint();
      await session.memory.readBytes(SRAM, LENGTH);
      lib.push(Number(process.hrtime.bigint() - t) / 1e6);
    };
    const timeRaw = async (): Promise<void> => {
      const t = process.hrtime.bigint();
      for (const c of rawCommands) await (raw as RawTcl).command(c);
      rawTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    };
    // Alternate which goes first, so neither always follows the other's background poll.
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        await timeLib();
        await timeRaw();
      } else {
        await timeRaw();
        await timeLib();
      }
    }
    const l = median(lib);
    const r = median(rawTimes);
    console.log(`memory.readBytes 16 KB (virtual board, median of ${ROUNDS})`);
    console.log(`  library : ${l.toFixed(1)} ms  (${((LENGTH / 1024) / (l / 1000)).toFixed(1)} KB/s)`);
    console.log(`  raw TCL : ${r.toFixed(1)} ms  (${((LENGTH / 1024) / (r / 1000)).toFixed(1)} KB/s)`);
    console.log(`  ratio library/raw: ${(l / r).toFixed(3)} (target <= 1.05)`);
  } finally {
    raw?.close();
    await session.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
