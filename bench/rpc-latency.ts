// Round-trip latency of TclRpcClient (with its error-detection wrapper) against
// the same commands over a raw socket with the bare 0x1a framing, on one real
// OpenOCD (dummy adapter), in the same process and run. ROUNDS rounds of N echoes each
// way, interleaved; prints each round's medians and ratio, then the median ratio over
// the rounds (one round can be skewed by other load on the machine); no pass/fail.
import net from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findOpenOcd } from '../main/openocd/binary';
import { buildOpenOcdArgs } from '../main/openocd/args';
import { freePorts } from '../main/openocd/ports';
import { OpenOcdProcess } from '../main/openocd/process';
import type { TclRpcClient } from '../main/openocd/rpc-client';

const N = 2000;
const ROUNDS = 5;
const CMD = 'echo bench';

function rawRoundTrip(socket: net.Socket): (cmd: string) => Promise<void> {
  let waiter: (() => void) | undefined;
  socket.setNoDelay(true);
  socket.on('data', (d: Buffer) => {
    if (d.indexOf(0x1a) >= 0) waiter?.();
  });
  return (cmd) =>
    new Promise<void>((resolve) => {
      waiter = resolve;
      socket.write(`${cmd}\x1a`);
    });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] as number;
}

async function main(): Promise<void> {
  const bin = await findOpenOcd({});
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-bench-'));
  const cfg = path.join(dir, 'dummy.cfg');
  await fs.writeFile(cfg, 'adapter driver dummy\n');
  const [tcl] = await freePorts(1);
  const proc = new OpenOcdProcess({
    binary: bin.path,
    args: buildOpenOcdArgs(
      { id: 'bench', name: 'bench', kind: 'configs', interfaceCfg: cfg, transport: 'jtag', adapterSpeedKhz: 1000, extraCommands: ['jtag newtap dummy cpu -irlen 4'] },
      { ports: { tcl: tcl as number } },
    ),
    logCapacity: 100,
  });
  let client: TclRpcClient | undefined;
  let raw: net.Socket | undefined;
  try {
    client = await proc.waitReady({ port: tcl as number, timeoutMs: 20_000 });
    raw = net.connect({ host: '127.0.0.1', port: tcl as number });
    await new Promise((r) => raw?.once('connect', r));
    const rawCmd = rawRoundTrip(raw);
    const c = client;

    for (let i = 0; i < 200; i++) {
      await c.command(CMD);
      await rawCmd(CMD);
    }
    console.log(`OpenOCD ${bin.version}, dummy adapter, ${ROUNDS} rounds of ${N} x '${CMD}' each way`);
    const ratios: number[] = [];
    const allClient: number[] = [];
    const allRaw: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const clientTimes: number[] = [];
      const rawTimes: number[] = [];
      // Interleaved one by one (ABAB…, the order flipped every other pair) so that
      // load from other processes on the machine hits both series alike.
      for (let i = 0; i < N; i++) {
        const clientFirst = i % 2 === 0;
        for (const which of clientFirst ? ['client', 'raw'] : ['raw', 'client']) {
          const t0 = process.hrtime.bigint();
          if (which === 'client') await c.command(CMD);
          else await rawCmd(CMD);
          (which === 'client' ? clientTimes : rawTimes).push(Number(process.hrtime.bigint() - t0) / 1000);
        }
      }
      const mc = median(clientTimes);
      const mr = median(rawTimes);
      ratios.push(mc / mr);
      allClient.push(...clientTimes);
      allRaw.push(...rawTimes);
      console.log(`round ${round}: client median ${mc.toFixed(1)} us, raw median ${mr.toFixed(1)} us, ratio ${(mc / mr).toFixed(3)}`);
    }
    console.log(`TclRpcClient (wrapped), all rounds: median ${median(allClient).toFixed(1)} us  p90 ${pct(allClient, 0.9).toFixed(1)} us`);
    console.log(`raw socket, all rounds            : median ${median(allRaw).toFixed(1)} us  p90 ${pct(allRaw, 0.9).toFixed(1)} us`);
    console.log(`ratio client/raw, median of ${ROUNDS} rounds: ${median(ratios).toFixed(3)} (rounds: ${ratios.map((r) => r.toFixed(3)).join(', ')})`);
  } finally {
    raw?.destroy();
    await proc.stop({ rpc: client });
    client?.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
