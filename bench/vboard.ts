// Benchmark: `program` + verify of 64 KiB through stock OpenOCD into the virtual board.
// Prints throughput and the CPU time of the board (in this process) against OpenOCD's.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startVirtualBoard } from '../main/vboard/index';

const CLK_TCK = 100; // Linux USER_HZ

function procCpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) after the parenthesised comm.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vboard-bench-'));
  const img = path.join(dir, 'img.bin');
  const size = 64 * 1024;
  writeFileSync(img, randomBytes(size));
  const board = await startVirtualBoard({ port: 0 });
  // Run from the repository root (scripts/bench.mjs does).
  const cfgPath = path.resolve('assets/openocd/vboard.cfg');
  try {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const proc = spawn('openocd', ['-f', cfgPath, '-f', 'target/stm32f1x.cfg', '-c', 'tcl_port disabled; telnet_port disabled; gdb_port disabled', '-c', `program ${img} 0x08000000 verify`, '-c', 'shutdown'], {
      env: { ...process.env, VBOARD_PORT: String(board.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    proc.stdout.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (log += d.toString()));
    let openocdCpu = 0;
    const sampler = setInterval(() => {
      try {
        openocdCpu = procCpuSeconds(proc.pid!);
      } catch {
        /* exited between samples */
      }
    }, 50);
    // Sample one last time just before the process is reaped.
    proc.stdout.on('end', () => {
      try {
        openocdCpu = procCpuSeconds(proc.pid!);
      } catch {
        /* already gone */
      }
    });
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    clearInterval(sampler);
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const boardCpu = (cpu.user + cpu.system) / 1e6;
    const verified = log.includes('** Verified OK **');
    console.log(`vboard program+verify 64 KiB: ${verified ? 'verified' : `FAILED (exit ${code})`}`);
    console.log(`  wall time        ${secs.toFixed(2)} s   (${(size / 1024 / secs).toFixed(2)} KiB/s)`);
    console.log(`  board CPU        ${boardCpu.toFixed(2)} s   (${((boardCpu / secs) * 100).toFixed(1)}% of one core; user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s)`);
    console.log(`  OpenOCD CPU      ${openocdCpu.toFixed(2)} s   (${((openocdCpu / secs) * 100).toFixed(1)}% of one core)`);
    console.log(`  board/OpenOCD    ${(boardCpu / Math.max(openocdCpu, 0.01)).toFixed(2)}`);
    if (!verified) console.log(log.split('\n').slice(-15).join('\n'));
  } finally {
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
