// `bringup repl`: an OpenOCD Tcl prompt over RPC. Each line is one command; the reply
// is printed on stdout, a failure (with OpenOCD's text and a hint) on stderr, and the
// prompt comes back. `exit`, `quit` or Ctrl-D end it; Ctrl-C clears the line, as a
// shell does. On a terminal the history is kept in ~/.bringup_history. Without a
// terminal it reads commands from stdin (scripts: `echo version | bringup repl ...`)
// and exits 1 when any command failed. `shutdown` ends OpenOCD and the prompt (exit 1).
import { appendFile, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Session } from '../session/session';
import { expectPositional } from './args';
import { describeError } from './output';
import { defineTargetCommand } from './target-command';

const HISTORY_FILE = path.join(homedir(), '.bringup_history');
const HISTORY_SIZE = 500;
/** `shutdown` (optionally `shutdown error`): OpenOCD exits. */
const SHUTDOWN = /^shutdown(\s+error)?$/;

async function loadHistory(): Promise<string[]> {
  try {
    const lines = (await readFile(HISTORY_FILE, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    // readline wants the newest first.
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

export const replCommand = defineTargetCommand<null>({
  name: 'repl',
  usage: 'repl',
  summary: 'Interactive OpenOCD Tcl prompt (history; exit or Ctrl-D to quit)',
  options: {},
  target: 'required',
  parse(p) {
    expectPositional(p, []);
    return null;
  },
  async run({ session, signal }) {
    const s = session as Session;
    const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
    const rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: tty,
      history: tty ? await loadHistory() : [],
      historySize: HISTORY_SIZE,
      prompt: 'openocd> ',
    });
    signal.addEventListener('abort', () => rl.close(), { once: true });
    rl.on('SIGINT', () => {
      rl.write(null, { ctrl: true, name: 'u' }); // clear the line being typed
      process.stdout.write('^C (type exit or press Ctrl-D to quit)\n');
      rl.prompt();
    });
    if (tty) {
      process.stdout.write('OpenOCD Tcl prompt: commands go to OpenOCD as typed. exit or Ctrl-D quits.\n');
      rl.prompt();
    }
    // A script (no terminal) must be able to tell that a command failed: exit 1 at the end.
    let failed = false;
    let ended = false;
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === 'exit' || line === 'quit') break;
      if (line !== '') {
        if (tty) void appendFile(HISTORY_FILE, line + '\n').catch(() => undefined);
        if (SHUTDOWN.test(line)) {
          // OpenOCD ends and drops the connection: the reply is no failure, but nothing follows.
          await s.command(line).catch(() => undefined);
          process.stderr.write('OpenOCD shut down (it ended on `shutdown`); nothing left to talk to, so the prompt ends.\n');
          ended = true;
          break;
        }
        try {
          const reply = await s.command(line);
          if (reply !== '') process.stdout.write(reply.endsWith('\n') ? reply : reply + '\n');
        } catch (err) {
          failed = true;
          process.stderr.write(describeError(err).join('\n') + '\n');
          if (s.closed) break;
        }
      }
      if (tty) rl.prompt();
    }
    rl.close();
    if (tty) process.stdout.write('\n');
    return ended || (failed && !tty) ? 1 : 0;
  },
});
