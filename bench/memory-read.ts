// Memory read rate on the virtual board's JTAG path, next to its floor in the same run.
// Floor: OpenOCD against a remote_bitbang peer that answers at once and computes nothing:
// it replays, reply for reply, what the board answered in a recorded run of the same
// commands (init, poll off, halt, then the reads). So the floor is OpenOCD plus the socket,
// and board/floor is what simulating the chip costs. The replay is checked: its reads
// must return the board's bytes, or the figures are not printed as comparable.
// Also prints the library's bounded (chunked, with progress) read of 1 MiB.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { assetsDir } from '../main/paths';
import { VBOARD_PROFILE } from '../main/profiles/builtin';
import { readBounded } from '../main/session/memory-read';
import { Session } from '../main/session/session';
import { startVirtualBoard } from '../main/vboard/index';
import { bareTclClient } from './_tcl-client';

const READ = 'read_memory 0x08000000 32 16384'; // 64 KiB of flash
const BYTES = 64 * 1024;
const REPS = Number(process.env.MEMREAD_BENCH_REPS ?? 3);

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function listen(onConn: (s: net.Socket) => void): Promise<{ port: number; close(): void }> {
  const srv = net.createServer((s) => {
    s.setNoDelay(true);
    onConn(s);
  });
  return new Promise((resolve) =>
    srv.listen(0, '127.0.0.1', () => resolve({ port: (srv.address() as net.AddressInfo).port, close: () => srv.close() })),
  );
}

/** A proxy to the board that keeps every byte the board sends back (one per 'R'). */
async function recordingProxy(boardPort: number): Promise<{ port: number; replies: () => Buffer; close(): void }> {
  const got: Buffer[] = [];
  const l = await listen((client) => {
    const up = net.connect(boardPort, '127.0.0.1');
    up.setNoDelay(true);
    client.pipe(up);
    up.on('data', (d: Buffer) => {
      got.push(Buffer.from(d));
      client.write(d);
    });
    client.on('close', () => up.destroy());
    up.on('close', () => client.destroy());
    client.on('error', () => undefined);
    up.on('error', () => undefined);
  });
  return { port: l.port, replies: () => Buffer.concat(got), close: l.close };
}

/** The floor peer: for each 'R' the next recorded reply, at once; '0' once the recording runs out. */
async function replayPeer(replies: Buffer): Promise<{ port: number; overrun: () => number; close(): void }> {
  let over = 0;
  const l = await listen((s) => {
    let pos = 0;
    s.on('data', (d: Buffer) => {
      let k = 0;
      for (let i = 0; i < d.length; i++) if (d[i] === 0x52) k++;
      if (k === 0) return;
      const out = Buffer.alloc(k, 0x30);
      const n = Math.min(k, replies.length - pos);
      if (n > 0) replies.copy(out, 0, pos, pos + n);
      over += k - Math.max(n, 0);
      pos += k;
      s.write(out);
    });
    s.on('error', () => undefined);
  });
  return { port: l.port, overrun: () => over, close: l.close };
}


/** One OpenOCD against the peer on `peerPort`: init, poll off, halt, then REPS timed reads. */
async function run(peerPort: number): Promise<{ ms: number[]; digest: string }> {
  const tclPort = await freePort();
  const { VBOARD_SOCKET: _inherited, ...env } = process.env;
  const proc = spawn(
    'openocd',
    ['-f', path.join(assetsDir(), 'openocd', 'vboard.cfg'), '-f', 'target/stm32f1x.cfg', '-c', `tcl_port ${tclPort}; telnet_port disabled; gdb_port disabled`, '-c', 'init', '-c', 'poll off', '-c', 'halt'],
    { env: { ...env, VBOARD_PORT: String(peerPort) }, stdio: ['ignore', 'ignore', process.env.MEMREAD_BENCH_DEBUG ? 'inherit' : 'ignore'] },
  );
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  try {
    const tcl = await bareTclClient(tclPort, proc);
    const ms: number[] = [];
    const hash = createHash('sha256');
    for (let i = 0; i < REPS; i++) {
      const t = process.hrtime.bigint();
      const reply = await tcl.cmd(READ);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      hash.update(reply);
    }
    void tcl.cmd('shutdown');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    tcl.close();
    return { ms, digest: hash.digest('hex') };
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    await exited;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kibs = (ms: number): string => `${(BYTES / 1024 / (ms / 1000)).toFixed(1)} KiB/s`;

async function main(): Promise<void> {
  const board = await startVirtualBoard({ port: 0, host: '127.0.0.1' });
  try {
    const direct = await run(board.port);
    const proxy = await recordingProxy(board.port);
    const recorded = await run(proxy.port);
    proxy.close();
    const replay = await replayPeer(proxy.replies());
    const floor = await run(replay.port);
    replay.close();
    const matches = floor.digest === recorded.digest && recorded.digest === direct.digest && replay.overrun() === 0;
    const b = median(direct.ms);
    const f = median(floor.ms);
    console.log(`vboard JTAG path: ${READ} (64 KiB of flash), median of ${REPS}, OpenOCD over TCP`);
    console.log(`  board (simulated chip)      : ${b.toFixed(0)} ms  ${kibs(b)}`);
    console.log(`  floor (replay peer, no work): ${f.toFixed(0)} ms  ${kibs(f)}  (${proxy.replies().length} replies replayed)`);
    console.log(`  ratio board/floor: ${(b / f).toFixed(2)} (goal <= 1.5)${matches ? '' : '  [replay diverged: floor not comparable]'}`);
  } finally {
    await board.close();
  }

  // The library's bounded read (chunks, progress events) of 1 MiB, against one plain readBytes of it.
  const s = await Session.start(VBOARD_PROFILE);
  try {
    await s.target.halt();
    const ALIAS = 0x42380000; // 1 MiB, all readable: the peripheral bit-band alias
    let t = process.hrtime.bigint();
    await s.memory.readBytes(ALIAS, 1 << 20);
    const plain = Number(process.hrtime.bigint() - t) / 1e6;
    let steps = 0;
    t = process.hrtime.bigint();
    const r = await readBounded(s.memory, ALIAS, 1 << 20, { onProgress: () => steps++ });
    const bounded = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(`1 MiB read through the library (virtual board, Unix socket or TCP as the profile picks)`);
    console.log(`  readBytes (all chunks queued): ${(plain / 1000).toFixed(2)} s  ${(1024 / (plain / 1000)).toFixed(1)} KiB/s`);
    console.log(`  readBounded (${steps} progress steps, cancellable): ${(bounded / 1000).toFixed(2)} s  ${(1024 / (bounded / 1000)).toFixed(1)} KiB/s  complete=${r.complete}`);
    console.log(`  ratio bounded/plain: ${(bounded / plain).toFixed(2)}`);
  } finally {
    await s.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
