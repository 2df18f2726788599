// Benchmark: `program` + verify of 64 KiB through stock OpenOCD into the virtual board.
// OpenOCD is started and `init`ed first; the measured window is the one TCL `program ...
// verify` command only, so neither Node's nor OpenOCD's start-up (module loading, config
// parsing, JTAG examine) is counted. Both sides' CPU is a delta over that same window:
// the board (in this process) by process.cpuUsage(), OpenOCD by /proc/<pid>/stat.
// Runs over TCP (the default) and over a Unix-domain socket, then measures the board's
// CPU share while its blink firmware runs with OpenOCD attached.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assetsDir } from '../main/paths';
import { Board, startVirtualBoard, type VirtualBoard } from '../main/vboard/index';
import { bareTclClient } from './_tcl-client';

const CLK_TCK = 100; // Linux USER_HZ
const SIZE = 64 * 1024;
// Knobs for profiling one part: VBOARD_BENCH_RUNS=5 VBOARD_BENCH_ONLY=unix|tcp|idle|interp.
const RUNS = Number(process.env.VBOARD_BENCH_RUNS ?? 3);
const ONLY = process.env.VBOARD_BENCH_ONLY;

function procCpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) after the parenthesised comm.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address();
  await new Promise<void>((r) => srv.close(() => r()));
  if (typeof addr !== 'object' || !addr) throw new Error('no port');
  return addr.port;
}


interface RunResult {
  ok: boolean;
  secs: number;
  boardCpu: number;
  boardUser: number;
  boardSys: number;
  ocdCpu: number;
  roundTrips: number;
}

