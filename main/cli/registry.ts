// Every `bringup` subcommand, in the order `--help` lists them. Each lives in its own file.
import type { CliCommand } from './command';

export const commands: CliCommand[] = [];
