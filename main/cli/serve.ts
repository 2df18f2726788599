// `bringup serve`: the workbench in a browser. Prints the URL (with its access
// token), serves until Ctrl-C, then stops OpenOCD before exiting (no orphan).
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import { createServices } from '../host/create-services';
import { defaultUserDataDir } from '../profiles/user-data';
import { startServer } from '../serve';
import { findRendererDir } from '../serve/static';
import { UsageError, type CliCommand } from './command';
import { stopWork, type StoppedWork } from '../host/stop-work';
import { watchParent } from '../serve/parent-watch';

interface ServeArgs {
  host: string;
  port: number;
  demo: boolean;
  openocd?: string;
}

export function parseServeArgs(args: string[]): ServeArgs {
  const out: ServeArgs = { host: '127.0.0.1', port: 0, demo: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host':
        out.host = value();
        break;
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be 0..65535, got '${v}'`);
        out.port = n;
        break;
      }
      case '--demo':
        out.demo = true;
        break;
      case '--openocd':
        out.openocd = value();
        break;
      default:
        throw new UsageError(`unknown option '${a}'`);
    }
  }
  return out;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--host H] [--port N] [--demo] [--openocd PATH]',
  summary: 'Run the workbench for a web browser (127.0.0.1, token-protected)',
  async run(argv) {
    let args: ServeArgs;
    try {
      args = parseServeArgs(argv);
    } catch (err) {
      if (err instanceof UsageError) {
        console.error(`bringup serve: ${err.message}`);
        return 2;
      }
      throw err;
    }
    const rendererDir = findRendererDir();
    if (!rendererDir) {
      console.error('bringup serve: the renderer is not built (dist/renderer missing). Run `npm run build`.');
      return 1;
    }
    const services = createServices({
      userDataDir: defaultUserDataDir(),
      controller: args.openocd ? { openocdPath: args.openocd } : {},
    });
    const server = await startServer({ services, rendererDir, host: args.host, port: args.port });
    console.log(`Listening on ${server.url}`);
    // A supervisor's browser: the station's grid and summary (every panel, in fact), but no write.
    console.log(`view-only: ${server.viewUrl}`);
    console.log("Open that address in a browser (the token is required). Ctrl-C stops the server and OpenOCD.");
    if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
      console.log(`Warning: bound to ${args.host}; anyone who can reach it and knows the token can drive your probe.`);
    }

    if (args.demo) {
      // The demo is the virtual board, connected at start; its output shows in the page's console.
      await services.profiles.markUsed(VBOARD_PROFILE_ID);
      const profile = await services.profiles.get(VBOARD_PROFILE_ID);
      if (profile) {
        void services.controller.start(profile).then(
          (s) => console.log(s.state === 'connected' ? 'Demo: connected to the virtual board.' : `Demo: the virtual board did not connect (${s.state}).`),
          (err: unknown) => console.error(`bringup serve: demo connect failed: ${String(err)}`),
        );
      }
    }

    return new Promise<number>((resolve) => {
      let stopping = false;
      let unwatch = (): void => undefined;
      const stop = (why: string): void => {
        if (stopping) return;
        stopping = true;
        unwatch();
        console.log(`\n${why}: stopping OpenOCD and the server…`);
        // A flash in progress ends first, after the chunk in flight, and its final event reaches
        // the page before the sockets close; then OpenOCD, the station and the server stop.
        const done = stopWork(services, why).then(async (work) => {
          await server.close(`bringup serve stopped (${why})`);
          return work;
        });
        void done.then(
          (work) => finish(work),
          () => finish({}),
        );
      };
      const finish = (work: StoppedWork): void => {
        // `process.on`, not `once`, and removed only now: while the handler is attached the
        // process registry knows the signal is ours and leaves OpenOCD to this clean-up.
        for (const sig of SIGNALS) process.off(sig, onSignal);
        console.log(stoppedSummary(services.controller.status(), services.controller.logHistory()));
        // Cut off mid-flash: the chip is half-programmed, which is a failure whoever asked for the stop.
        if (work.flash !== undefined) console.error(`bringup serve: ${work.flash}`);
        const code = work.flash === undefined ? 0 : 1;
        resolve(code);
        // Whatever still holds the event loop (a socket mid-close) must not keep a stopped server alive.
        setTimeout(() => process.exit(code), 500).unref();
      };
      const onSignal = (signal: NodeJS.Signals): void => stop(signal);
      for (const sig of SIGNALS) process.on(sig, onSignal);
      unwatch = watchParent(() => stop('its parent process exited'));
    });
  },
};

const SIGNALS: readonly NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** One line on how OpenOCD ended: its exit and its last words ("shutdown command invoked" when it stopped politely). */
export function stoppedSummary(status: ConnectionStatus, log: readonly LogLine[]): string {
  const exit = status.exit;
  if (!exit) return 'OpenOCD was not running.';
  const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
  // After `shutdown` the adapter driver says goodbye too; the line that tells how it ended comes first.
  const tail = log.slice(-20).filter((l) => l.text.trim() !== '');
  const why = tail.find((l) => l.text.includes('shutdown command invoked')) ?? tail[tail.length - 1];
  return `OpenOCD stopped (${how})${why ? `: ${why.text}` : ''}`;
}
