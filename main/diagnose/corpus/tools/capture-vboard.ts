// Re-creates the corpus logs marked "real run, virtual board fault": starts the virtual
// board with one fault switched on, runs the installed OpenOCD against it the way the app
// does (assets/openocd/vboard.cfg + target/stm32f1x.cfg), and saves its output with a
// header that names the active check or answer the app would add.
// Usage (from the repo root):
//   npx esbuild main/diagnose/corpus/tools/capture-vboard.ts --bundle --platform=node \
//     --format=cjs --outfile=/tmp/capture-vboard.js && node /tmp/capture-vboard.js
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startVirtualBoard } from '../../../vboard/index';

const ROOT = process.cwd();
const CORPUS = path.join(ROOT, 'main/diagnose/corpus');
const VBOARD_CFG = path.join(ROOT, 'assets/openocd/vboard.cfg');

interface Capture {
  name: string;
  fault: string;
  situation: string;
  /** -c commands after the target cfg (init and what follows). */
  commands: string[];
  /** Extra header lines: what the app learned beside the log (checks, answers). */
  header?: string[];
}

async function runOnce(fault: string, commands: string[]): Promise<{ code: number | null; log: string; argv: string[] }> {
  const board = await startVirtualBoard({ port: 0, host: '127.0.0.1', faults: [fault] });
  try {
    const argv = ['-f', 'assets/openocd/vboard.cfg', '-f', 'target/stm32f1x.cfg', '-c', 'bindto 127.0.0.1', '-c', 'tcl_port disabled', '-c', 'telnet_port disabled', '-c', 'gdb_port disabled'];
    for (const c of commands) argv.push('-c', c);
    const proc = spawn('openocd', argv.map((a) => (a === 'assets/openocd/vboard.cfg' ? VBOARD_CFG : a)), {
      env: { ...process.env, VBOARD_PORT: String(board.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    proc.stdout.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    return { code, log, argv };
  } finally {
    await board.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capture-vboard-'));
  const img = path.join(dir, 'fw.bin');
  writeFileSync(img, Buffer.alloc(2048, 0x5a));
  // OpenOCD prints its version on stderr.
  const v = spawnSync('openocd', ['--version'], { encoding: 'utf8' });
  const ver = `${v.stdout ?? ''}${v.stderr ?? ''}`.split('\n')[0] ?? 'OpenOCD';
  const captures: Capture[] = [
    { name: 'target-unpowered--vboard-unpowered', fault: 'unpowered', situation: 'virtual board with its supply off; the user measured 0 V at the header', commands: ['init'], header: ['# checks: connect-under-reset=failed', '# answers: measuredVoltage=0'] },
    { name: 'wiring--vboard-swapped-wires', fault: 'swapped-wires', situation: 'virtual board with TCK and TMS crossed; the app retried with connect-under-reset and that failed too; the user measured 3.3 V at the header', commands: ['init'], header: ['# checks: connect-under-reset=failed', '# answers: measuredVoltage=3.3'] },
    { name: 'needs-reset-hold--vboard-reset-hold', fault: 'reset-hold', situation: 'virtual board whose firmware takes the JTAG pins at once; the app retried with connect-under-reset and that connected', commands: ['init'], header: ['# checks: connect-under-reset=ok'] },
    { name: 'flash-protected--vboard-read-protected', fault: 'read-protected', situation: 'virtual board with read protection on: reading and programming flash', commands: ['init', 'reset halt', 'catch {mdw 0x08000000}', 'stm32f1x options_read 0', `catch {program ${img} 0x08000000 verify}`, 'shutdown'] },
    { name: 'flash-protected--vboard-write-protected', fault: 'write-protected', situation: 'virtual board with all pages write-protected: programming', commands: ['init', 'reset halt', `catch {program ${img} 0x08000000 verify}`, 'shutdown'] },
    { name: 'signal-integrity--vboard-noisy-link', fault: 'noisy-link:0.003', situation: 'virtual board whose TDO line flips a bit now and then: connecting and programming', commands: ['init', `catch {program ${img} 0x08000000 verify}`, 'shutdown'] },
  ];
  try {
    for (const c of captures) {
      const r = await runOnce(c.fault, c.commands);
      const text = [
        `# source: real run, virtual board fault ${c.fault}, ${ver}`,
        `# situation: ${c.situation}`,
        `# command: openocd ${r.argv.join(' ').replace(img, 'fw.bin')}`,
        `# exit: ${r.code ?? 1}`,
        ...(c.header ?? []),
        r.log.replaceAll(img, 'fw.bin'),
      ].join('\n');
      writeFileSync(path.join(CORPUS, `${c.name}.log`), text);
      console.log(`${c.name}: exit ${r.code}, ${r.log.split('\n').length} lines`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
