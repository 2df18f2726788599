// Every `bringup` subcommand, in the order `--help` lists them. Each lives in its own file.
import type { CliCommand } from './command';
import { serveCommand } from './serve';
import { diagnoseCommand } from './diagnose';
import { vboardCommand } from './vboard';
import { adaptersCommand } from './adapters';
import { infoCommand } from './info';
import { readCommand } from './read';
import { writeCommand } from './write';
import { flashCommand } from './flash';
import { eraseCommand } from './erase';
import { regsCommand } from './regs';
import { resetCommand } from './reset';
import { haltCommand } from './halt';
import { resumeCommand } from './resume';
import { replCommand } from './repl';
import { svdCommand } from './svd';

export const commands: CliCommand[] = [serveCommand, diagnoseCommand, vboardCommand, adaptersCommand,
  infoCommand, readCommand, writeCommand, flashCommand, eraseCommand, regsCommand, resetCommand, haltCommand, resumeCommand, replCommand, svdCommand];
