// A stand-in for the app: starts OpenOCD (dummy adapter) through OpenOcdProcess,
// prints its pid, then waits to be killed. Bundled and run by orphan.int.test.ts.
import { execFileSync } from 'node:child_process';
import { findOpenOcd } from '../binary';
import { freePort } from '../ports';
import { OpenOcdProcess } from '../process';

async function main(): Promise<void> {
  const bin = await findOpenOcd({});
  const tcl = await freePort();
  // ORPHAN_TCL_PIPE=1: the CLI's way, the tcl server on OpenOCD's stdin/stdout.
  const pipe = process.env.ORPHAN_TCL_PIPE === '1';
  const ocd = new OpenOcdProcess({
    binary: bin.path,
    args: ['-c', 'bindto 127.0.0.1', '-c', `tcl_port ${pipe ? 'pipe' : tcl}`, '-c', 'telnet_port disabled', '-c', 'gdb_port disabled',
      '-c', 'adapter driver dummy', '-c', 'transport select jtag', '-c', 'jtag newtap dummy cpu -irlen 4', '-c', 'init'],
    tclPipe: pipe,
  });
  await ocd.waitReady({ port: tcl, timeoutMs: 15_000 });
  // The pid of OpenOCD itself: in watchdog mode ocd.pid is the watchdog's.
  const pid = ocd.launchMode === 'watchdog' ? Number(execFileSync('pgrep', ['-P', String(ocd.pid)], { encoding: 'utf8' }).trim().split('\n')[0]) : ocd.pid;
  console.log(`READY ${pid} ${ocd.launchMode}`);
  setInterval(() => undefined, 1 << 30);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