async function programOnce(board: VirtualBoard, env: NodeJS.ProcessEnv, img: string): Promise<RunResult> {
  const cfgPath = path.join(assetsDir(), 'openocd', 'vboard.cfg'); // wherever the bench is run from
  const tclPort = await freePort();
  const { VBOARD_SOCKET: _inherited, ...parentEnv } = process.env; // the run picks its own link
  const proc = spawn('openocd', ['-f', cfgPath, '-f', 'target/stm32f1x.cfg', '-c', `tcl_port ${tclPort}; telnet_port disabled; gdb_port disabled`, '-c', 'init'], {
    env: { ...parentEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  try {
    const { cmd: tcl } = await bareTclClient(tclPort, proc, 10_000);
    const trips0 = board.stats().roundTrips;
    const ocd0 = procCpuSeconds(proc.pid!);
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await tcl(`program ${img} 0x08000000 verify`);
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const ocdCpu = procCpuSeconds(proc.pid!) - ocd0;
    const roundTrips = board.stats().roundTrips - trips0;
    void tcl('shutdown');
    await exited;
    const ok = log.includes('** Verified OK **');
    if (!ok) console.log(log.split('\n').slice(-15).join('\n'));
    const boardUser = cpu.user / 1e6;
    const boardSys = cpu.system / 1e6;
    return { ok, secs, boardCpu: boardUser + boardSys, boardUser, boardSys, ocdCpu, roundTrips };
  } finally {
    if (proc.exitCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  }
}

function report(label: string, runs: RunResult[]): void {
  console.log(`vboard program+verify 64 KiB over ${label} (${runs.length} runs; window = the TCL program command)`);
  for (const r of runs) {
    console.log(
      `  ${r.ok ? 'verified' : 'FAILED  '}  wall ${r.secs.toFixed(2)} s (${(SIZE / 1024 / r.secs).toFixed(1)} KiB/s)` +
        `  board CPU ${r.boardCpu.toFixed(2)} s (user ${r.boardUser.toFixed(2)}, sys ${r.boardSys.toFixed(2)})` +
        `  OpenOCD CPU ${r.ocdCpu.toFixed(2)} s  board/OpenOCD ${(r.boardCpu / Math.max(r.ocdCpu, 0.01)).toFixed(2)}` +
        `  round trips ${r.roundTrips}  (${((r.boardCpu / r.roundTrips) * 1e6).toFixed(1)} vs ${((r.ocdCpu / r.roundTrips) * 1e6).toFixed(1)} us/trip)`,
    );
  }
  const med = <T>(xs: T[], f: (x: T) => number): number => xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `  median: wall ${med(runs, (r) => r.secs).toFixed(2)} s, ${med(runs, (r) => SIZE / 1024 / r.secs).toFixed(1)} KiB/s, board ${med(runs, (r) => r.boardCpu).toFixed(2)} s,` +
      ` OpenOCD ${med(runs, (r) => r.ocdCpu).toFixed(2)} s, ratio ${med(runs, (r) => r.boardCpu / Math.max(r.ocdCpu, 0.01)).toFixed(2)}`,
  );
}

// OpenOCD 0.12's on-target CRC (contrib/loaders/checksum/armv7m_crc.s), as `verify` loads it.
const CRC_CODE = [0x4602, 0x2000, 0x43c0, 0x4e0a, 0x460b, 0x2400, 0xe00d, 0x5d11, 0x0609, 0x4048, 0x2500, 0x2800, 0xda02, 0x0040, 0x4070, 0xe000, 0x0040, 0x3501, 0x2d08, 0xd1f6, 0x3401, 0x429c, 0xd1ef, 0xbe00];

/** The interpreter alone: OpenOCD's CRC over the 64 KiB flash, run to its BKPT. */
function interpRun(): void {
  const board = new Board();
  board.powerOn();
  board.core.dhcsrCtrl = 1; // C_DEBUGEN: the BKPT halts
  const base = 0x20000000;
  CRC_CODE.forEach((h, i) => board.bus.write(base + i * 2, 2, h));
  board.bus.write(base + CRC_CODE.length * 2, 4, 0x04c11db7);
  const times: number[] = [];
  let per = 0;
  for (let run = 0; run < 5; run++) {
    board.core.halted = false;
    board.core.r[15] = base;
    board.core.r[0] = 0x08000000;
    board.core.r[1] = SIZE;
    const n0 = board.engine.retired;
    const t0 = process.hrtime.bigint();
    while (!board.core.halted) board.engine.run(board.core, 50_000);
    const ns = Number(process.hrtime.bigint() - t0);
    per = board.engine.retired - n0;
    times.push(ns / per);
  }
  times.sort((a, b) => a - b);
  console.log(`interpreter: OpenOCD CRC over 64 KiB = ${(per / 1e6).toFixed(2)}M instructions, ${times[2]!.toFixed(1)} ns/instruction (median of 5; best ${times[0]!.toFixed(1)})`);
}

async function main(): Promise<void> {
  if (!ONLY || ONLY === 'interp') interpRun();
  if (ONLY === 'interp') return;
  const dir = mkdtempSync(path.join(tmpdir(), 'vboard-bench-'));
  const img = path.join(dir, 'img.bin');
  writeFileSync(img, randomBytes(SIZE));
  try {
    if (!ONLY || ONLY === 'tcp') {
      const tcp = await startVirtualBoard({ port: 0 });
      try {
        const runs: RunResult[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await programOnce(tcp, { VBOARD_PORT: String(tcp.port) }, img));
        report('TCP', runs);
      } finally {
        await tcp.close();
      }
    }
    if (!ONLY || ONLY === 'unix') {
      const socketPath = path.join(dir, 'vboard.sock');
      const unix = await startVirtualBoard({ socketPath });
      try {
        const runs: RunResult[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await programOnce(unix, { VBOARD_SOCKET: socketPath }, img));
        report('Unix socket', runs);
      } finally {
        await unix.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!ONLY || ONLY === 'idle') await idleRun();
}

/** A fresh board (blink firmware) with OpenOCD attached and the target left running:
 *  how much CPU does the board take? */
async function idleRun(): Promise<void> {
  const cfgPath = path.join(assetsDir(), 'openocd', 'vboard.cfg');
  const board = await startVirtualBoard({ port: 0 });
  const proc = spawn('openocd', ['-f', cfgPath, '-f', 'target/stm32f1x.cfg', '-c', 'tcl_port disabled; telnet_port disabled; gdb_port disabled', '-c', 'init; reset run'], {
    env: { ...process.env, VBOARD_PORT: String(board.port) },
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const cpu0 = process.cpuUsage();
    const ocd0 = procCpuSeconds(proc.pid!);
    const t0 = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, 3000));
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const boardCpu = (cpu.user + cpu.system) / 1e6;
    const ocd = procCpuSeconds(proc.pid!) - ocd0;
    console.log(`idle-running blink firmware, OpenOCD attached (${secs.toFixed(1)} s):`);
    console.log(`  board CPU        ${((boardCpu / secs) * 100).toFixed(1)}% of one core   OpenOCD ${((ocd / secs) * 100).toFixed(1)}%`);
  } finally {
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    await board.close();
  }
}

void main();
