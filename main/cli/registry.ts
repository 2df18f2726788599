// Every `bringup` subcommand, in the order `--help` lists them. Each lives in its own
// file and is loaded only when it runs (or for --help): the bundle evaluates only the
// command in use, so `bringup flash` does not pay for the server, the virtual board or
// the troubleshooter at start-up (bench/flash.ts times the CLI as users run it).
import type { CliCommand } from './command';

export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
  { name: 'diagnose', load: async () => (await import('./diagnose')).diagnoseCommand },
  { name: 'vboard', load: async () => (await import('./vboard')).vboardCommand },
  { name: 'adapters', load: async () => (await import('./adapters')).adaptersCommand },
  { name: 'info', load: async () => (await import('./info')).infoCommand },
  { name: 'read', load: async () => (await import('./read')).readCommand },
  { name: 'write', load: async () => (await import('./write')).writeCommand },
  { name: 'flash', load: async () => (await import('./flash')).flashCommand },
  { name: 'erase', load: async () => (await import('./erase')).eraseCommand },
  { name: 'regs', load: async () => (await import('./regs')).regsCommand },
  { name: 'reset', load: async () => (await import('./reset')).resetCommand },
  { name: 'halt', load: async () => (await import('./halt')).haltCommand },
  { name: 'resume', load: async () => (await import('./resume')).resumeCommand },
  { name: 'repl', load: async () => (await import('./repl')).replCommand },
  { name: 'station', load: async () => (await import('./station')).stationCommand },
  { name: 'check', load: async () => (await import('./check')).checkCommand },
  { name: 'svd', load: async () => (await import('./svd')).svdCommand },
  { name: 'gdb-server', load: async () => (await import('./gdb-server')).gdbServerCommand },
];
