// Parsers for OpenOCD 0.12's RTT commands (src/rtt/tcl.c, src/rtt/rtt.c).
//   rtt channels         -> "Channels: up=3, down=3\nUp-channels:\n0: Terminal 1024 0\n...Down-channels:\n0: Terminal 16 0\n"
//                           (channels of size 0 are left out, so the index matters)
//   rtt polling_interval -> "100 ms"
//   rtt start logs        "rtt: Control block found at 0x20000000" / "rtt: No control block found"
import { TargetError } from '../openocd/errors';

export interface RttChannel {
  index: number;
  name: string;
  size: number;
  flags: number;
}

export interface RttChannels {
  up: RttChannel[];
  down: RttChannel[];
}

const CHANNEL = /^(\d+): (.*) (\d+) (\d+)$/;

export function parseRttChannels(text: string): RttChannels {
  const out: RttChannels = { up: [], down: [] };
  let section: RttChannel[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('Channels:')) continue;
    if (line === 'Up-channels:') section = out.up;
    else if (line === 'Down-channels:') section = out.down;
    else {
      const m = CHANNEL.exec(line);
      if (!m || !section) throw new TargetError(`unexpected line in RTT channel list: ${line}`, { openocdText: text });
      section.push({ index: Number(m[1]), name: m[2] as string, size: Number(m[3]), flags: Number(m[4]) });
    }
  }
  return out;
}

export function parsePollingInterval(text: string): number {
  const m = /^(\d+) ms$/.exec(text.trim());
  if (!m) throw new TargetError(`unexpected RTT polling interval reply: ${text.trim()}`, { openocdText: text });
  return Number(m[1]);
}

/** The control block address from `rtt start`'s log, or undefined when none was found. */
export function parseControlBlock(log: string): number | undefined {
  const m = /Control block found at (0x[0-9a-fA-F]+)/.exec(log);
  return m ? Number(m[1]) : undefined;
}
