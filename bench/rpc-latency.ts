// Round-trip latency of TclRpcClient (with its error-detection wrapper) against
// the same commands over a raw socket with the bare 0x1a framing (the floor), on real
// OpenOCDs (dummy adapter), in the same process and run: one on the host's loopback as
// before, and, where Linux allows it, one in a private network namespace behind the relay
// (main/openocd/netns.ts), which is how the app runs OpenOCD there. ROUNDS rounds of N
// echoes per series, interleaved; prints each round's medians and ratios, then the
// median ratios over the rounds (one round can be skewed by other load); no pass/fail.
import net from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findOpenOcd } from '../main/openocd/binary';
import { buildOpenOcdArgs } from '../main/openocd/args';
import { freePorts } from '../main/openocd/ports';
import { OpenOcdProcess } from '../main/openocd/process';
import type { TclRpcClient } from '../main/openocd/rpc-client';
import { netnsLaunchable, planIsolation, privateSocketDir } from '../main/openocd/netns';
import type { ConnectionProfile } from '../shared/profile';

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

interface Series {
  name: string;
  run: (cmd: string) => Promise<unknown>;
  times: number[];
}

async function main(): Promise<void> {
  const bin = await findOpenOcd({});
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-bench-'));
  const cfg = path.join(dir, 'dummy.cfg');
  await fs.writeFile(cfg, 'adapter driver dummy\n');
  const profile: ConnectionProfile = { id: 'bench', name: 'bench', kind: 'configs', interfaceCfg: cfg, transport: 'jtag', adapterSpeedKhz: 1000, extraCommands: ['jtag newtap dummy cpu -irlen 4'] };
  const [tcl] = await freePorts(1);
  const procs: OpenOcdProcess[] = [];
  const clients: TclRpcClient[] = [];
  const raws: net.Socket[] = [];
  const dirs = [dir];
  try {
    const proc = new OpenOcdProcess({ binary: bin.path, args: buildOpenOcdArgs(profile, { ports: { tcl: tcl as number } }), logCapacity: 100 });
    procs.push(proc);
    const client = await proc.waitReady({ port: tcl as number, timeoutMs: 20_000 });
    clients.push(client);
    const raw = net.connect({ host: '127.0.0.1', port: tcl as number });
    raws.push(raw);
    await new Promise((r) => raw.once('connect', r));
    const series: Series[] = [
      { name: 'client, host loopback', run: (c) => client.command(c), times: [] },
      { name: 'raw, host loopback (floor)', run: rawRoundTrip(raw), times: [] },
    ];

    // The same through the namespace relay, when this machine can make one.
    const iso = await planIsolation(profile);
    if (netnsLaunchable(iso)) {
      const nsDir = await privateSocketDir();
      dirs.push(nsDir);
      const nsProc = new OpenOcdProcess({ binary: bin.path, args: buildOpenOcdArgs(profile, { ports: { tcl: 6666 } }), logCapacity: 100, netns: { isolation: iso, dir: nsDir, forward: { tcl: 6666 } } });
      procs.push(nsProc);
      const sock = path.join(nsDir, 'tcl.sock');
      const nsClient = await nsProc.waitReady({ port: 6666, endpoint: { path: sock }, timeoutMs: 20_000 });
      clients.push(nsClient);
      const nsRaw = net.connect({ path: sock });
      raws.push(nsRaw);
      await new Promise((r) => nsRaw.once('connect', r));
      series.push({ name: 'client, netns relay', run: (c) => nsClient.command(c), times: [] }, { name: 'raw, netns relay', run: rawRoundTrip(nsRaw), times: [] });
    } else {
      console.log(`(no netns relay series: ${iso.mode === 'host' ? iso.reason : 'not launchable'})`);
    }

    for (let i = 0; i < 200; i++) for (const s of series) await s.run(CMD);
    console.log(`OpenOCD ${bin.version}, dummy adapter, ${ROUNDS} rounds of ${N} x '${CMD}' per series`);
    const floor = series[1] as Series;
    const ratios = new Map<string, number[]>(series.map((s) => [s.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      const roundTimes = series.map(() => [] as number[]);
      // Interleaved one by one, the order rotated every command, so that load from other
      // processes on the machine hits every series alike.
      for (let i = 0; i < N; i++) {
        for (let k = 0; k < series.length; k++) {
          const j = (i + k) % series.length;
          const t0 = process.hrtime.bigint();
          await (series[j] as Series).run(CMD);
          (roundTimes[j] as number[]).push(Number(process.hrtime.bigint() - t0) / 1000);
        }
      }
      const medians = roundTimes.map(median);
      const floorMedian = medians[1] as number;
      series.forEach((s, j) => {
        s.times.push(...(roundTimes[j] as number[]));
        ratios.get(s.name)?.push((medians[j] as number) / floorMedian);
      });
      console.log(`round ${round}: ${series.map((s, j) => `${s.name} ${(medians[j] as number).toFixed(1)} us`).join(', ')}`);
    }
    for (const s of series) {
      const r = ratios.get(s.name) ?? [];
      console.log(`${s.name.padEnd(28)}: median ${median(s.times).toFixed(1)} us  p90 ${pct(s.times, 0.9).toFixed(1)} us  x${median(r).toFixed(3)} of the floor (rounds: ${r.map((x) => x.toFixed(3)).join(', ')})`);
    }
    if (series.length === 4) {
      const relayCost = median((series[3] as Series).times) - median(floor.times);
      console.log(`relay cost (raw via netns relay - raw on host loopback): ${relayCost.toFixed(1)} us per round trip`);
    }
  } finally {
    for (const r of raws) r.destroy();
    for (const [i, p] of procs.entries()) await p.stop(clients[i] ? { rpc: clients[i] } : {});
    for (const c of clients) c.close();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
