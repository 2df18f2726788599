// What a debugger needs to join a session's OpenOCD: the GDB command line and a VS Code
// Cortex-Debug launch configuration. Shared so the CLI (`bringup gdb-server`) and the
// Connection panel print the same text.

/** `target extended-remote 127.0.0.1:PORT`: extended-remote so `run`/`monitor reset` keep the connection. */
export function gdbTargetCommand(port: number, host = '127.0.0.1'): string {
  return `target extended-remote ${host}:${port}`;
}

export interface CortexDebugOptions {
  port: number;
  host?: string;
  /** The firmware .elf (symbols and, for `launch`, what is loaded). */
  executable?: string;
  /** The chip's SVD (Cortex-Debug's peripheral view). */
  svdFile?: string;
  /** The GDB binary; Cortex-Debug's default is arm-none-eabi-gdb, which Debian does not ship. */
  gdbPath?: string;
  /** 'attach' (default) leaves the running firmware alone; 'launch' loads the executable. */
  request?: 'attach' | 'launch';
}

/**
 * A .vscode/launch.json with one Cortex-Debug configuration for an OpenOCD that is
 * already running (servertype "external": Cortex-Debug starts no server, it connects to
 * gdbTarget). Pasted as the whole file, it works as it is.
 */
export function cortexDebugLaunch(o: CortexDebugOptions): { version: string; configurations: Record<string, unknown>[] } {
  const target = `${o.host ?? '127.0.0.1'}:${o.port}`;
  const cfg: Record<string, unknown> = {
    name: `Bring-up Workbench (${target})`,
    type: 'cortex-debug',
    request: o.request ?? 'attach',
    servertype: 'external',
    gdbTarget: target,
    executable: o.executable ?? '${workspaceFolder}/build/firmware.elf',
  };
  if (o.svdFile) cfg.svdFile = o.svdFile;
  if (o.gdbPath) cfg.gdbPath = o.gdbPath;
  return { version: '0.2.0', configurations: [cfg] };
}

export function cortexDebugLaunchText(o: CortexDebugOptions): string {
  return JSON.stringify(cortexDebugLaunch(o), null, 2);
}

/** The Connection panel's GDB switch: on or off for the connection, and the pinned port if any. */
export interface GdbSwitchState {
  enabled: boolean;
  /** A fixed port (a profile may pin one); absent: a free port each start. */
  port?: number;
  /** While connected with GDB on: the port it is served on. */
  servedPort?: number;
  /** The switch changed while connected: OpenOCD was restarted to open or close the port. */
  reconnected?: boolean;
  /** While served: the GDB command line and the Cortex-Debug launch.json, ready to paste. */
  command?: string;
  launchJson?: string;
}
