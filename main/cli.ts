// The `bringup` command: dispatches to one module per subcommand (main/cli/*).
// Exit codes: 0 done, 1 the operation failed, 2 bad usage.
// Start-up is kept at bare Node's: this file imports only the registry (names and
// loaders); `npm run build` splits each command into its own chunk, so `--version`,
// `--help` (from dist/cli/commands.json, written by the build) and one command load
// only what they use (bench/cli-startup.ts measures it against `node -e 0`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  // For the build: the command list that --help prints, without loading the commands then.
  if (name === '--commands-json') {
    console.log(JSON.stringify(await loadListing()));
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`bringup: unknown command '${name}'. Run 'bringup --help' for the list.`);
    return 2;
  }
  if (wantsHelp(rest)) {
    // From the build's listing when there is one: help need not load the command's chunk.
    const built = builtListing()?.find((c) => c.name === name);
    console.log(built ? commandHelp(built) : commandHelp(await entry.load()));
    return 0;
  }
  const command = await entry.load();
  return command.run(rest);
}

/** `bringup CMD --help`: the command's own help, or its usage line and summary. */
function commandHelp(c: Pick<CliCommand, 'help' | 'summary' | 'usage'>): string {
  return c.help ?? `${c.summary}\nUsage: bringup ${c.usage}`;
}

type Listing = Array<{ name: string; usage: string; summary: string; help?: string }>;

async function printUsage(): Promise<void> {
  console.log('Usage: bringup <command> [options]\n\nCommands:');
  for (const c of builtListing() ?? (await loadListing())) console.log(`  ${c.usage.padEnd(44)} ${c.summary}`);
}

async function loadListing(): Promise<Listing> {
  return (await Promise.all(commands.map((e) => e.load()))).map((c) => ({ name: c.name, usage: c.usage, summary: c.summary, ...(c.help === undefined ? {} : { help: c.help }) }));
}

/** dist/cli/commands.json beside the bundle, when it lists exactly the registered commands (else load them). */
function builtListing(): Listing | undefined {
  try {
    const list = JSON.parse(readFileSync(path.join(__dirname, 'cli', 'commands.json'), 'utf8')) as Listing;
    return list.length === commands.length && list.every((c, i) => c.name === commands[i]?.name) ? list : undefined;
  } catch {
    return undefined;
  }
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
