// "invalid command name X" raised from a script in OpenOCD's own scripts folder
// (.../share/openocd/scripts/target/esp_common.cfg:100: Error: invalid command name "esp"):
// the binary lacks a command the scripts installed with it call, so the binary is older
// than its scripts or a release that did not implement it yet. The user's configuration
// is not at fault, a newer build is the fix. A command the scripts call that newer
// releases renamed or removed is the opposite case (old scripts beside a newer binary)
// and stays a configuration problem.
import type { Line } from './types';
import { commandRemovedIn, removedCommand } from './signatures/version-knowledge';

/** The script path (OpenOCD prints it before the level) and the command it calls. */
const OWN_SCRIPT_CALL = /(?:^|[\s"'])((?:\S*\/)?(?:share\/openocd\/)?scripts\/(?:target|interface|board|cpu|chip|fpga)\/\S+\.(?:cfg|tcl)):\d+:\s+Error:\s+invalid command name "([^"]+)"/;

export interface OwnScriptCall {
  script: string;
  command: string;
}

export function ownScriptMissingCommand(lines: readonly Line[]): OwnScriptCall | undefined {
  for (const l of lines) {
    const m = OWN_SCRIPT_CALL.exec(l.raw);
    const [script, command] = [m?.[1], m?.[2]];
    if (!script || !command || removedCommand(command) || commandRemovedIn(command)) continue;
    return { script: script.replace(/^.*\/scripts\//, ''), command };
  }
  return undefined;
}
