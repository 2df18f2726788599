export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Full help for `bringup NAME --help` (default: the usage line and the summary). */
  help?: string;
  /** Returns the exit code: 0 done, 1 failed, 2 bad usage. */
  run(args: string[]): Promise<number>;
}

/** Thrown by argument parsing; the dispatcher prints it and exits 2. */
export class UsageError extends Error {}
