// The one thing every session subsystem needs: send a Tcl command, get OpenOCD's reply.
// The real implementation is TclRpcClient (main/openocd/rpc-client.ts), which rejects
// with the library's typed errors; tests substitute a recorded-reply runner.
export interface CommandOptions {
  /** Overrides the client's default reply timeout for slow commands (big reads, SVF). */
  timeoutMs?: number;
  /** Keep a successful result out of OpenOCD's log, so the user's console shows only their own commands. */
  quiet?: boolean;
}

export interface CommandRunner {
  command(tcl: string, opts?: CommandOptions): Promise<string>;
}
