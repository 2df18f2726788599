// Every `bringup` subcommand, in the order `--help` lists them. Each lives in its own file.
import type { CliCommand } from './command';
import { serveCommand } from './serve';
import { diagnoseCommand } from './diagnose';
import { vboardCommand } from './vboard';

export const commands: CliCommand[] = [serveCommand, diagnoseCommand, vboardCommand];
