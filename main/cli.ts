// The `bringup` command: dispatches to one module per subcommand (main/cli/*).
// Exit codes: 0 done, 1 the operation failed, 2 bad usage.
import { commands } from './cli/registry';
import { wantsHelp } from './cli/args';
import type { CliCommand } from './cli/command';

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printUsage();
    return name ? 0 : 2;
  }
  if (name === '--version') {
    console.log('bringup 0.1.0');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`bringup: unknown command '${name}'. Run 'bringup --help' for the list.`);
    return 2;
  }
  const command = await entry.load();
  if (wantsHelp(rest)) {
    console.log(commandHelp(command));
    return 0;
  }
  return command.run(rest);
}

/** `bringup CMD --help`: the command's own help, or its usage line and summary. */
function commandHelp(c: CliCommand): string {
  return c.help ?? `${c.summary}\nUsage: bringup ${c.usage}`;
}

async function printUsage(): Promise<void> {
  console.log('Usage: bringup <command> [options]\n\nCommands:');
  for (const c of await Promise.all(commands.map((e) => e.load()))) console.log(`  ${c.usage.padEnd(44)} ${c.summary}`);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bringup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
